// Measures the release build in headless Chromium and prints the figures beside a floor: a
// page with only a range input, measured in the same run by the same method, so that every
// figure can be read as a multiple of what the method itself costs on this machine. Not a
// test: machines are noisy, so nothing here passes or fails on time.
//   node tests/e2e/bench.mjs [RUNS]      (writes target/bench/latest.json)
import { gzipSync } from "node:zlib";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch } from "./harness.mjs";

const runs = Number(process.argv[2] ?? 5);
const root = new URL("../..", import.meta.url).pathname;
const site = await serve(process.env.DIST ?? join(root, "dist"));
// The floor: the same kind of input, nothing behind it.
const floorDir = mkdtempSync(join(tmpdir(), "uchronia-floor-"));
writeFileSync(
  join(floorDir, "index.html"),
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>floor</title></head><body>
<label for="year-input">Year</label><input id="year-input" type="range" min="1918" max="1941" value="1924">
<output id="shown">1924</output>
<script>const i = document.getElementById("year-input"); i.addEventListener("input", () => { document.getElementById("shown").textContent = i.value; });</script>
</body></html>`,
);
const floorSite = await serve(floorDir);
const browser = await launch();
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const FRAME_MS = 1000 / 60;

/** Time from navigation to the first painted frame once `selector` is in the page. */
async function firstPaint(page, url, selector) {
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
}

/** When the atlas's page showed a map: the first map (drawn by public/boot.js before the
 * atlas starts) and the atlas's own, from the marks the page sets once each is painted. */
async function mapTimes(page, url) {
  await page.goto(url);
  await page.locator("path.region").first().waitFor();
  const at = (m) => page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? null, m);
  await page.waitForFunction(() => performance.getEntriesByName("uchronia-atlas-map").length > 0, null, { timeout: 3000 }).catch(() => {});
  const first = await at("uchronia-first-map");
  const atlas = await at("uchronia-atlas-map");
  // A build without the atlas's own mark (an older one) set only "uchronia-first-map" once
  // its map was painted.
  return { first, atlas: atlas ?? first };
}

/** Year changes as deliberate steps: input and change, then the next painted frame. With
 * `script`, the time to a task queued after them instead: everything they set off before the
 * browser may draw (the script of a year change alone). */
function yearSteps(page, years, { script = false } = {}) {
  return page.evaluate(
    async ([years, script]) => {
      const el = document.querySelector("#year-input");
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const task = () =>
        new Promise((r) => {
          const c = new MessageChannel();
          c.port1.onmessage = r;
          c.port2.postMessage(0);
        });
      const out = [];
      for (const year of years) {
        const t0 = performance.now();
        el.value = String(year);
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
        await (script ? task() : frame());
        out.push(performance.now() - t0);
        if (script) await frame();
      }
      return out;
    },
    [years, script],
  );
}

/** A continuous drag: one input event per frame through every year, then the release. */
function drag(page) {
  return page.evaluate(async () => {
    const el = document.querySelector("#year-input");
    const out = [];
    for (let year = 1918; year <= 1941; year++) {
      const t0 = performance.now();
      el.value = String(year);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return out;
  });
}

/** A wheel zoom: one wheel event per frame (ten in, ten out), each to its next frame; then
 * from the last to the frame where the map is laid out at its new scale (the atlas previews a
 * turning wheel by scaling the drawn map on screen: see `Lens`). */
function wheel(page) {
  return page.evaluate(async () => {
    const svg = document.querySelector("svg.map");
    const b = svg.getBoundingClientRect();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const steps = [];
    for (let k = 0; k < 20; k++) {
      const t0 = performance.now();
      svg.dispatchEvent(new WheelEvent("wheel", { deltaY: k < 10 ? -60 : 60, clientX: b.x + b.width * 0.45, clientY: b.y + b.height * 0.4, bubbles: true, cancelable: true }));
      await frame();
      steps.push(performance.now() - t0);
    }
    const t0 = performance.now();
    while (svg.classList.contains("previewing")) await new Promise((r) => setTimeout(r, 1));
    await frame();
    return { steps, rest: performance.now() - t0 };
  });
}

const years = Array.from({ length: 24 }, (_, i) => 1918 + ((i * 7) % 24));
const f = { firstMap: [], atlasMap: [], yearChange: [], yearScript: [], floorYearScript: [], dragStep: [], wheelStep: [], wheelRest: [], compareDragStep: [], toPassages: [], timelineSwitch: [], floorFirst: [], floorYear: [], floorDrag: [] };
let bytes;
let memory;
let version;
try {
  version = browser.version();
  for (let run = 0; run < runs; run++) {
    // The floor first, then the atlas, in every run.
    {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      f.floorFirst.push(await firstPaint(page, `${floorSite.url}/`, "#year-input"));
      f.floorYear.push(...(await yearSteps(page, years)));
      f.floorYearScript.push(...(await yearSteps(page, years, { script: true })));
      f.floorDrag.push(...(await drag(page)));
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const transferred = [];
    page.on("response", async (r) => {
      try {
        const url = new URL(r.url()).pathname;
        const body = await r.body();
        if (transferred.some((t) => t.url === url)) return;
        transferred.push({ url, raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
      } catch {}
    });
    const times = await mapTimes(page, `${site.url}/?t=red-triumph&y=1924`);
    const shown = times.first;
    f.firstMap.push(times.first);
    f.atlasMap.push(times.atlas);
    await page.waitForLoadState("networkidle");
    // What the first map waited for: the page and every file requested before it had what it
    // draws (its data file, where the page has one; else before it was shown).
    const early = await page.evaluate((shown) => {
      const all = performance.getEntriesByType("resource");
      const data = all.find((e) => new URL(e.name).pathname.endsWith("/first-map.json"));
      const cut = Math.min(shown, data?.responseEnd ?? shown);
      return all.filter((e) => e.startTime < cut).map((e) => new URL(e.name).pathname);
    }, shown);
    for (const t of transferred) t.beforeFirstMap = t.url === "/" || early.includes(t.url);
    bytes ??= transferred;
    f.yearChange.push(...(await yearSteps(page, years)));
    f.yearScript.push(...(await yearSteps(page, years, { script: true })));
    f.dragStep.push(...(await drag(page)));
    // After a whole drag: what the page holds.
    const heap = await page.evaluate(() => ({
      js: performance.memory?.usedJSHeapSize ?? null,
      wasm: globalThis.uchronia?.wasmMemoryBytes?.() ?? null,
    }));
    memory ??= heap;
    {
      const { steps, rest } = await wheel(page);
      f.wheelStep.push(...steps);
      f.wheelRest.push(rest);
    }

    // A timeline switch: from the change of the select to the next painted frame.
    for (const t of ["real", "rosas-reich", "strasser", "red-triumph"]) {
      f.timelineSwitch.push(
        await page.evaluate(async (t) => {
          const el = document.querySelector("#timeline-select");
          const t0 = performance.now();
          el.value = t;
          el.dispatchEvent(new Event("change", { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }, t),
      );
    }

    // Click to passages shown.
    await yearSteps(page, [1924]);
    f.toPassages.push(
      await page.evaluate(async () => {
        const t0 = performance.now();
        document.querySelector('path.region[data-region="bavaria"]').dispatchEvent(new MouseEvent("click", { bubbles: true }));
        while (!document.querySelector("li.passage")) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }),
    );
    await context.close();

    // The same drag with real history compared beside it: two maps and What differs follow.
    {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/?t=red-triumph&y=1924&c=real`);
      await page.locator('.map-wrap[data-map="compared"] path.region').first().waitFor();
      await page.waitForLoadState("networkidle");
      f.compareDragStep.push(...(await drag(page)));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
  await floorSite.close();
  rmSync(floorDir, { recursive: true, force: true });
}

