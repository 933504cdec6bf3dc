// A cold load for the benchmarks of the first frame (issue #15), shared by bench.mjs and
// first-frame-ab.mjs: a new browser context with the cache off (and the CPU slowed when
// asked), the page's probe installed before any of its scripts, and nothing of
// Playwright's in the page until the probe says by a console message that the rows'
// frame is done. page.goto() returns at the response and the message comes through CDP
// (Runtime.consoleAPICalled); waiting for the load event and then polling with
// waitForFunction made Playwright set up its script in the page (10-25 ms of the main
// thread, traced) before that frame, on the app's page and the static page alike, which
// hid part of the gap between them.

/**
 * Opens `url` cold in `browser` with `probe` (a script) run first in the page; resolves
 * with { context, page } once the page has logged `message`. The caller reads the
 * probe's results and closes the context.
 */
export async function openCold(browser, url, { probe, message, throttle = 0, timeout = 120_000 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(probe);
  const said = page.waitForEvent('console', { predicate: (m) => m.text() === message, timeout });
  await page.goto(url, { waitUntil: 'commit' });
  await said;
  return { context, page };
}
