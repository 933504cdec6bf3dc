// F1: a link opened once works with no network. Visit once (the service worker precaches
// the build), stop the web server, reload: the app opens from the cache, with the view in
// the URL (an indicator and an assumption) and every figure there.
// A draft saved before the server went away is listed and opens offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, row, showAllIndicators } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { copySite, waitForController } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F1 visit once, stop the server, reload: the app opens from the cache', async () => {
  const site = await copySite();
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const url = `${server.url}?ct=grdp_constant&nam=2023&gd=2024:10`;
  const { page, errors, context } = await openApp(browser, url);
  await page.getByTestId('needs-panel').waitFor();
  await waitForController(page);
  // The typed assumption became a draft; name it.
  await page.getByTestId('draft-name').fill('Kịch bản đi công tác');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
  );

  await server.close();
  const down = await page.request.get(server.url).catch((e) => e);
  assert.ok(down instanceof Error, 'the web server is really down');

  await page.reload();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  await showAllIndicators(page);
  assert.ok((await page.locator('[data-testid="indicator-row"]').count()) > 300);
  assert.match(await row(page, 'grdp_per_capita').getByTestId('latest').innerText(), /58,42/);
  await page.getByTestId('needs-panel').waitFor();
  assert.equal(await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').inputValue(), '10');
  assert.match(await page.getByTestId('required-rate').innerText(), /^16,/);
  // A fresh offline visit with a bare link: the saved draft is listed and opens.
  await page.goto(`${server.url}?ct=grdp_constant&nam=2023`);
  await page.getByTestId('draft-item').first().waitFor();
  assert.equal(await page.getByTestId('draft-name').inputValue(), 'Kịch bản đi công tác');
  assert.equal(await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').inputValue(), '10');

  // Offline, the app's own start-up check for a new version fails quietly (a warning).
  assert.deepEqual(errors, []);
  await context.close();
});
