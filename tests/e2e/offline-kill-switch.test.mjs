// F6: the emergency kill switch (assets/sw-kill-switch.js, shipped as dist/sw-kill-switch.js)
// is copied over sw.js on the server. A page controlled by the app's worker reloads once,
// the worker is unregistered, this app's caches are gone, another app's cache on the same
// origin and localStorage (where drafts live) are untouched, and the app still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openApp } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { cacheNames, checkForUpdate, copySite, waitForController } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F6 the kill switch retires the worker and its caches, reloads once, keeps local data', async () => {
  const site = await copySite();
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const { page, errors, context } = await openApp(browser, server.url);
  await waitForController(page);
  assert.ok((await cacheNames(page)).some((n) => n.startsWith('planner:/quy-hoach/:build-')));
  await page.evaluate(async () => {
    localStorage.setItem('provincial-planner/draft/kept', 'bản nháp giữ nguyên');
    await (await caches.open('another-app')).put('/another-app/x', new Response('x'));
  });
  let navigations = 0;
  page.on('load', () => {
    navigations += 1;
  });

  await copyFile(join(site, 'sw-kill-switch.js'), join(site, 'sw.js'));
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), checkForUpdate(page)]);
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  // The reloaded page registers sw.js again, which is now the kill switch: it unregisters
  // itself without reloading anything. Wait until no registration is left.
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0, null, {
    timeout: 30_000,
  });
  assert.equal(navigations, 1, 'reloaded exactly once');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  const names = await cacheNames(page);
  assert.deepEqual(names.filter((n) => n.startsWith('planner:')), [], 'this app\'s caches are gone');
  assert.ok(names.includes('another-app'), 'another app\'s cache is untouched');
  assert.equal(await page.evaluate(() => localStorage.getItem('provincial-planner/draft/kept')), 'bản nháp giữ nguyên');
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
