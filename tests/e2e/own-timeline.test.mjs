// A reader makes a timeline of their own: forks real history, gives Bavaria and Baden-Württemberg
// to a new state from a day on with a citation, finds it after a reload, downloads it and opens
// it in a fresh browser, opens the share link in another, and the atlas command checks the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addressOf, openPage, query, useSite } from "./harness.mjs";

const env = useSite();
const repo = new URL("../..", import.meta.url).pathname;
const region = (page, id) => page.locator(`.map-wrap[data-map="main"] path.region[data-region="${id}"]`);
const editor = (page) => page.getByRole("region", { name: "Edit your timeline" });

/** Opens the same moment in another year. */
async function toYear(page, year) {
  await page.goto((await addressOf(page)).href.replace(/([?&])y=\d+/, `$1y=${year}`));
  await region(page, "bavaria").waitFor();
}

/** Makes a timeline of one's own from the one on screen, diverging on 1 January 1925. */
async function makeOwn(page, name, summary) {
  await page.getByRole("button", { name: "Make your own" }).click();
  const fork = page.getByRole("form", { name: "Make your own timeline" });
  await fork.getByLabel("Name").fill(name);
  if (summary) await fork.getByLabel("One-line summary").fill(summary);
  await fork.getByLabel("Diverges on").fill("1925-01-01");
  await fork.getByRole("button", { name: "Create" }).click();
}

async function label(page, id) {
  return region(page, id).getAttribute("aria-label");
}

