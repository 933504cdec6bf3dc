// The dashboard lists the shipped indicators, grouped, with Vietnamese number formats,
// plan status and term targets; search narrows it; the page logs no errors. Served from
// a sub-path to show the build works away from "/".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row, showAllIndicators } from './support.mjs';

const app = useApp('/quy-hoach/');

test('lists every indicator, grouped, from a sub-path, with no errors', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await showAllIndicators(page);
  const rows = await page.locator('[data-testid="indicator-row"]').count();
  assert.ok(rows > 300, `only ${rows} rows`);
  const groups = await page.locator('[data-testid="group"]').count();
  assert.ok(groups >= 10, `only ${groups} groups`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.match(await page.getByTestId('model-title').innerText(), /Kon Tum/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('shows results, plans, status and term targets in Vietnamese format', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  const perCapita = row(page, 'grdp_per_capita');
  assert.match(await perCapita.getByTestId('latest').innerText(), /khoảng 58,42 triệu đồng/);
  assert.match(await perCapita.getByTestId('latest').innerText(), /2023 · ước thực hiện/);
  assert.match(await perCapita.getByTestId('attainment').innerText(), /102,49%/);
  assert.equal(await perCapita.getByTestId('plan-status').innerText(), 'vượt');
  assert.match(await perCapita.getByTestId('term-target').innerText(), /từ 70 triệu đồng trở lên/);
  const investment = row(page, 'total_social_investment');
  assert.match(await investment.getByTestId('term-target').innerText(), /118\.000 tỷ đồng/);
  await context.close();
});

test('search finds indicators without accents and in English', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  const search = page.getByTestId('search');
  await search.fill('sam ngoc linh');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="indicator-row"]').length < 20,
  );
  const ids = await page
    .locator('[data-testid="indicator-row"]')
    .evaluateAll((rows) => rows.map((r) => r.dataset.indicatorId));
  assert.ok(ids.includes('ginseng_area'), ids.join(','));
  await search.fill('khong-co-chi-tieu-nay');
  await page.getByText('Không có chỉ tiêu nào khớp.').waitFor();
  await context.close();
});

test('a second province model is available', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url);
  const picker = page.getByTestId('model-picker');
  await picker.selectOption({ index: 1 });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="indicator-row"]').length < 10,
  );
  assert.match(await page.getByTestId('model-title').innerText(), /khóa XI/);
  assert.ok(await row(page, 'budget_revenue').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});
