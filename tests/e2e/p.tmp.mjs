import { serve, launch } from "/work/main/tests/e2e/harness.mjs";
const site = await serve(process.env.DIST ?? "/work/main/dist");
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
const cdp = await page.context().newCDPSession(page);
await page.goto(`${site.url}/?t=red-triumph&y=1924`);
await page.locator("path.region").first().waitFor();
await page.waitForTimeout(1500);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
await page.evaluate(async () => {
  const el = document.querySelector("#year-input");
  for (let i = 0; i < 48; i++) {
    el.value = String(1930 + (i % 2));
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
});
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
});
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, v] of top) console.log(`${(v / 48).toFixed(2)} ms/step  ${k}`);
await browser.close(); await site.close();