test("a whole session: fork, draw with a citation, reload, download, open, share, validate", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1926`);
  await region(page, "bavaria").waitFor();
  // Fork real history.
  await makeOwn(page, "Danube", "A southern German union");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("t") === "own-danube");
  await editor(page).waitFor();
  assert.match(await page.getByRole("combobox", { name: "Timeline" }).inputValue(), /own-danube/);
  // Pick Bavaria, then shift-click Baden and Württemberg.
  await region(page, "bavaria").click();
  // The whole state a picked region belongs to can be picked at once.
  await editor(page).getByRole("button", { name: /^Pick all of Germany \(\d+ regions\)$/ }).waitFor();
  await region(page, "southwest-germany").click({ modifiers: ["Shift"] });
  await editor(page).getByText("Regions: Bavaria, Baden and Württemberg").waitFor();
  const form = editor(page).getByRole("form", { name: "Change the map" });
  await form.getByLabel("From").fill("1925-03-01");
  await form.getByLabel("Held by").selectOption("new");
  await form.getByLabel("Name", { exact: true }).fill("Danubian Federation");
  await form.getByLabel("Name in its own language").fill("Donauföderation");
  await form.getByLabel("Evidence").selectOption("cite");
  await form.getByLabel("Citation").fill("A. Author, The Danube Union (1931), p. 12");
  await form.getByRole("button", { name: "Apply" }).click();
  await editor(page).getByText("Changed: Bavaria, Baden and Württemberg from 1 March 1925.").waitFor();
  // The slider moves to the year of the change, whose end the map shows.
  await page.waitForFunction(() => new URL(location.href).searchParams.get("y") === "1925");
  // Both regions are the Federation's; the legend and the record list say so.
  assert.match(await label(page, "bavaria"), /^Bavaria, Danubian Federation/);
  assert.match(await label(page, "southwest-germany"), /^Baden and Württemberg, Danubian Federation/);
  await page.locator(".legend").getByText("Danubian Federation").first().waitFor();
  const records = editor(page).locator(".own-records li");
  // One change of two regions: one entry.
  assert.equal(await records.count(), 1);
  assert.match(await records.first().innerText(), /^Bavaria, Baden and Württemberg: Danubian Federation from 1 March 1925[\s\S]*source: A\. Author/);
  // 1924: real history's Germany.
  await toYear(page, 1924);
  assert.match(await label(page, "bavaria"), /^Bavaria, Germany/);
  // A rule broken is refused with its reason, and changes nothing.
  await region(page, "saxony").click();
  await form.getByLabel("From").fill("1924-06-01");
  await form.getByLabel("Held by").selectOption("danubian-federation");
  await form.getByRole("button", { name: "Apply" }).click();
  await editor(page).getByText(/starts before the timeline diverges \(1925-01-01\)/).waitFor();
  assert.equal(await records.count(), 1);
  // The places the texts name stay on the map of a timeline of one's own.
  assert.ok((await page.locator(".map-wrap[data-map=main] .place").count()) > 0);
  // On a touch screen, "Pick several" makes each tap add or remove a region.
  await editor(page).getByLabel(/Pick several/).check();
  await region(page, "thuringia").click();
  await editor(page).getByText("Regions: Saxony, Thuringia").waitFor();
  await region(page, "thuringia").click();
  await editor(page).getByText(/^Regions: Saxony$/).waitFor();
  await editor(page).getByLabel(/Pick several/).uncheck();
  // Holding Shift and dragging a rectangle over Saxony adds it (and what else lies within).
  const box = await region(page, "saxony").boundingBox();
  await page.keyboard.down("Shift");
  await page.mouse.move(box.x - 2, box.y - 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width + 2, box.y + box.height + 2, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await editor(page).getByText(/^Regions: Saxony, .+/).waitFor();
  // Undo and redo.
  await records.first().getByRole("button", { name: "Delete" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".own-records li").length === 0);
  await editor(page).getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".own-records li").length === 1);
  await editor(page).getByRole("button", { name: "Redo" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".own-records li").length === 0);
  await editor(page).getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".own-records li").length === 1);
  // An edit of a record is one change: a later day, then one Undo brings the old one back.
  await records.first().getByRole("button", { name: "Edit" }).click();
  await editor(page).getByText("Regions: Bavaria, Baden and Württemberg").waitFor();
  await form.getByLabel("From").fill("1925-06-01");
  await form.getByRole("button", { name: "Save the record" }).click();
  await editor(page).getByText(/from 1 June 1925/).first().waitFor();
  assert.equal(await records.count(), 1);
  await editor(page).getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".own-records li")].some((li) => li.textContent.includes("1 June 1925")));
  assert.equal(await records.count(), 1);
  // Kept after a reload.
  await toYear(page, 1926);
  await page.reload();
  await region(page, "bavaria").waitFor();
  assert.match(await label(page, "bavaria"), /^Bavaria, Danubian Federation/);
  await editor(page).waitFor();
  // Renamed, like any change (the id, and so the links, stay).
  await editor(page).getByRole("button", { name: "Rename…" }).click();
  await editor(page).getByRole("form", { name: "Name and divergence" }).getByLabel("Name").fill("Danube Union");
  await editor(page).getByRole("button", { name: "Save" }).click();
  await editor(page).getByRole("heading", { name: "Danube Union" }).waitFor();
  assert.equal((await query(page)).get("t"), "own-danube");
  // Download the file.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    editor(page).getByRole("button", { name: "Download file" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "own-danube.json");
  const dir = mkdtempSync(join(tmpdir(), "uchronia-own-"));
  const file = join(dir, "own-danube.json");
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(saved.base, "real");
  assert.equal(saved.records.length, 2);
  // The atlas command accepts the downloaded file.
  const out = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "atlas", "--", "validate", "--timeline", file], {
    cwd: repo,
    encoding: "utf8",
  });
  assert.match(out, /is sound/);
  // The share link.
  await editor(page).getByRole("button", { name: "Share link" }).click();
  const link = await editor(page).getByLabel(/Link to this timeline/).inputValue();
  assert.match(link, /#timeline=u1\./);
  assert.deepEqual(page.errors, []);

  // A fresh browser opens the file.
  const fresh = await openPage(env.browser, `${env.site.url}/?t=real&y=1926`);
  await region(fresh, "bavaria").waitFor();
  assert.match(await label(fresh, "bavaria"), /^Bavaria, Germany/);
  await fresh.getByLabel("Open a timeline file").setInputFiles(file);
  await fresh.waitForFunction(() => new URL(location.href).searchParams.get("t") === "own-danube");
  await editor(fresh).waitFor();
  assert.match(await label(fresh, "bavaria"), /^Bavaria, Danubian Federation/);
  assert.deepEqual(fresh.errors, []);

  // "Copy link" carries the timeline too.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy link" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /[?&]t=own-danube.*#timeline=u1\./);
  const viaCopy = await openPage(env.browser, copied.replace(/^https?:\/\/[^/]+/, env.site.url));
  await region(viaCopy, "bavaria").waitFor();
  assert.match(await label(viaCopy, "bavaria"), /^Bavaria, Danubian Federation/);
  await viaCopy.getByText(/kept in this browser as your copy/).waitFor();
  assert.deepEqual(viaCopy.errors, []);

  // Another fresh browser opens the share link, at the moment it was shared.
  const other = await openPage(env.browser, link.replace(/^https?:\/\/[^/]+/, env.site.url));
  await region(other, "bavaria").waitFor();
  assert.equal((await query(other)).get("t"), "own-danube");
  assert.equal((await query(other)).get("y"), "1926");
  assert.match(await label(other, "bavaria"), /^Bavaria, Danubian Federation/);
  assert.equal(new URL(other.url()).hash, "", "the timeline leaves the address bar once it is kept");
  await other.reload();
  await region(other, "bavaria").waitFor();
  assert.match(await label(other, "bavaria"), /^Bavaria, Danubian Federation/);
  assert.deepEqual(other.errors, []);

  // Compare works on it like on any timeline.
  await other.getByRole("combobox", { name: "Compare with" }).selectOption("real");
  await other.locator('.map-wrap[data-map="compared"] path.region[data-region="bavaria"]').waitFor();
  assert.match(await label(other, "bavaria"), /differs: Germany in Real history, 1926/);
});

test("broken and hostile timelines from a link or a file are named and change nothing", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1930#timeline=u1.not-a-timeline`);
  await region(page, "bavaria").waitFor();
  const notice = page.getByRole("alert", { name: "Timeline notice" });
  await notice.getByText(/The timeline in this link could not be opened: the link is damaged/).waitFor();
  assert.equal((await query(page)).get("t"), "real");
  const dir = mkdtempSync(join(tmpdir(), "uchronia-bad-"));
  const cases = [
    ["not-json.json", "{ this is not json", /not JSON/],
    ["atlas.json", JSON.stringify({ format: "uchronia-atlas", version: 1, timelines: [] }), /whole atlas/],
    [
      "markup.json",
      JSON.stringify({
        id: "own-x", name: "<img src=x onerror=alert(1)>", summary: "", base: "real", diverges: "1925-01-01",
        records: [{ region: "atlantis", holder: "germany", status: "part", from: "1926-01-01", confidence: "invented" }],
      }),
      /name contains markup[\s\S]*no region 'atlantis'/,
    ],
    [
      "loop.json",
      JSON.stringify({ id: "own-loop", name: "Loop", summary: "", base: "own-loop", records: [] }),
      /base that is missing or loops/,
    ],
  ];
  for (const [name, text, expected] of cases) {
    const file = join(dir, name);
    writeFileSync(file, text);
    await page.getByLabel("Open a timeline file").setInputFiles(file);
    await page.waitForFunction((n) => document.querySelector('[aria-label="Timeline notice"]')?.textContent.includes(n) ?? false, name);
    assert.match(await notice.innerText(), expected);
    assert.equal((await query(page)).get("t"), "real");
  }
  assert.deepEqual(page.errors, []);
});

