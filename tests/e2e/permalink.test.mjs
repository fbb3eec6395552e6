// A user's flows against the release build: open a link, move the slider, go Back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, query, useSite } from "./harness.mjs";

const env = useSite();

const slider = (page) => page.getByRole("slider", { name: "Year" });

test("a link with a year opens on that year", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?y=1925`);
  await assert.doesNotReject(slider(page).waitFor());
  assert.equal(await slider(page).inputValue(), "1925");
  assert.equal(await page.locator(".year-value").textContent(), "1925");
  assert.match(await page.locator("body").innerText(), /31 December 1925/);
  // The address bar holds the canonical link to what is shown.
  assert.equal((await query(page)).get("y"), "1925");
  assert.equal((await query(page)).get("t"), "real");
  assert.deepEqual(page.errors, []);
});

test("keys move the year, the URL follows, Back restores each step", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?y=1925`);
  await slider(page).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal((await query(page)).get("y"), "1926");
  await page.keyboard.press("End");
  assert.equal((await query(page)).get("y"), "1941");
  assert.equal(await page.locator(".year-value").textContent(), "1941");

  await page.goBack();
  await page.waitForFunction(() => location.search.includes("y=1926"));
  assert.equal(await slider(page).inputValue(), "1926");
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("y=1925"));
  assert.equal(await slider(page).inputValue(), "1925");
  assert.equal(await page.locator(".year-value").textContent(), "1925");
  await page.goForward();
  await page.waitForFunction(() => location.search.includes("y=1926"));
  assert.equal(await page.locator(".year-value").textContent(), "1926");
  assert.deepEqual(page.errors, []);
});

test("a drag is one step: the URL follows it and one Back undoes it", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?y=1925`);
  const box = await slider(page).boundingBox();
  const before = await page.evaluate(() => history.length);
  const y = box.y + box.height / 2;
  const xOf = (year) => box.x + 8 + ((box.width - 16) * (year - 1918)) / (1941 - 1918);
  await page.mouse.move(xOf(1925), y);
  await page.mouse.down();
  for (const year of [1927, 1930, 1934, 1938]) await page.mouse.move(xOf(year), y, { steps: 3 });
  await page.mouse.up();
  const after = Number((await query(page)).get("y"));
  assert.ok(after >= 1936 && after <= 1940, `dragged to ${after}`);
  assert.equal(await page.locator(".year-value").textContent(), String(after));
  assert.equal(await page.evaluate(() => history.length), before + 1);

  await page.goBack();
  await page.waitForFunction(() => location.search.includes("y=1925"));
  assert.equal(await slider(page).inputValue(), "1925");
  assert.deepEqual(page.errors, []);
});

test("a bad link opens the nearest valid moment and says what it ignored", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?y=1999&t=atlantis&zz=1`);
  await slider(page).waitFor();
  assert.equal(await slider(page).inputValue(), "1941");
  const notice = page.getByRole("status", { name: "Link notice" });
  const text = await notice.innerText();
  assert.match(text, /y=1999/);
  assert.match(text, /t=atlantis: no such timeline/);
  assert.match(text, /zz=1/);
  assert.equal((await query(page)).get("y"), "1941");
  assert.equal((await query(page)).get("t"), "real");
  assert.deepEqual(page.errors, []);
});
