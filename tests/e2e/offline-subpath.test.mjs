// F7: served from a sub-path (/quy-hoach/), the service worker's scope is that folder, the
// manifest and its icons resolve under it, and every precached file is cached under it.
// Chromium finds the app installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { copySite, precacheOf, waitForController } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F7 sub-path: scope, manifest and precache all resolve under /quy-hoach/', async () => {
  const site = await copySite();
  const { build, files } = await precacheOf(site);
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const { page, errors, context } = await openApp(browser, `${server.url}?ct=grdp_constant`);
  await waitForController(page);

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url);

  const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  assert.equal(manifestUrl, `${server.url}manifest.webmanifest`);
  const response = await page.request.get(manifestUrl);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(new URL(manifest.start_url, manifestUrl).href, server.url);
  assert.equal(new URL(manifest.scope, manifestUrl).href, server.url);
  assert.equal(manifest.lang, 'vi');
  assert.match(manifest.name, /chỉ tiêu/);
  for (const icon of manifest.icons) {
    const iconUrl = new URL(icon.src, manifestUrl).href;
    assert.ok(iconUrl.startsWith(server.url), iconUrl);
    assert.equal((await page.request.get(iconUrl)).status(), 200, iconUrl);
  }
  const cdp = await context.newCDPSession(page);
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito-like profiles; that one reason is Chromium's, not ours.
  assert.deepEqual(
    installabilityErrors.filter((e) => e.errorId !== 'in-incognito'),
    [],
  );

  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => r.url).sort();
  }, `planner:/quy-hoach/:build-${build}`);
  assert.deepEqual(cached, files.map((f) => `${server.url}${f.url}`).sort());
  assert.ok(files.some((f) => f.url === 'index.html'));
  assert.ok(files.some((f) => f.url.endsWith('_bg.wasm')));
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
