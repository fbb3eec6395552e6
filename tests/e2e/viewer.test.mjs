// A visitor's flows through the viewer against the release build in headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addressOf, openPage, query, useSite } from "./harness.mjs";

const env = useSite();

const slider = (page) => page.getByRole("slider", { name: "Year" });
const picker = (page) => page.getByRole("combobox", { name: "Timeline" });
const passages = (page) => page.getByRole("region", { name: "Passages" });
const region = (page, id) => page.locator(`path.region[data-region="${id}"]`);

async function ready(page) {
  await region(page, "bavaria").waitFor();
}

test("a permalink opens its moment: timeline, year, selection and view", async () => {
  const url = `${env.site.url}/?t=red-triumph&y=1924&r=bavaria&v=11.50,48.80,3.00`;
  const page = await openPage(env.browser, url);
  await ready(page);
  assert.equal(await picker(page).inputValue(), "red-triumph");
  assert.equal(await slider(page).inputValue(), "1924");
  assert.equal((await addressOf(page)).href, url, "the link is already canonical and stays as it was");
  assert.match(await region(page, "bavaria").getAttribute("class"), /selected/);
  const panel = await passages(page).innerText();
  assert.match(panel, /Bavaria/);
  assert.match(panel, /Bavarian front/);
  // The view: the map is centred near Bavaria, zoomed in.
  const viewBox = await page.locator("svg.map").getAttribute("viewBox");
  const [x, , w] = viewBox.split(" ").map(Number);
  assert.ok(w < 8000, `zoomed in: ${viewBox}`);
  const box = await region(page, "bavaria").boundingBox();
  const map = await page.locator("svg.map").boundingBox();
  assert.ok(box.x > map.x && box.x + box.width < map.x + map.width, "Bavaria is on screen");
  assert.ok(Number.isFinite(x));
  assert.deepEqual(page.errors, []);
});

test("the slider changes the URL and the borders", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1937`);
  await ready(page);
  const border = page.locator('.state-borders path[data-between="bavaria austria"]');
  assert.equal(await border.getAttribute("display"), "inline", "Germany and Austria have a border");
  assert.match(await region(page, "austria").getAttribute("aria-label"), /^Austria, Austria/);
  await slider(page).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal((await query(page)).get("y"), "1938");
  assert.match(await region(page, "austria").getAttribute("aria-label"), /^Austria, Germany/);
  assert.equal(await border.getAttribute("display"), "none", "the border between Germany and Austria is gone");
  assert.deepEqual(page.errors, []);
});

test("clicking Bavaria in Red Triumph 1924 lists passages about Bavaria; Back closes it", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1924&v=11.00,49.50,2.50`);
  await ready(page);
  assert.match(await passages(page).innerText(), /Click a region/);
  await region(page, "bavaria").click();
  await page.waitForFunction(() => location.search.includes("r=bavaria"));
  const items = passages(page).locator("li.passage");
  assert.ok((await items.count()) >= 4, "several passages about Bavaria");
  const first = await items.first().innerText();
  assert.match(first, /evidence for the border shown/);
  for (const text of await items.allInnerTexts()) {
    assert.match(text, /Bavaria|Bavarian|Munich|the Trotskyists|Labor|labor|Labour/, text);
  }
  assert.match(await passages(page).innerText(), /Red Triumph\. Germany — BrushHikka/);

  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("r="));
  assert.match(await passages(page).innerText(), /Click a region/);
  assert.deepEqual(page.errors, []);
});

test("a region is reachable by keyboard and named by its English name, then its holder", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await ready(page);
  const saar = region(page, "saar");
  assert.match(await saar.getAttribute("aria-label"), /^Saar, League of Nations/);
  await saar.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("r=saar"));
  assert.match(await passages(page).innerText(), /Saar/);
  assert.deepEqual(page.errors, []);
});

