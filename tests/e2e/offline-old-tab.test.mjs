// F3: two tabs run the first build; the second build is deployed (the first build's
// stylesheet is gone from the server) and one tab accepts it. The other tab, still on the
// first build and now controlled by the new worker, can still load the first build's
// files: the old cache is kept while a window of the old version is open, and deleted
// once none is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import {
  cacheNames,
  checkForUpdate,
  copySite,
  deploy,
  precacheOf,
  secondBuild,
  waitForController,
} from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F3 an old tab still gets its own files after another tab takes the new build', async () => {
  const site = await copySite();
  const v1 = await precacheOf(site);
  const v2 = await secondBuild('v2');
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const context = await browser.newContext();
  const rows = (p) => p.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });

  const oldTab = await context.newPage();
  await oldTab.goto(server.url);
  await rows(oldTab);
  await waitForController(oldTab);
  const other = await context.newPage();
  await other.goto(server.url);
  await rows(other);
  await oldTab.evaluate(() => {
    window.__sameDocument = true;
  });

  await deploy(v2.dir, site);
  const gone = await other.request.get(`${server.url}${v2.css.before}`);
  assert.equal(gone.status(), 404, 'the first build is no longer on the server');
  await checkForUpdate(other);
  await other.getByTestId('update-banner').waitFor();
  await Promise.all([other.waitForEvent('load'), other.getByTestId('update-accept').click()]);
  await rows(other);
  assert.equal(
    await other.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--planner-build').trim()),
    '"v2"',
  );

  // The old tab did not reload, and its files still load (from the kept cache).
  assert.equal(await oldTab.evaluate(() => window.__sameDocument), true);
  const oldCss = await oldTab.evaluate(async (name) => {
    const response = await fetch(name);
    return { status: response.status, text: await response.text() };
  }, v2.css.before);
  assert.equal(oldCss.status, 200);
  assert.ok(!oldCss.text.includes('--planner-build'), 'the first build\'s stylesheet, not the second\'s');
  const v1Cache = `planner:/quy-hoach/:build-${v1.build}`;
  const v2Cache = `planner:/quy-hoach/:build-${v2.build}`;
  // The reload of the other tab ran a clean-up; the old tab kept the old cache alive.
  assert.ok((await cacheNames(other)).includes(v1Cache), 'old cache kept while an old tab is open');
  assert.ok((await cacheNames(other)).includes(v2Cache));

  // Once the old tab is gone, the next visit cleans the old cache up.
  await oldTab.close();
  await other.reload();
  await rows(other);
  await other.waitForFunction(async (name) => !(await caches.keys()).includes(name), v1Cache, {
    timeout: 30_000,
  });
  assert.ok((await cacheNames(other)).includes(v2Cache));
  await context.close();
  await server.close();
});
