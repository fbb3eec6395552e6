// Measures the release build in headless Chromium and prints the figures (not a test: the
// machines are noisy, so nothing here passes or fails on time).
//   node tests/e2e/bench.mjs [RUNS]
import { gzipSync } from "node:zlib";
import { serve, launch } from "./harness.mjs";

const runs = Number(process.argv[2] ?? 5);
const site = await serve(process.env.DIST ?? new URL("../../dist", import.meta.url).pathname);
const browser = await launch();
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const firstMap = [];
const yearChange = [];
const toPassages = [];
let bytes;
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const transferred = [];
    page.on("response", async (r) => {
      try {
        if (transferred.some((t) => t.url === new URL(r.url()).pathname)) return;
        const body = await r.body();
        transferred.push({ url: new URL(r.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
      } catch {}
    });
    await page.goto(`${site.url}/?t=red-triumph&y=1924`);
    await page.locator("path.region").first().waitFor();
    firstMap.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))));
    await page.waitForLoadState("networkidle");
    bytes ??= transferred;

    // Year change: from the input event to the next painted frame.
    for (let i = 0; i < 24; i++) {
      yearChange.push(
        await page.evaluate(async (year) => {
          const el = document.querySelector("#year-input");
          const t0 = performance.now();
          el.value = String(year);
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }, 1918 + ((i * 7) % 24)),
      );
    }

    // Click to passages shown.
    await page.evaluate(() => {
      document.querySelector("#year-input").value = "1924";
      document.querySelector("#year-input").dispatchEvent(new Event("change", { bubbles: true }));
    });
    const t = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('path.region[data-region="bavaria"]').dispatchEvent(new MouseEvent("click", { bubbles: true }));
      while (!document.querySelector("li.passage")) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    });
    toPassages.push(t);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

const total = (k) => bytes.reduce((s, b) => s + b[k], 0);
console.log(`Uchronia benchmark: release build, headless Chromium, ${runs} runs`);
console.log(`first map on screen (navigation to first painted frame): median ${ms(pct(firstMap, 50))}, max ${ms(Math.max(...firstMap))}`);
console.log(`bytes transferred for the first map: ${total("raw")} raw, ${total("gzip")} gzip`);
for (const b of bytes.sort((a, c) => c.gzip - a.gzip)) console.log(`  ${b.url.padEnd(40)} ${String(b.raw).padStart(8)} raw ${String(b.gzip).padStart(8)} gzip`);
console.log(`year change (input event to next painted frame): p50 ${ms(pct(yearChange, 50))}, p95 ${ms(pct(yearChange, 95))}, over ${yearChange.length} changes`);
console.log(`click on a region to passages shown: median ${ms(pct(toPassages, 50))}`);