const sum = (k, only = () => true) => bytes.filter(only).reduce((s, b) => s + b[k], 0);
const p = (xs, q) => Math.round(pct(xs, q) * 10) / 10;
const figures = {
  runs,
  browser: `Chromium ${version}`,
  viewport: "1366x768",
  first_map_ms: p(f.firstMap, 50),
  atlas_map_ms: p(f.atlasMap, 50),
  floor_first_paint_ms: p(f.floorFirst, 50),
  year_change_ms_p50: p(f.yearChange, 50),
  year_change_ms_p95: p(f.yearChange, 95),
  floor_year_change_ms_p50: p(f.floorYear, 50),
  floor_year_change_ms_p95: p(f.floorYear, 95),
  year_script_ms_p50: p(f.yearScript, 50),
  year_script_ms_p95: p(f.yearScript, 95),
  floor_year_script_ms_p50: p(f.floorYearScript, 50),
  drag_step_ms_p95: p(f.dragStep, 95),
  drag_steps_over_one_frame: f.dragStep.filter((x) => x > FRAME_MS).length,
  drag_steps: f.dragStep.length,
  floor_drag_step_ms_p95: p(f.floorDrag, 95),
  floor_drag_steps_over_one_frame: f.floorDrag.filter((x) => x > FRAME_MS).length,
  wheel_step_ms_p50: p(f.wheelStep, 50),
  wheel_step_ms_p95: p(f.wheelStep, 95),
  wheel_rest_to_laid_out_ms_p50: p(f.wheelRest, 50),
  compare_drag_step_ms_p95: p(f.compareDragStep, 95),
  timeline_switch_ms_p50: p(f.timelineSwitch, 50),
  timeline_switch_ms_p95: p(f.timelineSwitch, 95),
  click_to_passages_ms_p50: p(f.toPassages, 50),
  click_to_passages_ms_p95: p(f.toPassages, 95),
  transfer_raw_bytes: sum("raw", (b) => b.beforeFirstMap),
  transfer_gzip_bytes: sum("gzip", (b) => b.beforeFirstMap),
  visit_gzip_bytes: sum("gzip"),
  wasm_gzip_bytes: sum("gzip", (b) => b.url.endsWith(".wasm")),
  js_heap_bytes_after_drag: memory?.js ?? null,
  wasm_memory_bytes_after_drag: memory?.wasm ?? null,
  files: bytes.sort((a, c) => c.gzip - a.gzip),
};
mkdirSync(join(root, "target/bench"), { recursive: true });
writeFileSync(join(root, "target/bench/latest.json"), JSON.stringify(figures, null, 2) + "\n");

