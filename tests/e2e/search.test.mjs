// Search: a visitor types a name in any of the texts' languages and lands on its moment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, query, useSite } from "./harness.mjs";

const env = useSite();
const box = (page) => page.getByRole("combobox", { name: /Search places/ });
const results = (page) => page.getByRole("listbox", { name: "Search results" });

async function open(path, size) {
  const page = await openPage(env.browser, `${env.site.url}${path}`, size);
  await page.locator('path.region[data-region="bavaria"]').waitFor();
  assert.equal(await page.getByRole("search").count(), 1, "one search landmark");
  return page;
}

test("Posen finds Poznań; Enter lands on its moment in Red Triumph, one Back away", async () => {
  const page = await open("/?t=real&y=1930");
  const before = await page.evaluate(() => history.length);
  await box(page).fill("Posen");
  await results(page).getByRole("option").first().waitFor();
  const first = results(page).getByRole("option").first();
  assert.match(await first.innerText(), /Poznań[\s\S]*place in Posen[\s\S]*Red Triumph/);
  await box(page).press("Enter");
  await page.waitForFunction(() => location.search.includes("r=poznan"));
  assert.equal((await query(page)).get("t"), "red-triumph");
  assert.match(await page.getByRole("region", { name: "Passages" }).innerText(), /Poznań/);
  assert.equal(await results(page).isVisible(), false, "the list closes");
  assert.equal(await page.evaluate(() => history.length), before + 1);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("r=poznan"));
  assert.equal((await query(page)).get("t"), "real");
  assert.deepEqual(page.errors, []);
});

test("Alma-Ata, typed without its hyphen or in any case, lands on Trotsky's exile in 1928", async () => {
  const page = await open("/?t=red-triumph&y=1924", { width: 390, height: 844 });
  await box(page).fill("alma ata");
  const option = results(page).getByRole("option").first();
  await option.waitFor();
  assert.match(await option.innerText(), /Alma Ata/);
  await option.click();
  await page.waitForFunction(() => location.search.includes("r=alma-ata"));
  assert.equal((await query(page)).get("t"), "real");
  assert.equal((await query(page)).get("y"), "1928");
  assert.deepEqual(page.errors, []);
});

test("arrows move in the results, Escape closes them, and a region is found by its local name", async () => {
  const page = await open("/?t=real&y=1930");
  await box(page).fill("bayern");
  await results(page).getByRole("option").first().waitFor();
  const options = results(page).getByRole("option");
  assert.equal(await options.first().getAttribute("aria-selected"), "true");
  if ((await options.count()) > 1) {
    await box(page).press("ArrowDown");
    assert.equal(await options.nth(1).getAttribute("aria-selected"), "true");
    await box(page).press("ArrowUp");
  }
  assert.equal(await box(page).getAttribute("aria-expanded"), "true");
  await box(page).press("Escape");
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  await box(page).press("ArrowDown");
  await box(page).press("ArrowUp");
  await box(page).press("Enter");
  await page.waitForFunction(() => location.search.includes("r=bavaria"));
  await box(page).fill("zzqxj");
  assert.match(await results(page).innerText(), /Nothing found/);
  // Leaving the box closes the list.
  await page.locator('path.region[data-region="saxony"]').click();
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  assert.deepEqual(page.errors, []);
});