test("a copied link opens the same moment in a new page", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto(`${env.site.url}/?t=rosas-reich&y=1920&r=ruhr&v=8.00,51.00,3.00`);
  await ready(page);
  await picker(page).selectOption("strasser");
  await page.waitForFunction(() => location.search.includes("t=strasser"));
  await page.getByRole("button", { name: "Copy link" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, (await addressOf(page)).href);
  assert.match(copied, /t=strasser&y=1920&r=ruhr&v=8\.00,51\.00,3\.00/, "switching timeline kept year, selection and view");

  const other = await context.newPage();
  await other.goto(copied);
  await ready(other);
  assert.equal(await picker(other).inputValue(), "strasser");
  assert.equal(await slider(other).inputValue(), "1920");
  assert.match(await region(other, "ruhr").getAttribute("class"), /selected/);
  assert.equal(
    await other.locator("svg.map").getAttribute("viewBox"),
    await page.locator("svg.map").getAttribute("viewBox"),
  );
  await context.close();
});

test("panning the map updates the view in the URL without adding history", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await ready(page);
  const before = await page.evaluate(() => history.length);
  const map = await page.locator("svg.map").boundingBox();
  await page.mouse.move(map.x + 300, map.y + 300);
  await page.mouse.down();
  await page.mouse.move(map.x + 200, map.y + 250, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => location.search.includes("v="));
  assert.equal(await page.evaluate(() => history.length), before);
  await page.getByRole("button", { name: "Zoom in" }).click();
  const zoom = Number((await query(page)).get("v").split(",")[2]);
  assert.ok(zoom > 1.4, `zoomed: ${zoom}`);
  await page.getByRole("button", { name: "Reset view" }).click();
  assert.match((await query(page)).get("v"), /,1\.00$/);
  assert.deepEqual(page.errors, []);
});

test("a bad link shows what it ignored and a working map", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=narnia&y=abc&r=Atlantis&v=999,0,1`);
  await ready(page);
  const notice = await page.getByRole("status", { name: "Link notice" }).innerText();
  for (const part of ["t=narnia", "y=abc", "r=Atlantis", "v=999,0,1"]) assert.match(notice, new RegExp(part));
  assert.equal(await picker(page).inputValue(), "real");
  assert.equal(await slider(page).inputValue(), "1930");
  await region(page, "saar").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("r=saar"));
  assert.deepEqual(page.errors, []);
});

test("the phone layout keeps the slider and the panel usable", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1926&r=kazan-city`, { width: 390, height: 844 });
  await ready(page);
  const s = await slider(page).boundingBox();
  assert.ok(s.width >= 150 && s.height >= 40, `slider big enough for a thumb: ${JSON.stringify(s)}`);
  const panel = await passages(page).boundingBox();
  assert.ok(panel.y > 844 / 2, "the panel is a sheet in the lower half");
  assert.match(await passages(page).innerText(), /Kama/);
  assert.deepEqual(page.errors, []);
});

test("hovering a region names it, its holder and its status", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930&v=7.50,49.50,4.00`);
  await ready(page);
  await region(page, "saar").hover();
  const tip = page.getByRole("tooltip");
  await tip.waitFor();
  assert.match(await tip.innerText(), /^Saar — League of Nations/);
  await region(page, "ruhr").hover();
  assert.match(await tip.innerText(), /^Ruhr — Germany$/);
  assert.deepEqual(page.errors, []);
});

test("play steps through the years as one history step, and pauses", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1935`);
  await ready(page);
  const before = await page.evaluate(() => history.length);
  await page.getByRole("button", { name: "Play through the years" }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("y") === "1937", null, { timeout: 5000 });
  await page.getByRole("button", { name: "Pause" }).click();
  const stopped = Number((await query(page)).get("y"));
  await page.waitForTimeout(1300);
  assert.equal(Number((await query(page)).get("y")), stopped, "paused");
  assert.equal(await page.evaluate(() => history.length), before + 1, "a whole run is one step");
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("y=1935"));
  assert.deepEqual(page.errors, []);
});