test("a change made in another tab of the same browser is taken in, so an edit here builds on it", async () => {
  const first = await openPage(env.browser, `${env.site.url}/?t=real&y=1930`);
  await region(first, "bavaria").waitFor();
  const second = await first.context().newPage();
  second.errors = [];
  second.on("pageerror", (e) => second.errors.push(String(e)));
  await second.goto(`${env.site.url}/?t=real&y=1930`);
  await region(second, "bavaria").waitFor();
  // A timeline made in the first tab is at once in the second's list.
  await makeOwn(first, "Tab one");
  await first.waitForFunction(() => new URL(location.href).searchParams.get("t") === "own-tab-one");
  const picker = second.getByRole("combobox", { name: "Timeline" });
  await picker.locator('option[value="own-tab-one"]').waitFor({ state: "attached" });
  // The second tab changes it…
  await picker.selectOption("own-tab-one");
  await editor(second).waitFor();
  const change = async (page, id, from, name) => {
    await region(page, id).click();
    const form = editor(page).getByRole("form", { name: "Change the map" });
    await form.getByLabel("From").fill(from);
    await form.getByLabel("Held by").selectOption("new");
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Evidence").selectOption("none");
    await form.getByRole("button", { name: "Apply" }).click();
  };
  await change(second, "bavaria", "1926-03-01", "Second State");
  // …the first shows the change without a reload…
  const records = (page) => editor(page).locator(".own-records li");
  await records(first).filter({ hasText: "Second State" }).waitFor();
  // …and an edit there keeps it.
  await change(first, "saxony", "1927-01-01", "First State");
  await records(second).filter({ hasText: "First State" }).waitFor();
  assert.equal(await records(second).count(), 2);
  const stored = await first.evaluate(() => localStorage.getItem("uchronia-timeline:own-tab-one"));
  assert.match(stored, /Second State/);
  assert.match(stored, /First State/);
  // A change that cannot be read is refused with its reason, the timeline here kept as it was.
  await first.evaluate(() => localStorage.setItem("uchronia-timeline:own-tab-one", "{not a timeline"));
  await second.getByRole("alert", { name: "Timeline notice" }).getByText(/'own-tab-one' was changed in another tab of this browser, but the change cannot be taken in here/).waitFor();
  assert.equal(await records(second).count(), 2);
  const outline = second.locator('.map-wrap[data-map="main"] path.picked-outline');
  assert.notEqual(await outline.getAttribute("d"), "", "Bavaria is picked in the second tab");
  // Deleted in the first tab: the second, which shows it, goes back to real history and says so
  // (and lets go of the regions picked for it).
  first.once("dialog", (d) => d.accept());
  await editor(first).locator("button.delete-timeline").click();
  await second.getByRole("alert", { name: "Timeline notice" }).getByText("Your timeline 'Tab one' was deleted in another tab of this browser.").waitFor();
  await second.waitForFunction(() => new URL(location.href).searchParams.get("t") === "real");
  assert.equal(await picker.locator('option[value="own-tab-one"]').count(), 0);
  assert.equal(await outline.getAttribute("d"), "");
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
});

