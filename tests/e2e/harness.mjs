// Shared by the end-to-end tests and the screenshot command: serve a built site on
// loopback and drive Debian's Chromium headless.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `root` on 127.0.0.1 at a free port; unknown paths give 404. */
export async function serve(root) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) throw new Error("outside the site");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  // Closing does not wait for the browser's keep-alive connections: the test is done with them.
  const close = () =>
    new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, close };
}

/** Headless Chromium with the flags this closed network needs (Playwright gives it a fresh profile). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The address the page holds once it has painted its next frame and is idle: the atlas writes
 * a step into the address bar after the step's map is painted, when the page is idle (idle
 * callbacks run in the order they were asked for), and Playwright's page.url() learns of a
 * write a moment after the page makes it. */
export async function addressOf(page) {
  const href = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
    return location.href;
  });
  return new URL(href);
}

/** The query of the address the page holds (see `addressOf`). */
export async function query(page) {
  return (await addressOf(page)).searchParams;
}

/** A page that fails the test on any uncaught error or console error. */
export async function openPage(browser, url, { width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  await page.goto(url);
  return page;
}

/** The built site (`DIST` or dist/) served and a browser launched for a test file. */
export function useSite() {
  const env = { site: null, browser: null };
  before(async () => {
    env.site = await serve(process.env.DIST ?? new URL("../../dist", import.meta.url).pathname);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
