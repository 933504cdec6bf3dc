// On a 360 px phone screen the dashboard fits the width (rows become labelled cards)
// and an indicator's sources still open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row } from './support.mjs';

const app = useApp('/');

test('fits a 360 px screen', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url, {
    viewport: { width: 360, height: 740 },
  });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  const perCapita = row(page, 'grdp_per_capita');
  const box = await perCapita.boundingBox();
  assert.ok(box && box.width <= 360, `row is ${box?.width}px wide`);
  await perCapita.getByRole('button').click();
  await page.getByTestId('indicator-detail').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
