// A portal administrator publishes a model without rebuilding the app: the model file
// goes into models/ beside index.html and is listed in models.json. A new visitor finds
// it; after one visit it opens offline (the service worker keeps the list and the file).
// A listed file that is missing is reported, and the other models still open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openApp, ROOT, showAllIndicators } from './support.mjs';
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

const FIXTURE_ID = 'quang-ngai-2026-2030-fixture';

async function publish(site, files) {
  await mkdir(join(site, 'models'), { recursive: true });
  const fixture = await readFile(join(ROOT, 'tests/fixtures/model-file-v1.json'), 'utf8');
  await writeFile(join(site, 'models', 'quang-ngai.json'), fixture);
  await writeFile(join(site, 'models.json'), JSON.stringify({ models: files.map((file) => ({ file })) }));
}

test('a published model appears for a new visitor and opens offline', async () => {
  const site = await copySite();
  await publish(site, ['models/quang-ngai.json']);
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const { page, errors, context } = await openApp(browser, `${server.url}?mo=${FIXTURE_ID}`);
  assert.match(await page.getByTestId('model-title').innerText(), /Quảng Ngãi · Nhiệm kỳ 2026–2030/);
  const ids = await page.locator('[data-testid="indicator-row"]').evaluateAll((r) => r.map((x) => x.dataset.indicatorId));
  assert.deepEqual(ids, ['toc_do_tang_truong_grdp_binh_quan']);
  const options = await page.getByTestId('model-picker').locator('option').allInnerTexts();
  assert.ok(options.some((o) => o.startsWith('Quảng Ngãi (2026–2030)')), options.join(' | '));
  await waitForController(page);

  await server.close();
  await page.reload();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('model-title').innerText(), /Quảng Ngãi · Nhiệm kỳ 2026–2030/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a listed file that is missing is reported; the other models open', async () => {
  const site = await copySite();
  await publish(site, ['models/khong-co.json']);
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const { page, context } = await openApp(browser, server.url);
  const notice = page.getByTestId('published-problems');
  await notice.waitFor();
  assert.match(await notice.innerText(), /models\/khong-co\.json/);
  await showAllIndicators(page);
  assert.ok((await page.locator('[data-testid="indicator-row"]').count()) > 300);
  await context.close();
  await server.close();
});
