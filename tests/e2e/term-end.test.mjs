// The end of a term (issue #13): once the term's last year has passed the workbench
// shows the end-of-term result instead of the pace still needed, the dashboard offers
// the evaluation of the whole model; a USD target takes an exchange rate the person
// types; the Quảng Ngãi model lists what its public pages lack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';

const app = useApp('/');
const AFTER_2025 = '2026-03-01T09:00:00+07:00';
const KON_TUM = 'kon-tum-2021-2025';
const QUANG_NGAI = 'quang-ngai-2026-2030-cong-khai';

test('after 2025 the Kon Tum GRDP workbench shows the end-of-term result, not the pace', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant`, { today: AFTER_2025 });
  const result = page.getByTestId('term-result');
  await result.waitFor();
  // (20,225 ÷ 15,076)^(1/4) − 1 = 7.62 % a year from the 2024 estimate, against ≥ 10 %.
  assert.equal(await result.getAttribute('data-verdict'), 'not-achieved');
  assert.match(await result.getByTestId('term-value').innerText(), /7,62/);
  assert.match(await result.getByTestId('term-margin').innerText(), /−2,38/);
  assert.match(await result.getByTestId('term-rests-on').innerText(), /2024/);
  assert.equal(await page.getByTestId('required-rate').count(), 0);

  const evaluation = page.getByTestId('term-evaluation');
  await evaluation.getByTestId('term-evaluation-open').click();
  const grdp = evaluation.locator('[data-testid="term-evaluation-row"][data-indicator-id="grdp_constant"]');
  assert.equal(await grdp.getAttribute('data-verdict'), 'not-achieved');
  assert.ok((await evaluation.getByTestId('term-evaluation-row').count()) > 1);
  assert.equal(await evaluation.getByTestId('print-term-evaluation').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('inside the term the workbench still asks for the pace and no evaluation is offered', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant`);
  await page.getByTestId('required-rate').waitFor();
  assert.equal(await page.getByTestId('term-result').count(), 0);
  assert.equal(await page.getByTestId('term-evaluation').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a USD target takes a typed exchange rate and shows the conversion', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?mo=${QUANG_NGAI}&ct=grdp_per_capita`, { today: AFTER_2025 });
  const box = page.getByTestId('exchange-rate');
  await box.waitFor();
  assert.equal(await page.getByLabel('Tỷ giá giả định (đồng/USD)').count(), 1);
  await box.fill('26000');
  await box.press('Tab');
  // 6,900 USD × 26,000 VND/USD = 179.4 million VND.
  const conversion = page.getByTestId('exchange-rate-conversion');
  await conversion.waitFor();
  assert.match(await conversion.innerText(), /179,4/);
  assert.match(await page.getByTestId('explanation').innerText(), /179,4/);
  const gaps = page.getByTestId('model-gaps');
  assert.match(await gaps.innerText(), /Chưa có trong các trang công khai/);
  assert.ok((await gaps.locator('li').count()) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