test("a lasso drawn on the map picks the regions it encloses, and the map stays put while it is drawn", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1926`);
  await region(page, "bavaria").waitFor();
  await makeOwn(page, "Lasso");
  await editor(page).waitFor();
  await editor(page).getByLabel(/^Lasso/).check();
  // The states to give regions to are listed by all their names.
  const holders = await editor(page).getByLabel("Held by").locator("option").allTextContents();
  assert.ok(holders.includes("Persia / Iran"), `${holders}`);
  /** Draws a closed loop (a diamond) round the middle of a region's box, as a hand would. */
  async function loopRound(id) {
    const b = await region(page, id).boundingBox();
    const [cx, cy, rx, ry] = [b.x + b.width / 2, b.y + b.height / 2, b.width * 0.3, b.height * 0.3];
    await page.mouse.move(cx, cy - ry);
    await page.mouse.down();
    for (const [x, y] of [[cx + rx, cy], [cx, cy + ry], [cx - rx, cy], [cx, cy - ry]]) {
      await page.mouse.move(x, y, { steps: 6 });
    }
    // The line is drawn on the map while the pointer is down.
    assert.equal(await page.locator(".map-wrap[data-map='main'] polygon.lasso").count(), 1);
    await page.mouse.up();
  }
  const before = await region(page, "bavaria").boundingBox();
  const view = new URL(page.url()).searchParams.get("v");
  await loopRound("bavaria");
  await editor(page).getByText(/^Regions: Bavaria$/).waitFor();
  // Drawing did not move the map (the picked region's outline widens its box, about its
  // centre), nor select a region by the pointer's release.
  const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
  const [ax, ay] = centre(await region(page, "bavaria").boundingBox());
  const [bx, by] = centre(before);
  assert.ok(Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) < 0.5, `the map stayed: ${[bx, by]} → ${[ax, ay]}`);
  assert.equal(new URL(page.url()).searchParams.get("v"), view);
  assert.equal(await page.locator("polygon.lasso").count(), 0, "the line goes once drawn");
  // A second lasso adds to the picked regions.
  await loopRound("saxony");
  await editor(page).getByText(/^Regions: Bavaria, Saxony$/).waitFor();
  // Without the lasso, a drag moves the map again.
  await editor(page).getByLabel(/^Lasso/).uncheck();
  const b = await region(page, "bavaria").boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 80, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("v"));
  const moved = await region(page, "bavaria").boundingBox();
  assert.ok(moved.x - b.x > 40, `the map follows the drag: ${b.x} → ${moved.x}`);
  await editor(page).getByText(/^Regions: Bavaria, Saxony$/).waitFor();
  assert.deepEqual(page.errors, []);
});

test("on a phone the editor scrolls within its panel: the page ends where the panel ends", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=real&y=1926`, { width: 390, height: 844 });
  await region(page, "bavaria").waitFor();
  await makeOwn(page, "Phone");
  await editor(page).waitFor();
  // The palette's hidden colour names once escaped the panel and lengthened the page, so that
  // scrolling to its end showed an empty band under the panel.
  const { end, panel } = await page.evaluate(() => ({
    end: document.scrollingElement.scrollHeight,
    panel: document.querySelector(".side").getBoundingClientRect().bottom + scrollY,
  }));
  assert.ok(end <= Math.ceil(panel) + 1, `the page ends at ${end}, the panel at ${panel}`);
  assert.deepEqual(page.errors, []);
});
