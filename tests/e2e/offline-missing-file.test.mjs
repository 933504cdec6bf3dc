// F4: one file of the build is missing on the server. The service worker's install fails
// (it never serves a half-cached build) and says so in the console; the app keeps
// working online, with no error shown or logged as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openApp, row } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { cacheNames, copySite } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F4 a precached file is missing: install fails and is logged, the app works online', async () => {
  const site = await copySite();
  await unlink(join(site, 'icon-512.png'));
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  const logged = page.waitForEvent('console', {
    predicate: (msg) => msg.type() === 'warning' && /service worker was not installed/.test(msg.text()),
    timeout: 60_000,
  });
  await page.goto(server.url);
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  await logged;

  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active ?? null);
  assert.equal(active, null, 'no half-cached version became active');
  assert.deepEqual(
    (await cacheNames(page)).filter((n) => n.includes(':build-')),
    [],
    'the partial cache was dropped',
  );
  // The app itself is unaffected.
  await row(page, 'grdp_constant').locator('button.indicator-open').click();
  await page.getByTestId('needs-panel').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
