// Starts the atlas. A separate file rather than Trunk's inline loader, so that the page's
// Content Security Policy can forbid inline scripts. Trunk writes the hashed names of the
// generated module and wasm into the data attributes of the script tag that loads this file.
const tag = document.querySelector("script[data-uchronia-js]");
const { default: init } = await import(tag.dataset.uchroniaJs);
const wasm = await init({ module_or_path: tag.dataset.uchroniaWasm });
// For the benchmark (tests/e2e/bench.mjs): how much memory the atlas's wasm holds.
globalThis.uchronia = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
