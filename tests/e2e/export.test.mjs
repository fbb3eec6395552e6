// Taking the map away: the map on screen as an SVG or a PNG with its legend, date and link, and as GeoJSON.
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPage, serve, useSite } from "./harness.mjs";

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

test("GeoJSON downloads the borders on screen: the features and properties of atlas export, exteriors counter-clockwise", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1935`);
  await page.locator('path.region[data-region="bavaria"]').waitFor();
  const file = await download(page, "GeoJSON");
  assert.equal(file.name, "uchronia-red-triumph-1935.geojson");
  const fc = JSON.parse(file.bytes.toString("utf8"));
  assert.equal(fc.type, "FeatureCollection");
  const cli = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "atlas", "--", "export", "--timeline", "red-triumph", "--year", "1935"], {
      cwd: new URL("../..", import.meta.url).pathname,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );
  assert.deepEqual(
    fc.features.map((f) => f.properties),
    cli.features.map((f) => f.properties),
  );
  const commune = fc.features.find((f) => f.properties.id === "german-commune");
  assert.ok(commune.properties.regions.includes("bavaria"));
  // Twice the signed area of a ring of longitude and latitude: positive when counter-clockwise.
  const area2 = (ring) => ring.slice(1).reduce((s, p, i) => s + ring[i][0] * p[1] - p[0] * ring[i][1], 0);
  for (const f of fc.features) {
    assert.equal(f.geometry.type, "MultiPolygon");
    for (const [exterior, ...holes] of f.geometry.coordinates) {
      assert.deepEqual(exterior[0], exterior.at(-1), "closed");
      assert.ok(area2(exterior) > 0, `${f.properties.id}: exterior counter-clockwise`);
      for (const h of holes) assert.ok(area2(h) < 0, `${f.properties.id}: hole clockwise`);
    }
  }
  assert.deepEqual(page.errors, []);
});

test("Embed gives an iframe of the compact view: the map, the slider and the legend, and a way to the whole atlas", async () => {
  const page = await openPage(env.browser, `${env.site.url}/?t=red-triumph&y=1935&r=bavaria`);
  await page.locator('path.region[data-region="bavaria"]').waitFor();
  await page.getByRole("button", { name: "Embed" }).click();
  const code = await page.getByRole("group", { name: "Embed this map" }).locator("textarea").inputValue();
  const src = code.match(/^<iframe src="([^"]+)" title="Uchronia: Red Triumph, 1935"/)[1].replaceAll("&amp;", "&");
  assert.match(src, /\?t=red-triumph&y=1935&r=bavaria&embed=1$/);
  // Another site embeds it.
  const dir = mkdtempSync(join(tmpdir(), "uchronia-host-"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>A page about 1935</title>${code}`);
  const other = await serve(dir);
  const host = await openPage(env.browser, `${other.url}/index.html`, { width: 1000, height: 700 });
  const frame = host.frameLocator("iframe");
  await frame.locator('path.region[data-region="bavaria"]').waitFor();
  await frame.getByRole("slider", { name: "Year" }).waitFor();
  await frame.getByRole("region", { name: "Legend" }).getByText("German Labour Commune").waitFor();
  for (const hidden of [frame.getByRole("combobox", { name: "Timeline" }), frame.getByRole("search"), frame.getByRole("button", { name: "Copy link" }), frame.locator("header.top")]) {
    assert.equal(await hidden.isVisible(), false);
  }
  const whole = await frame.getByRole("link", { name: /Open in Uchronia/ }).getAttribute("href");
  assert.match(whole, /\?t=red-triumph&y=1935&r=bavaria$/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(host.errors.filter((e) => !e.includes("404")), [], "the host page has no favicon; the frame has no error");
  await other.close();
});
