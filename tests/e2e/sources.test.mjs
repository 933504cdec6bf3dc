// Opening an indicator (by keyboard) shows every figure with its source quote, document
// title and date; closing it returns focus to the row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row } from './support.mjs';

const app = useApp('/quy-hoach/');

test('opens an indicator with the keyboard and shows its sources', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  const open = row(page, 'grdp_per_capita').getByRole('button');
  await open.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('indicator-detail');
  await detail.waitFor();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  assert.match(await detail.getByRole('heading', { level: 2 }).innerText(), /GRDP bình quân đầu người/);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'indicator-detail-title');

  const figure = detail.locator('[data-figure-key="grdp_per_capita/2023/estimate/level"]');
  assert.match(await figure.getByTestId('source-quote').innerText(), /58,42 triệu đồng/);
  assert.match(await figure.getByTestId('source-title').innerText(), /Báo cáo tình hình thực hiện nhiệm vụ/);
  assert.match(await figure.getByTestId('source-date').innerText(), /2023/);
  const figures = await detail.getByTestId('figure-row').count();
  assert.ok(figures >= 3, `only ${figures} figures`);
  const quotes = await detail.getByTestId('source-quote').count();
  const formulas = await detail.getByTestId('source-formula').count();
  assert.equal(quotes + formulas, figures, 'every figure shows a source');

  await detail.getByTestId('detail-close').click();
  await detail.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await open.innerText());
  assert.deepEqual(errors, []);
  await context.close();
});

test('public-report figures name their site and date', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await row(page, 'grdp_constant').getByRole('button').click();
  const detail = page.getByTestId('indicator-detail');
  const base = detail.locator('[data-figure-key="grdp_constant/2020/actual/level"]');
  // The reference row "GRDP, constant 2010 prices | 2020 | 15,076 bn VND" is an English
  // paraphrase: the Vietnamese interface says the figure in its own words and format.
  const quote = base.getByTestId('source-quote');
  assert.match(await quote.innerText(), /thực hiện năm 2020: 15\.076 tỷ đồng/);
  assert.equal(await quote.getAttribute('lang'), 'vi');
  assert.doesNotMatch(await quote.innerText(), /bn VND/);
  assert.match(await base.innerText(), /ipckontum\.gov\.vn/);
  assert.match(await base.getByTestId('source-date').innerText(), /12\/06\/2022/);
  await context.close();
});

test('in English a public report shows its reference row as written', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await row(page, 'grdp_constant').getByRole('button').click();
  const detail = page.getByTestId('indicator-detail');
  const quote = detail
    .locator('[data-figure-key="grdp_constant/2020/actual/level"]')
    .getByTestId('source-quote');
  assert.equal(await quote.innerText(), 'GRDP, constant 2010 prices | 2020 | 15,076 bn VND');
  assert.equal(await quote.getAttribute('lang'), 'en');
  await context.close();
});