test("a pinch with two fingers zooms the map and carries it with them, the wheel zooms too, and the view goes into the URL", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await ready(page);
  const zoom = async () => Number((await query(page)).get("v")?.split(",")[2] ?? "1");
  const box = await page.locator("svg.map").boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.evaluate(
    ([cx, cy]) => {
      const svg = document.querySelector("svg.map");
      const fire = (type, id, x) =>
        svg.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: cy, bubbles: true, pointerType: "touch" }));
      fire("pointerdown", 1, cx - 40);
      fire("pointerdown", 2, cx + 40);
      for (let d = 40; d <= 120; d += 10) {
        fire("pointermove", 1, cx - d);
        fire("pointermove", 2, cx + d);
      }
      fire("pointerup", 1, cx - 120);
      fire("pointerup", 2, cx + 120);
    },
    [cx, cy],
  );
  await page.waitForFunction(() => new URLSearchParams(location.search).has("v"));
  const pinched = await zoom();
  assert.ok(pinched > 2.5, `fingers three times farther apart zoom about three times: ${pinched}`);
  // Two fingers moved together carry the map with them.
  const moved = await page.evaluate(
    async ([cx, cy]) => {
      const svg = document.querySelector("svg.map");
      const under = document.elementFromPoint(cx, cy).closest("path.region");
      const before = under.getBoundingClientRect();
      const fire = (type, id, x) =>
        svg.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: cy, bubbles: true, pointerType: "touch" }));
      fire("pointerdown", 1, cx - 40);
      fire("pointerdown", 2, cx + 40);
      for (let d = 10; d <= 100; d += 10) {
        fire("pointermove", 1, cx - 40 + d);
        fire("pointermove", 2, cx + 40 + d);
      }
      fire("pointerup", 1, cx + 60);
      fire("pointerup", 2, cx + 140);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const after = under.getBoundingClientRect();
      return [after.x - before.x, after.y - before.y, after.width / before.width];
    },
    [cx, cy],
  );
  assert.ok(Math.abs(moved[0] - 100) < 3 && Math.abs(moved[1]) < 3 && Math.abs(moved[2] - 1) < 0.02, `the region under the fingers follows them: ${moved}`);
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction((z) => Number(new URLSearchParams(location.search).get("v").split(",")[2]) < z, pinched);
  assert.deepEqual(page.errors, []);
});

test("while the wheel turns the map is scaled on screen, then laid out where the preview showed it", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await ready(page);
  // The page has settled: the texts are in (the header grows by a line with them) and the
  // map has measured the size it has since.
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => {
    const svg = document.querySelector("svg.map");
    const f = svg.parentElement.getBoundingClientRect();
    const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
    return Math.abs(Math.max(w / f.width, h / f.height) - Number(svg.style.getPropertyValue("--px"))) < 0.01;
  });
  const svg = page.locator("svg.map");
  const viewBox = await svg.getAttribute("viewBox");
  const before = await page.locator('path.region[data-region="bavaria"]').boundingBox();
  const during = await page.evaluate(async () => {
    const svg = document.querySelector("svg.map");
    const b = svg.getBoundingClientRect();
    // Six steps in one go, then a task: the page's effects have run, and the map's rest
    // (150 ms after the last step) has not come, however slow the machine.
    for (let k = 0; k < 6; k++) {
      svg.dispatchEvent(new WheelEvent("wheel", { deltaY: -100, clientX: b.x + b.width * 0.3, clientY: b.y + b.height * 0.6, bubbles: true, cancelable: true }));
    }
    await new Promise((r) => setTimeout(r, 0));
    const r = document.querySelector('path.region[data-region="bavaria"]').getBoundingClientRect();
    return { held: svg.classList.contains("previewing"), transform: getComputedStyle(svg).transform, viewBox: svg.getAttribute("viewBox"), box: [r.x, r.y, r.width, r.height] };
  });
  assert.ok(during.held, "the map is held at its scale while the wheel turns");
  assert.notEqual(during.transform, "none");
  assert.equal(during.viewBox, viewBox, "not laid out at each step");
  await page.waitForFunction(() => !document.querySelector("svg.map").classList.contains("previewing"));
  assert.notEqual(await svg.getAttribute("viewBox"), viewBox, "laid out at the new scale once the wheel rests");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("svg.map")).transform), "none");
  const after = await page.evaluate(() => {
    const r = document.querySelector('path.region[data-region="bavaria"]').getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  });
  // Six steps zoom about 2.5 times: Bavaria grows on screen and stays where the preview put it.
  assert.ok(after[2] > 2 * before.width, `Bavaria ${before.width} px wide, then ${after[2]}`);
  for (let k = 0; k < 4; k++) assert.ok(Math.abs(after[k] - during.box[k]) < 4, `Bavaria where the preview showed it: ${during.box} then ${after}`);
  assert.deepEqual(page.errors, []);
});

