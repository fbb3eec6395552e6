// Compare: a second map beside the first, the regions that differ marked on both, and a list of
// what differs with the passage that causes each difference.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, query, useSite } from "./harness.mjs";

const env = useSite();
const map = (page, which) => page.locator(`.map-wrap[data-map="${which}"]`);
const region = (page, which, id) => map(page, which).locator(`path.region[data-region="${id}"]`);
const differs = (page) => page.getByRole("region", { name: "What differs" });

test("Red Triumph against real history in 1935: both maps, the differences marked and listed", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1935`);
  await region(page, "main", "bavaria").waitFor();
  assert.equal(await map(page, "compared").count(), 0);
  await page.getByRole("combobox", { name: "Compare with" }).selectOption("real");
  await page.waitForFunction(() => location.search.includes("c=real"));
  await region(page, "compared", "bavaria").waitFor();
  // Bavaria: the Commune here, Germany there; marked on both maps and named so.
  assert.match(await region(page, "main", "bavaria").getAttribute("aria-label"), /^Bavaria, German Labour Commune, differs: Germany in Real history, 1935$/);
  assert.match(await region(page, "compared", "bavaria").getAttribute("aria-label"), /^Bavaria, Germany, differs: German Labour Commune in Red Triumph, 1935$/);
  for (const which of ["main", "compared"]) {
    assert.equal(await map(page, which).locator('path.differs[data-region="bavaria"]').count(), 1);
  }
  // Sweden is held alike: not marked.
  assert.equal(await map(page, "main").locator('path.differs[data-region="sweden"]').count(), 0);
  const list = differs(page);
  const bavaria = list.locator('li[data-region="bavaria"]');
  assert.match(await bavaria.innerText(), /German Labour Commune \(Red Triumph, 1935\) · Germany \(Real history, 1935\) · since/);
  await bavaria.locator("blockquote[data-passage]").waitFor();
  // Clicking a difference selects its region, one step in the history.
  await bavaria.getByRole("button", { name: "Bavaria" }).click();
  await page.waitForFunction(() => location.search.includes("r=bavaria"));
  // The maps pan together.
  const before = await map(page, "compared").locator("svg").getAttribute("viewBox");
  await page.getByRole("button", { name: "Zoom in" }).first().click();
  assert.notEqual(await map(page, "compared").locator("svg").getAttribute("viewBox"), before);
  assert.equal(
    await map(page, "compared").locator("svg").getAttribute("viewBox"),
    await map(page, "main").locator("svg").getAttribute("viewBox"),
  );
  // …and zoom together: a wheel on one scales both on screen, then lays both out alike.
  const held = await page.evaluate(async () => {
    const svg = document.querySelector('.map-wrap[data-map="compared"] svg');
    const b = svg.getBoundingClientRect();
    svg.dispatchEvent(new WheelEvent("wheel", { deltaY: -120, clientX: b.x + b.width / 2, clientY: b.y + b.height / 2, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    return [...document.querySelectorAll("svg.map")].map((m) => m.classList.contains("previewing"));
  });
  assert.deepEqual(held, [true, true]);
  await page.waitForFunction(() => ![...document.querySelectorAll("svg.map")].some((m) => m.classList.contains("previewing")));
  assert.equal(
    await map(page, "compared").locator("svg").getAttribute("viewBox"),
    await map(page, "main").locator("svg").getAttribute("viewBox"),
  );
  // The compared timeline's divergence and the end of its text are marked on the slider too.
  assert.equal(await page.locator(".divergence.compared").count(), 0, "real history has neither");
  await page.getByRole("combobox", { name: "Compare with" }).selectOption("rosas-reich");
  await page.waitForFunction(() => location.search.includes("c=rosas-reich"));
  const marks = await page.locator(".divergence.compared").evaluateAll((els) => els.map((e) => e.title));
  assert.deepEqual(marks, ["Rosa's Reich diverges 16 December 1918", "Rosa's Reich text stops 31 July 1920"]);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("c=real"));
  // Back walks through the compare steps.
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("r=bavaria"));
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("c=real"));
  assert.equal(await map(page, "compared").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("the same timeline in another year, from a link with c and cy", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1939&c=real&cy=1937`, { width: 390, height: 844 });
  await region(page, "compared", "austria").waitFor();
  assert.equal((await query(page)).get("cy"), "1937");
  assert.match(await region(page, "main", "austria").getAttribute("aria-label"), /^Austria, Germany, differs: Austria in Real history, 1937$/);
  assert.match(await differs(page).innerText(), /Real history, 1939 against Real history, 1937/);
  assert.match(await differs(page).locator('li[data-region="austria"]').innerText(), /since 13 March 1938/);
  assert.equal(await page.getByRole("combobox", { name: "Compare with" }).inputValue(), "@year");
  // On a phone the compared map lies over the first; a handle swipes between them.
  const main = await map(page, "main").boundingBox();
  const compared = await map(page, "compared").boundingBox();
  assert.deepEqual([compared.x, compared.y, compared.width], [main.x, main.y, main.width], "one over the other");
  const handle = page.getByRole("slider", { name: "Swipe between the two maps" });
  await handle.fill("20");
  assert.equal(await map(page, "compared").evaluate((e) => getComputedStyle(e).clipPath), "inset(0px 0px 0px 20%)");
  assert.deepEqual(page.errors, []);
});

test("a comparison of a map with itself is set aside, from a link or by switching the timeline", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1935&c=real&cy=1935`);
  await region(page, "main", "bavaria").waitFor();
  assert.equal(await map(page, "compared").count(), 0);
  assert.match(await page.getByRole("status", { name: "Link notice" }).innerText(), /c=real: the same timeline in the same year/);
  assert.equal((await query(page)).get("c"), null);
  // Comparing Red Triumph with real history, then showing real history: nothing is left to compare.
  await page.goto(`${env.site.url}/?t=red-triumph&y=1935&c=real`);
  await region(page, "compared", "bavaria").waitFor();
  await page.getByRole("combobox", { name: "Timeline" }).selectOption("real");
  await page.waitForFunction(() => location.search.includes("t=real") && !location.search.includes("c="));
  assert.equal(await map(page, "compared").count(), 0);
  assert.deepEqual(page.errors, []);
});
