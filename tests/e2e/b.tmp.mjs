import { serve, launch } from "/work/main/tests/e2e/harness.mjs";
const site = await serve(process.env.DIST ?? "/work/main/dist");
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await page.goto(`${site.url}/?t=red-triumph&y=1930`);
await page.locator("path.region").first().waitFor();
await page.waitForTimeout(1000);
const step = (years) => page.evaluate(async (years) => {
  const el = document.querySelector("#year-input");
  const out = [];
  for (const y of years) {
    const t0 = performance.now();
    el.value = String(y);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    out.push(performance.now() - t0);
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)].toFixed(1);
}, years);
const toggles = Array.from({ length: 16 }, (_, i) => (i % 2 ? 1931 : 1930));
const jumps = Array.from({ length: 24 }, (_, i) => 1918 + ((i * 7) % 24));
const css = async (rule) => page.evaluate((rule) => { const s = document.createElement("style"); s.id = "probe"; s.textContent = rule; document.head.append(s); }, rule);
const clear = () => page.evaluate(() => document.getElementById("probe")?.remove());
for (const [name, rule] of [["as is", ""], ["no labels", ".labels{display:none}"], ["no overlays", ".overlays{display:none}"], ["no borders", ".state-borders{display:none}"], ["no lines", ".region-lines,.coast{display:none}"], ["no will-change", ".regions,.region-lines,.coast{will-change:auto}"], ["map hidden", ".map{visibility:hidden}"], ["side hidden", ".side{display:none}"]]) {
  await css(rule);
  console.log(`${name.padEnd(16)} toggle p50 ${await step(toggles)}  jumps p50 ${await step(jumps)}`);
  await clear();
}
await browser.close(); await site.close();