const x = (a, b) => `${(a / b).toFixed(1)}× floor`;
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`Uchronia benchmark: release build, ${figures.browser}, ${runs} runs, ${figures.viewport}`);
console.log(`first map on screen:       ${figures.first_map_ms} ms     floor first paint ${figures.floor_first_paint_ms} ms   (${x(figures.first_map_ms, figures.floor_first_paint_ms)})`);
console.log(`the atlas's own map:       ${figures.atlas_map_ms} ms     (${x(figures.atlas_map_ms, figures.floor_first_paint_ms)}): the map answers clicks and the slider`);
console.log(`year change p50 / p95:     ${figures.year_change_ms_p50} / ${figures.year_change_ms_p95} ms   floor ${figures.floor_year_change_ms_p50} / ${figures.floor_year_change_ms_p95} ms   (${x(figures.year_change_ms_p50, figures.floor_year_change_ms_p50)}, ${x(figures.year_change_ms_p95, figures.floor_year_change_ms_p95)})`);
console.log(`  of which the script:     ${figures.year_script_ms_p50} / ${figures.year_script_ms_p95} ms   floor ${figures.floor_year_script_ms_p50} ms: input to the last effect, before the browser draws`);
console.log(`drag step p95:             ${figures.drag_step_ms_p95} ms   floor ${figures.floor_drag_step_ms_p95} ms   (${x(figures.drag_step_ms_p95, figures.floor_drag_step_ms_p95)}); steps over one frame: ${figures.drag_steps_over_one_frame} of ${figures.drag_steps} (floor ${figures.floor_drag_steps_over_one_frame})`);
console.log(`wheel step p50 / p95:      ${figures.wheel_step_ms_p50} / ${figures.wheel_step_ms_p95} ms   (${x(figures.wheel_step_ms_p50, figures.floor_year_change_ms_p50)}, ${x(figures.wheel_step_ms_p95, figures.floor_year_change_ms_p95)}); laid out ${figures.wheel_rest_to_laid_out_ms_p50} ms after the last`);
console.log(`drag step p95, compared:    ${figures.compare_drag_step_ms_p95} ms   (${x(figures.compare_drag_step_ms_p95, figures.floor_drag_step_ms_p95)}), Red Triumph beside real history`);
console.log(`timeline switch p50 / p95: ${figures.timeline_switch_ms_p50} / ${figures.timeline_switch_ms_p95} ms`);
console.log(`click to passages p50 / p95: ${figures.click_to_passages_ms_p50} / ${figures.click_to_passages_ms_p95} ms`);
console.log(`first visit, up to the first map: ${kib(figures.transfer_raw_bytes)} raw, ${kib(figures.transfer_gzip_bytes)} gzip; wasm ${kib(figures.wasm_gzip_bytes)} gzip; the whole visit ${kib(figures.visit_gzip_bytes)} gzip`);
for (const b of figures.files) console.log(`  ${b.url.padEnd(44)} ${String(b.raw).padStart(8)} raw ${String(b.gzip).padStart(8)} gzip${b.beforeFirstMap ? "" : "   (after the first map)"}`);
console.log(`memory after a full drag: JS heap ${memory?.js ?? "?"} bytes, wasm memory ${memory?.wasm ?? "?"} bytes`);
console.log(`written to target/bench/latest.json`);