test("hatching marks an occupation only while it lasts, dots only an inferred difference", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1923`);
  await ready(page);
  const hatch = (id) => page.locator(`path.hatch[data-region="${id}"]`);
  const dots = (id) => page.locator(`path.inferred[data-region="${id}"]`);
  // The Ruhr, occupied by France and Belgium from January 1923 to August 1925.
  assert.equal(await hatch("ruhr").count(), 1);
  assert.match(await region(page, "ruhr").getAttribute("aria-label"), /^Ruhr, France \(occupied · Germany\)/);
  await slider(page).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  assert.equal((await query(page)).get("y"), "1926");
  assert.equal(await hatch("ruhr").count(), 0, "no hatching once the occupation ends");
  assert.equal(await page.locator("path.inferred").count(), 0, "real history is never dotted");
  // Red Triumph: Bavaria falls to the Commune by the atlas's reading (inferred): dotted.
  await picker(page).selectOption("red-triumph");
  await page.waitForFunction(() => location.search.includes("t=red-triumph"));
  assert.equal(await dots("bavaria").count(), 1);
  // Before the divergence the timeline is real history: no dots.
  await page.goto(`${env.site.url}/?t=red-triumph&y=1922`);
  await ready(page);
  assert.equal(await page.locator("path.inferred").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("the legend lists the states on screen in the shown year, with the keys to hatching and dots", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1937&v=14.00,49.00,3.00`);
  await ready(page);
  const legend = page.getByRole("region", { name: "Legend" });
  const names = async () => (await legend.locator("li").allInnerTexts()).map((s) => s.trim());
  const before = await names();
  for (const s of ["Germany", "Austria", "Czechoslovakia"]) assert.ok(before.includes(s), `${s} in ${before}`);
  assert.ok(!before.includes("Japan"), "a state far off screen is not listed");
  assert.match(await legend.innerText(), /occupied, or held through a puppet state/);
  assert.match(await legend.innerText(), /differs from real history/);
  await slider(page).focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.search.includes("y=1938"));
  const after = await names();
  assert.ok(!after.includes("Austria"), "Austria is gone after the Anschluss");
  assert.ok(after.includes("Germany"));
  assert.deepEqual(page.errors, []);
});

