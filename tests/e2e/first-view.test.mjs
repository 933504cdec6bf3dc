// The first view (issue #15): the dashboard rows are in index.html before any wasm runs
// (pre-rendered at build time from the same present:: view models), marked as the default
// model's in both languages; the app replaces them in place once it runs; the shipped
// data come as files beside index.html, and a data file that cannot be fetched gets a
// clear message instead of a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row } from './support.mjs';

const app = useApp('/quy-hoach/');

test('the rows are on the page with no script at all, marked as the default model', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.url);
  const rows = await page.locator('[data-testid="prerendered-row"]').count();
  assert.ok(rows > 300, `only ${rows} pre-rendered rows`);
  assert.equal(await page.locator('[data-testid="indicator-row"]').count(), 0);
  const note = await page.getByTestId('prerendered-note').innerText();
  assert.match(note, /bộ chỉ tiêu mặc định, chưa phải của bạn/);
  assert.match(note, /default targets, not yet your saved ones/);
  assert.equal(await page.getByTestId('prerendered').getAttribute('data-model-id'), 'kon-tum-2021-2025');
  // The same text as the app shows (GRDP per head, dashboard test).
  const perCapita = page.locator('[data-testid="prerendered-row"][data-indicator-id="grdp_per_capita"]');
  assert.match(await perCapita.getByTestId('latest').innerText(), /khoảng 58,42 triệu đồng/);
  assert.equal(await perCapita.getByTestId('plan-status').innerText(), 'vượt');
  await context.close();
});

test('the app replaces the pre-rendered rows in place', async () => {
  const viewport = { width: 1280, height: 900 };
  const still = await app.browser.newContext({ javaScriptEnabled: false, viewport });
  const before = await still.newPage();
  await before.goto(app.url);
  const first = async (page, testid) =>
    page.locator(`[data-testid="${testid}"]`).first().evaluate((e) => Math.round(e.getBoundingClientRect().top));
  const preTop = await first(before, 'prerendered-row');
  await still.close();

  const { page, errors, context } = await openApp(app.browser, app.url, { viewport });
  assert.equal(await page.locator('#prerendered').count(), 0);
  assert.equal(await page.locator('[data-testid="prerendered-row"]').count(), 0);
  const liveTop = await first(page, 'indicator-row');
  console.log(`first row: ${preTop}px pre-rendered, ${liveTop}px in the app (shift ${liveTop - preTop}px)`);
  assert.ok(Math.abs(liveTop - preTop) <= 60, `the rows jump by ${liveTop - preTop}px`);
  assert.match(await row(page, 'grdp_per_capita').getByTestId('latest').innerText(), /khoảng 58,42 triệu đồng/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the shipped data are files beside index.html, fetched at start-up', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/models/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto(app.url);
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  assert.ok(fetched.includes('/quy-hoach/data/models/kon-tum-2021-2025/model.json'), fetched.join(', '));
  assert.ok(fetched.some((p) => p.endsWith('/figures/kt-003-economy.json')), fetched.join(', '));
  await context.close();
});

test('a shipped data file that cannot be fetched is reported in the person\'s language', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.route('**/data/models/kon-tum-2021-2025/figures/kt-001.json', (r) => r.abort());
  await page.goto(app.url);
  const problems = page.getByTestId('data-problems');
  await problems.waitFor({ timeout: 30_000 });
  assert.match(await problems.innerText(), /kt-001\.json: không tải được tệp/);
  // The other shipped model still opens.
  assert.ok((await page.locator('[data-testid="indicator-row"]').count()) > 0);
  await context.close();
});
