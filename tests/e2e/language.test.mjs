// The language switch turns every word and number format to English and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row } from './support.mjs';

const app = useApp('/');

test('switches to English and back', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  const perCapita = row(page, 'grdp_per_capita');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await perCapita.getByTestId('latest').innerText(), /about 58\.42 million VND/);
  assert.equal(await perCapita.getByTestId('plan-status').innerText(), 'exceeded');
  assert.ok(await page.getByRole('columnheader', { name: 'Term target' }).first().isVisible());
  assert.equal(await page.getByTestId('lang-switch').innerText(), 'Tiếng Việt');
  const investment = row(page, 'total_social_investment');
  assert.match(await investment.getByTestId('term-target').innerText(), /118,000 billion VND/);
  // "70 mn VND or more" (the Congress coverage), worded as English reads it.
  assert.match(await perCapita.getByTestId('term-target').innerText(), /at least 70 million VND/);

  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.match(await perCapita.getByTestId('latest').innerText(), /khoảng 58,42 triệu đồng/);
  assert.deepEqual(errors, []);
  await context.close();
});
