// Takes screenshots of the built site, as a visitor would see it.
//   node tests/e2e/screenshot.mjs OUT.png [QUERY] [WIDTHxHEIGHT]
// e.g. node tests/e2e/screenshot.mjs /tmp/atlas.png "?t=real&y=1930" 1366x768
import { serve, launch, openPage } from "./harness.mjs";

const [out, query = "", size = "1366x768"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node tests/e2e/screenshot.mjs OUT.png [QUERY] [WIDTHxHEIGHT]");
  process.exit(2);
}
const [width, height] = size.split("x").map(Number);
const site = await serve(process.env.DIST ?? new URL("../../dist", import.meta.url).pathname);
const browser = await launch();
try {
  const page = await openPage(browser, `${site.url}/${query}`, { width, height });
  await page.waitForLoadState("networkidle");
  // The atlas's own map, not the first map drawn before it started.
  await page.locator("#first-map").waitFor({ state: "detached" });
  await page.screenshot({ path: out });
  if (page.errors.length) console.error("page errors:", page.errors);
  console.log(`${out}: ${page.url()}`);
} finally {
  await browser.close();
  await site.close();
}