test("a state's long name gives its short form on the map where it does not fit, and the whole name when zoomed in", async () => {
  const whole = "Kingdom of SCS (Serbs, Croats and Slovenes)";
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1925`);
  await ready(page);
  const names = () => page.locator("svg.map text.state-name").allTextContents();
  await page.waitForFunction(() => document.querySelectorAll("svg.map text.state-name").length > 5);
  const home = await names();
  assert.ok(home.includes("Kingdom of SCS"), `the short form at the opening view: ${home}`);
  assert.ok(!home.includes(whole), "not the whole name");
  const legend = await page.getByRole("region", { name: "Legend" }).locator("li").allInnerTexts();
  assert.ok(legend.map((s) => s.trim()).includes(whole), "the legend keeps the whole name");
  // Zoomed in over Bosnia, the whole name fits across the country.
  await page.goto(`${env.site.url}/?t=real&y=1925&v=18.50,44.20,8.00`);
  await ready(page);
  await page.waitForFunction((w) => [...document.querySelectorAll("svg.map text.state-name")].some((t) => t.textContent === w), whole);
  assert.deepEqual(page.errors, []);
});

test("a state is named as it was named on the day shown: a year step renames it where nothing else changed", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1928`);
  await ready(page);
  const serbia = region(page, "serbia");
  assert.match(await serbia.getAttribute("aria-label"), /^Serbia, Kingdom of SCS \(Serbs, Croats and Slovenes\)$/);
  const legend = page.getByRole("region", { name: "Legend" });
  await slider(page).focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.search.includes("y=1929"));
  // Renamed Yugoslavia on 3 October 1929: the map of 31 December says so.
  await page.waitForFunction(() => document.querySelector('path.region[data-region="serbia"]').getAttribute("aria-label") === "Serbia, Yugoslavia");
  const listed = (await legend.locator("li").allInnerTexts()).map((s) => s.trim());
  assert.ok(listed.includes("Yugoslavia"), `${listed}`);
  // The panel says under which name the holder held it before.
  await serbia.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("r=serbia"));
  assert.match(
    await passages(page).innerText(),
    /held by Yugoslavia since 1 December 1918 \(as Kingdom of SCS \(Serbs, Croats and Slovenes\) until 2 October 1929\)/,
  );
  // Persia is Iran from 21 March 1935.
  await page.goto(`${env.site.url}/?t=real&y=1934&v=50.00,33.00,2.00`);
  await ready(page);
  assert.match(await region(page, "persia").getAttribute("aria-label"), /^[^,]+, Persia$/);
  await slider(page).focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => /, Iran$/.test(document.querySelector('path.region[data-region="persia"]').getAttribute("aria-label")));
  assert.deepEqual(page.errors, []);
});

test("names and years in a passage lead to the map, each a step that Back undoes", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1930&r=posen`);
  await ready(page);
  await passages(page).locator("li.passage").first().waitFor();
  // A year keeps the selection.
  await passages(page).locator("button.text-link", { hasText: /^1940$/ }).first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("y") === "1940");
  assert.equal((await query(page)).get("r"), "posen");
  // A name keeps the year and selects what it names.
  await passages(page).getByRole("button", { name: "Prussia", exact: true }).first().click();
  await page.waitForFunction(() => location.search.includes("r=east-prussia"));
  assert.equal((await query(page)).get("y"), "1940");
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("r=posen"));
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("y") === "1930");
  assert.deepEqual(page.errors, []);
});

test("names in English or in their own language, kept in the link", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await ready(page);
  assert.match(await region(page, "bavaria").getAttribute("aria-label"), /^Bavaria, Germany$/);
  await page.getByRole("combobox", { name: "Names" }).selectOption("local");
  await page.waitForFunction(() => location.search.includes("n=local"));
  assert.match(await region(page, "bavaria").getAttribute("aria-label"), /^Bayern, Deutsches Reich$/);
  assert.ok((await page.getByRole("region", { name: "Legend" }).innerText()).includes("Deutsches Reich"));
  assert.ok((await page.locator(".labels text").allTextContents()).map((t) => t.trim()).includes("Deutsches Reich"));
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("combobox", { name: "Names" }).inputValue(), "local");
  assert.match(await region(page, "bavaria").getAttribute("aria-label"), /^Bayern, Deutsches Reich$/);
  await region(page, "bavaria").click();
  await page.waitForFunction(() => location.search.includes("r=bavaria"));
  assert.match(await passages(page).locator("h2").innerText(), /^Bayern$/);
  assert.match(await passages(page).innerText(), /Bavaria · part of · held by Deutsches Reich/);
  // Places too: Moscow is Москва, Warsaw Warszawa.
  await page.locator('circle.place[data-place="moscow"]').waitFor();
  assert.equal(await page.locator('circle.place[data-place="moscow"]').getAttribute("aria-label"), "Москва (place)");
  assert.deepEqual(page.errors, []);
});

test("a year in the full text leads to the map and closes the reader", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1930&r=posen`);
  await ready(page);
  await passages(page).locator("li.passage").first().waitFor();
  await passages(page).getByRole("button", { name: "Read in the full text" }).first().click();
  const reader = page.getByRole("dialog", { name: "Full text" });
  await reader.waitFor();
  await reader.locator("button.text-link", { hasText: /^1923$/ }).first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("y") === "1923");
  assert.equal(await reader.isVisible(), false);
  assert.equal((await query(page)).get("r"), "posen");
  assert.deepEqual(page.errors, []);
});

