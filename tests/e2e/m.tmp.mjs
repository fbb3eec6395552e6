import { serve, launch } from "/work/main/tests/e2e/harness.mjs";
const site = await serve(process.env.DIST ?? "/work/main/dist");
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");
await page.goto(`${site.url}/?t=${process.env.T ?? "red-triumph"}&y=1924`);
await page.locator("path.region").first().waitFor();
await page.waitForTimeout(1500);
const get = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
const before = await get();
const years = JSON.parse(process.env.YEARS ?? "null") ?? Array.from({ length: 24 }, (_, i) => 1918 + ((i * 7) % 24));
const total = await page.evaluate(async (years) => {
  const el = document.querySelector("#year-input");
  const t0 = performance.now();
  for (const year of years) {
    el.value = String(year);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return performance.now() - t0;
}, years);
const after = await get();
const d = (k) => ((after[k] - before[k]) * 1000 / years.length).toFixed(1);
console.log(`per step: wall ${(total / years.length).toFixed(1)} ms; task ${d("TaskDuration")} script ${d("ScriptDuration")} style ${d("RecalcStyleDuration")} layout ${d("LayoutDuration")}; nodes ${after.Nodes}`);
await browser.close(); await site.close();
