// Taking the map away: the map on screen as an SVG or a PNG, with its legend, date and link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openPage, useSite } from "./harness.mjs";

const env = useSite();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test("the SVG has the map, the legend, the date and the link; the PNG is a picture of it", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1935&v=10.00,50.00,2.00`);
  await page.locator('path.region[data-region="bavaria"]').waitFor();
  const svg = await download(page, "SVG");
  assert.equal(svg.name, "uchronia-red-triumph-1935.svg");
  const text = svg.bytes.toString("utf8");
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(text, /Red Triumph — 31 December 1935/);
  assert.match(text, /States on the map/);
  assert.match(text, />German Labour Commune</);
  assert.match(text, /\?t=red-triumph&amp;y=1935&amp;v=10\.00,50\.00,2\.00/);
  assert.match(text, /data-region="bavaria"/);
  // The picture opens as an image of its own.
  const size = await page.evaluate(async (t) => {
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(t);
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, text);
  assert.ok(size[0] > 600 && size[1] > 300, `${size}`);
  const png = await download(page, "PNG");
  assert.equal(png.name, "uchronia-red-triumph-1935.png");
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(""), "PNG");
  // Twice the picture's size, in pixels.
  assert.equal(png.bytes.readUInt32BE(16), size[0] * 2);
  assert.equal(png.bytes.readUInt32BE(20), size[1] * 2);
  assert.deepEqual(page.errors, []);
});
