// Starts the atlas. A separate file rather than Trunk's inline loader, so that the page's
// Content Security Policy can forbid inline scripts. Trunk writes the hashed names of the
// generated module and wasm into the data attributes of the script tag that loads this file.
//
// Before the atlas, the first map: for a link that asks for nothing but a timeline and a year
// (and the language of names), the map of that moment is drawn from data/first-map.json, a
// picture the pipeline makes by the atlas's own rules (src/model/first_map.rs). The atlas's
// wasm and data are requested once that file is in, and load while the picture is drawn: the
// first map waits for none of their bytes.
// The atlas removes the picture once its own map is drawn (src/components/notice.rs).
const tag = document.querySelector("script[data-uchronia-js]");
const shell = document.getElementById("first-map");
const SVG = "http://www.w3.org/2000/svg";
const FORMAT = "uchronia-first-map";

/** The timeline, year and row of fills a link asks for; null when the link asks for more than
 * the first map shows (a view, a selection, a comparison, a reader's own timeline...) or for
 * anything the atlas would not read as it stands (src/model/permalink.rs): the atlas then
 * draws the map. */
function momentOf(first) {
  if (location.hash) return null;
  let timeline = first.timeline;
  let year = first.year;
  const seen = new Set();
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (seen.has(key)) return null;
    seen.add(key);
    if (key === "t") timeline = value;
    else if (key === "y" && /^[0-9]{4}$/.test(value)) year = Number(value);
    else if (key === "n" && (value === "en" || value === "local")) continue;
    else return null;
  }
  if (!Object.hasOwn(first.timelines, timeline)) return null;
  const pictured = first.timelines[timeline];
  const row = pictured?.fills?.[year - first.first_year];
  return Array.isArray(row) ? { name: String(pictured.name), year, row } : null;
}

/** Draws the first map into the shell; false if the file is not one this page can read. */
function draw(first) {
  const sound =
    first?.format === FORMAT &&
    first.version === 1 &&
    Array.isArray(first.paths) &&
    Array.isArray(first.colours) &&
    Array.isArray(first.view_box) &&
    first.view_box.length === 4 &&
    typeof first.timelines === "object" &&
    first.timelines !== null;
  if (!sound) return false;
  const moment = momentOf(first);
  if (moment?.row.length !== first.paths.length) return false;
  const { name, year, row } = moment;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", first.view_box.join(" "));
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  svg.setAttribute("aria-hidden", "true");
  first.paths.forEach((d, i) => {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", first.colours[row[i]] ?? first.colours[0]);
    path.dataset.region = first.regions?.[i] ?? "";
    svg.append(path);
  });
  shell.querySelector(".first-map-picture").append(svg);
  shell.querySelector(".first-map-note").textContent = `${name}, ${year}: the atlas is loading…`;
  return true;
}

const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Loads and starts the atlas; if it cannot start, says so over the first map. */
async function start() {
  // The wasm and what the atlas fetches first load at once, beside the module that asks for
  // the wasm, rather than one after the other.
  for (const href of [tag.dataset.uchroniaWasm, ...(shell?.dataset.then?.split(" ") ?? [])]) {
    const link = document.createElement("link");
    Object.assign(link, { rel: "preload", as: "fetch", href, crossOrigin: "anonymous" });
    if (href.endsWith(".wasm")) link.type = "application/wasm";
    document.head.append(link);
  }
  try {
    const { default: init } = await import(tag.dataset.uchroniaJs);
    const wasm = await init({ module_or_path: tag.dataset.uchroniaWasm });
    // For the benchmark (tests/e2e/bench.mjs): how much memory the atlas's wasm holds.
    globalThis.uchronia = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
  } catch (e) {
    console.error("Uchronia could not start:", e);
    const note = shell?.querySelector(".first-map-note");
    if (note) {
      const what = `${tag.dataset.uchroniaJs}, ${tag.dataset.uchroniaWasm}`;
      note.textContent = `The atlas could not start (${what}): ${e?.message ?? e}. Reload the page to try again.`;
      note.classList.add("failed");
      note.setAttribute("role", "alert");
    }
  }
}

let starting = null;
if (shell) {
  try {
    const response = await fetch(shell.dataset.src);
    const first = response.ok ? await response.json() : null;
    // The first map has what it draws: the atlas's files are asked for now, while it is drawn.
    starting = start();
    if (draw(first)) {
      await painted();
      // For the benchmark (tests/e2e/bench.mjs): the first map is on screen.
      performance.mark("uchronia-first-map");
    }
  } catch (e) {
    // The picture is only a foretaste: the atlas draws the map, or says what is wrong.
    console.warn("Uchronia: the first map was not drawn:", e);
  }
}
await (starting ?? start());