test("Read with the map: the text beside the map, which follows the passage at the reading line", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1930&r=bavaria`);
  await ready(page);
  await passages(page).locator("li.passage").first().waitFor();
  await passages(page).getByRole("button", { name: "Read in the full text" }).first().click();
  const reader = page.getByRole("dialog", { name: "Full text" });
  await reader.getByRole("button", { name: "Read with the map" }).click();
  const along = page.getByRole("complementary", { name: "Read with the map" });
  await along.waitFor();
  assert.equal(await reader.isVisible(), false);
  await page.waitForFunction(() => new URLSearchParams(location.search).has("read"));
  // Scrolling brings "On 10 November 1923, the Berlin workers' Council took control of the
  // city" to the reading line: the map goes to 1923 and marks Berlin.
  await along.locator('[data-read-passage="000-010"]').evaluate((p) => {
    const text = p.closest(".read-text");
    const box = text.getBoundingClientRect();
    // The reading line is a third of the way down the text's box.
    text.scrollTop += p.getBoundingClientRect().top - (box.top + box.height / 3) + 4;
    text.dispatchEvent(new Event("scroll"));
  });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("read") === "000-010");
  assert.equal((await query(page)).get("y"), "1923");
  await along.getByText("Now: 10 November 1923 · Berlin").waitFor();
  assert.equal(await along.locator("p.current").getAttribute("data-read-passage"), "000-010");
  assert.equal(await page.locator('.map-wrap[data-map="main"] circle.place.named').getAttribute("data-place"), "berlin-city");
  // The link opens the text at that passage.
  const again = await openPage(env.browser, (await addressOf(page)).href);
  const along2 = again.getByRole("complementary", { name: "Read with the map" });
  await along2.locator("p.current").waitFor();
  assert.equal(await along2.locator("p.current").getAttribute("data-read-passage"), "000-010");
  // ... scrolled so that the passage stands at the reading line.
  const offset = await along2.locator('[data-read-passage="000-010"]').evaluate((p) => {
    const box = p.closest(".read-text").getBoundingClientRect();
    return p.getBoundingClientRect().top - (box.top + box.height / 3);
  });
  assert.ok(Math.abs(offset) < 12, `the passage is ${offset} px from the reading line`);
  // A passage the texts do not have is set aside with a notice.
  const bad = await openPage(env.browser, `${env.site.url}/?t=real&y=1930&read=999-999`);
  await bad.getByRole("status", { name: "Link notice" }).getByText(/read=999-999/).waitFor();
  assert.equal(await bad.getByRole("complementary", { name: "Read with the map" }).count(), 0);
  // Closing the text gives the side panel back.
  await along.getByRole("button", { name: "Close the text" }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("read"));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
});

/** A page whose atlas wasm waits until `release()`; `requested` settles once it is asked for. */
async function withWasmHeld(url, viewport = { width: 1366, height: 768 }) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  let release;
  let requested;
  const held = new Promise((r) => (release = r));
  const asked = new Promise((r) => (requested = r));
  await page.route(/\.wasm$/, async (route) => {
    requested();
    await held;
    await route.continue();
  });
  await page.goto(url);
  return { page, release, asked, close: () => context.close() };
}

const fills = (page, selector) =>
  page.$$eval(selector, (paths) => Object.fromEntries(paths.map((p) => [p.dataset.region, p.getAttribute("fill")])));

test("the timeline's sources are named before the texts are in, and the map does not move when they come", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/corpus\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto(`${env.site.url}/?t=real&y=1930`);
    await region(page, "bavaria").waitFor();
    const sources = page.locator(".timeline-sources");
    assert.match(await sources.innerText(), /^Source: “German-Soviet cooperation”, Karl Schlange; “Leon Trotzki/);
    const frame = () => page.evaluate(() => JSON.stringify(document.querySelector("svg.map").parentElement.getBoundingClientRect()));
    const before = await frame();
    release();
    // The texts are in once the places they name are on the map.
    await page.locator(".map-wrap[data-map=main] .place").first().waitFor();
    assert.equal(await frame(), before);
  } finally {
    release();
    await context.close();
  }
});

test("the first map shows the link's moment before the atlas starts, as the atlas then draws it", async () => {
  const held = await withWasmHeld(`${env.site.url}/?t=red-triumph&y=1924`);
  const { page } = held;
  try {
    await page.locator("#first-map path").first().waitFor();
    await held.asked;
    assert.equal(await page.locator(".first-map-note").innerText(), "Red Triumph, 1924: the atlas is loading…");
    assert.equal(await page.locator("path.region").count(), 0, "the atlas has not started");
    const pictured = await fills(page, "#first-map path");
    held.release();
    await region(page, "bavaria").waitFor();
    await page.locator("#first-map").waitFor({ state: "detached" });
    const drawn = await fills(page, "path.region");
    assert.equal(Object.keys(pictured).length, Object.keys(drawn).length);
    assert.deepEqual(pictured, drawn, "each region has the fill the atlas gives it");
    // Another year of the same timeline is another picture.
    await page.goto(`${env.site.url}/?t=red-triumph&y=1941`);
    await page.locator("#first-map path").first().waitFor();
    const later = await fills(page, "#first-map path");
    assert.notDeepEqual(later, pictured);
    assert.deepEqual(page.errors, []);
  } finally {
    held.release();
    await held.close();
  }
});

test("the atlas's map takes the first map's place without a jump, on a wide screen and on a phone", async () => {
  // Where a region lies on screen: its box's centre and width.
  const placed = (page, selector) =>
    page.$eval(selector, (p) => {
      const r = p.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width };
    });
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const held = await withWasmHeld(`${env.site.url}/?t=red-triumph&y=1924`, viewport);
    const { page } = held;
    try {
      await page.locator('#first-map path[data-region="bavaria"]').waitFor();
      const before = await placed(page, '#first-map path[data-region="bavaria"]');
      held.release();
      await page.locator("#first-map").waitFor({ state: "detached" });
      const after = await placed(page, 'path.region[data-region="bavaria"]');
      const at = `${viewport.width}×${viewport.height}`;
      assert.ok(Math.abs(after.x - before.x) < 10 && Math.abs(after.y - before.y) < 10, `Bavaria stays in place at ${at}: ${JSON.stringify({ before, after })}`);
      assert.ok(Math.abs(after.width / before.width - 1) < 0.05, `Bavaria keeps its size at ${at}: ${JSON.stringify({ before, after })}`);
      assert.deepEqual(page.errors, []);
    } finally {
      held.release();
      await held.close();
    }
  }
});

test("a link that asks for more than a timeline and a year waits for the atlas's map", async () => {
  for (const query of [
    "?t=red-triumph&y=1924&v=11.50,48.80,3.00",
    "?t=real&y=1930&c=red-triumph",
    "?t=red-triumph&y=1924&r=bavaria",
    "?t=nowhere&y=1924",
    "?t=real&y=19x4",
    "?t=real&t=strasser",
  ]) {
    const held = await withWasmHeld(`${env.site.url}/${query}`);
    const { page } = held;
    try {
      // The wasm is asked for only once the first map is drawn or passed over.
      await held.asked;
      assert.equal(await page.locator("#first-map path").count(), 0, `no picture of another moment for ${query}`);
      assert.equal(await page.locator(".first-map-note").innerText(), "Loading the atlas…");
      held.release();
      await page.locator("path.region").first().waitFor();
      await page.locator("#first-map").waitFor({ state: "detached" });
    } finally {
      held.release();
      await held.close();
    }
  }
});
