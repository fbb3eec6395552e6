// Bad data and hostile text against the release build: a clear message, never a blank page,
// never markup from the texts turned into elements, no inline script under the page's policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { query, serve, launch, openPage } from "./harness.mjs";

const DIST = process.env.DIST ?? new URL("../../dist", import.meta.url).pathname;
let browser;
const copies = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built site whose data files we may break. */
function copyOfSite() {
  const dir = mkdtempSync(join(tmpdir(), "uchronia-site-"));
  cpSync(DIST, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

const alert = (page) => page.getByRole("alert");

test("a truncated data file shows what failed and a Retry that recovers", async () => {
  const dir = copyOfSite();
  const topology = join(dir, "data/topology.json");
  const good = readFileSync(topology);
  writeFileSync(topology, good.subarray(0, Math.floor(good.length / 2)));
  const site = await serve(dir);
  try {
    const page = await openPage(browser, `${site.url}/?t=real&y=1930`);
    await alert(page).waitFor();
    const text = await alert(page).innerText();
    assert.match(text, /data\/topology\.json is damaged or of another version/);
    assert.equal(await page.locator("path.region").count(), 0);
    // The network comes back with the whole file: Retry loads the atlas.
    writeFileSync(topology, good);
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator('path.region[data-region="saar"]').waitFor();
    assert.equal(await alert(page).count(), 0);
    assert.equal((await query(page)).get("y"), "1930", "nothing of the moment was lost");
  } finally {
    await site.close();
  }
});

test("a truncated corpus leaves the map working, says what failed, and Retry brings the passages", async () => {
  const dir = copyOfSite();
  const corpus = join(dir, "data/corpus.json");
  const good = readFileSync(corpus);
  writeFileSync(corpus, good.subarray(0, Math.floor(good.length / 2)));
  const site = await serve(dir);
  try {
    const page = await openPage(browser, `${site.url}/?t=red-triumph&y=1924&r=bavaria`);
    await alert(page).waitFor();
    assert.match(await alert(page).innerText(), /data\/corpus\.json is damaged or of another version/);
    assert.ok((await page.locator("path.region").count()) > 100, "the map is drawn without the texts");
    assert.match(await page.getByRole("region", { name: "Passages" }).innerText(), /could not be loaded/);
    writeFileSync(corpus, good);
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator("li.passage").first().waitFor();
    assert.equal(await alert(page).count(), 0);
    assert.match(await page.getByRole("region", { name: "Passages" }).innerText(), /Bavarian front/);
  } finally {
    await site.close();
  }
});

test("a missing or foreign data file gets a clear message, not a blank page", async () => {
  const dir = copyOfSite();
  rmSync(join(dir, "data/topology.json"));
  const atlas = JSON.parse(readFileSync(join(dir, "data/atlas.json"), "utf8"));
  atlas.version = 99;
  writeFileSync(join(dir, "data/atlas.json"), JSON.stringify(atlas));
  const site = await serve(dir);
  try {
    const page = await openPage(browser, `${site.url}/`);
    await alert(page).waitFor();
    assert.match(await alert(page).innerText(), /Could not fetch data\/topology\.json: the server answered 404/);
    assert.ok(await page.getByRole("button", { name: "Retry" }).isVisible());

    writeFileSync(join(dir, "data/topology.json"), readFileSync(join(DIST, "data/topology.json")));
    await page.getByRole("button", { name: "Retry" }).click();
    await page.waitForFunction(() => document.querySelector("[role=alert]")?.innerText.includes("version"));
    assert.match(await alert(page).innerText(), /data\/atlas\.json is damaged or of another version: expected uchronia-atlas version 1, found uchronia-atlas version 99/);
    assert.equal(await page.locator("header h1").innerText(), "Uchronia");
  } finally {
    await site.close();
  }
});

test("markup in a passage is shown as text and never runs", async () => {
  const dir = copyOfSite();
  const path = join(dir, "data/corpus.json");
  const corpus = JSON.parse(readFileSync(path, "utf8"));
  const hostile = `<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2"> Bavaria & <b>friends</b>`;
  corpus.passages.find((p) => p.id === "000-016").text = hostile;
  writeFileSync(path, JSON.stringify(corpus));
  const site = await serve(dir);
  try {
    const page = await openPage(browser, `${site.url}/?t=red-triumph&y=1924&r=bavaria`);
    const panel = page.getByRole("region", { name: "Passages" });
    await panel.locator("li.passage").first().waitFor();
    assert.match(await panel.innerText(), /<script>window\.__ran = 1<\/script><img src=x onerror="window\.__ran = 2"> Bavaria & <b>friends<\/b>/);
    assert.equal(await panel.locator("script, img, b").count(), 0);
    await panel.locator('li.passage[data-passage="000-016"]').getByRole("button", { name: "Read in the full text" }).click();
    const reader = page.getByRole("dialog", { name: "Full text" });
    await reader.waitFor();
    assert.match(await reader.locator(".marked").innerText(), /<script>/);
    assert.equal(await reader.locator("script, img, b").count(), 0);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.deepEqual(page.errors, []);
  } finally {
    await site.close();
  }
});

test("the page works under a policy that forbids inline script", async () => {
  const site = await serve(DIST);
  try {
    const page = await openPage(browser, `${site.url}/?t=real&y=1938&r=sudetenland`);
    await page.locator('path.region[data-region="sudetenland"]').waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /unsafe-inline[^;]*;.*script|script-src[^;]*unsafe-inline/);
    assert.equal(await page.locator("script:not([src])").count(), 0, "the built page has no inline script");
    assert.deepEqual(page.errors, [], "nothing was blocked on the way up");
    // And the policy is in force: an injected inline script does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.append(s);
      return window.__inline;
    });
    assert.equal(ran, undefined);
  } finally {
    await site.close();
  }
});

test("an atlas that cannot start says so over the first map, naming its files", async () => {
  const site = await serve(DIST);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.goto(`${site.url}/?t=real&y=1930`);
    await alert(page).waitFor();
    const text = await alert(page).innerText();
    assert.match(text, /The atlas could not start \(.*uchronia-[0-9a-f]+_bg\.wasm\)/);
    assert.match(text, /Reload the page/);
    // The first map stays: the reader still sees the moment the link names.
    assert.ok((await page.locator("#first-map path").count()) > 0);
  } finally {
    await context.close();
    await site.close();
  }
});
