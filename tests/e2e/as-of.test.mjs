// The model as it stood on a date, the exchange rate that survives a reload, links that
// name their model (issue #13); axe-core and a 360 px screen on the end-of-term views.
// The as-of date is kept in the link as `ngay=YYYY-MM-DD`; the header's date box shows
// it and sets it (the page reloads on the new link); a date that does not read is said,
// in the person's language, and today is used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, ROOT } from './support.mjs';
import { axeViolations } from './axe-support.mjs';

const app = useApp('/');
const AFTER_2025 = '2026-03-01T09:00:00+07:00';
const KON_TUM = 'kon-tum-2021-2025';
const QUANG_NGAI = 'quang-ngai-2026-2030-cong-khai';
const SHOTS = join(ROOT, 'target', 'e2e-shots');

const mo = (page) => new URL(page.url()).searchParams.get('mo');

test('ngay=2024-12-31 shows Kon Tum mid-term: the pace needed in 2025, no end-of-term result', async () => {
  const { page, errors, context } = await openApp(
    app.browser,
    `${app.url}?mo=${KON_TUM}&ct=grdp_constant&ngay=2024-12-31`,
    { today: AFTER_2025 },
  );
  const required = page.getByTestId('required-rate');
  await required.waitFor();
  // From the 2024 estimate (20,225 bn VND, published 2024-12-25) the term asks for
  // 15,076 × 1.1⁵ = 24,279.97 bn VND in 2025: 24,279.97 ÷ 20,225 − 1 = 20.05 %.
  assert.match(await required.innerText(), /20,05/);
  assert.equal(await page.getByTestId('term-result').count(), 0);
  assert.equal(await page.getByTestId('term-evaluation').count(), 0);
  // The date in use is visible, in the box and in words, with a note.
  assert.equal(await page.getByTestId('as-of-input').inputValue(), '2024-12-31');
  assert.equal(await page.getByTestId('as-of-words').innerText(), '31/12/2024');
  assert.match(await page.getByTestId('as-of-note').innerText(), /31\/12\/2024/);
  assert.match(page.url(), /ngay=2024-12-31/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('setting the as-of date changes the link, and "back to today" clears it', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant`, { today: AFTER_2025 });
  await page.getByTestId('term-result').waitFor();
  assert.equal(await page.getByTestId('as-of-input').inputValue(), '2026-03-01');
  assert.match(await page.getByTestId('as-of-words').innerText(), /01\/03\/2026 \(hôm nay\)/);
  assert.equal(await page.getByLabel('Xem số liệu tại ngày').count(), 1);
  await Promise.all([
    page.waitForURL(/ngay=2024-12-31/),
    page.getByTestId('as-of-input').fill('2024-12-31'),
  ]);
  await page.getByTestId('required-rate').waitFor();
  assert.equal(await page.getByTestId('term-result').count(), 0);
  assert.equal(mo(page), KON_TUM);
  assert.equal(new URL(page.url()).searchParams.get('ct'), 'grdp_constant');
  await Promise.all([
    page.waitForURL((u) => !u.search.includes('ngay=')),
    page.getByTestId('as-of-today').click(),
  ]);
  await page.getByTestId('term-result').waitFor();
  assert.equal(await page.getByTestId('as-of-note').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a date in the link that does not read is said in the person\'s language and today is used', async () => {
  const vi = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant&ngay=2025-02-30`, { today: AFTER_2025 });
  const error = vi.page.getByTestId('as-of-error');
  await error.waitFor();
  assert.match(await error.innerText(), /ngay=2025-02-30.*không có ngày này.*01\/03\/2026/);
  await vi.page.getByTestId('term-result').waitFor();
  assert.equal(await vi.page.getByTestId('as-of-input').inputValue(), '2026-03-01');
  assert.deepEqual(vi.errors, []);
  await vi.context.close();
  const en = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ngay=31%2F12%2F2024&lang=en`, { today: AFTER_2025 });
  assert.match(
    await en.page.getByTestId('as-of-error').innerText(),
    /The date in the link \(ngay=31\/12\/2024\) is not of the form year-month-day.*using today, 2026-03-01/,
  );
  assert.deepEqual(en.errors, []);
  await en.context.close();
});

test('a typed exchange rate is in the link and still there after a reload', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?mo=${QUANG_NGAI}&ct=grdp_per_capita`, { today: AFTER_2025 });
  const box = page.getByTestId('exchange-rate');
  await box.waitFor();
  await box.fill('26000');
  await box.press('Tab');
  await page.waitForURL(/tg=26000/);
  await page.reload();
  await page.getByTestId('exchange-rate').waitFor();
  assert.equal(await page.getByTestId('exchange-rate').inputValue(), '26000');
  // 6,900 USD × 26,000 VND/USD = 179.4 million VND.
  assert.match(await page.getByTestId('exchange-rate-conversion').innerText(), /179,4/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the link always names its model; an old link without mo= still opens Kon Tum', async () => {
  // A bare link on 2026-03-01 opens the model of that day, and the link names it.
  const bare = await openApp(app.browser, app.url, { today: AFTER_2025 });
  await bare.page.waitForURL((u) => u.searchParams.get('mo') === QUANG_NGAI);
  // Picking another model names that one.
  // (Kon Tum 2021-2025 is the first model of the list.)
  await bare.page.getByTestId('model-picker').selectOption({ index: 0 });
  await bare.page.waitForURL((u) => u.searchParams.get('mo') === KON_TUM);
  assert.deepEqual(bare.errors, []);
  await bare.context.close();
  // Before 2026 the first model is the default, and its link names it too.
  const before = await openApp(app.browser, app.url);
  await before.page.waitForURL((u) => u.searchParams.get('mo') === KON_TUM);
  await before.context.close();
  // An old link: an indicator without mo= opens Kon Tum (as it did), now named.
  const old = await openApp(app.browser, `${app.url}?ct=grdp_constant`, { today: AFTER_2025 });
  await old.page.waitForURL((u) => u.searchParams.get('mo') === KON_TUM);
  await old.page.getByTestId('term-result').waitFor();
  assert.deepEqual(old.errors, []);
  await old.context.close();
});

test('axe-core: no violation on the end-of-term result, the evaluation, the exchange rate and the as-of date, in both languages', async () => {
  for (const lang of ['vi', 'en']) {
    const l = lang === 'en' ? '&lang=en' : '';
    const kt = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant${l}`, { today: AFTER_2025 });
    await kt.page.getByTestId('term-result').waitFor();
    await kt.page.getByTestId('term-evaluation-open').click();
    await kt.page.getByTestId('term-evaluation-row').first().waitFor();
    assert.deepEqual(await axeViolations(kt.page), [], `term result and evaluation (${lang})`);
    await kt.context.close();
    const qn = await openApp(app.browser, `${app.url}?mo=${QUANG_NGAI}&ct=grdp_per_capita&tg=26000${l}`, { today: AFTER_2025 });
    await qn.page.getByTestId('exchange-rate-conversion').waitFor();
    assert.deepEqual(await axeViolations(qn.page), [], `exchange rate (${lang})`);
    await qn.context.close();
    const past = await openApp(app.browser, `${app.url}?mo=${KON_TUM}&ct=grdp_constant&ngay=2024-12-31${l}`, { today: AFTER_2025 });
    await past.page.getByTestId('as-of-note').waitFor();
    assert.deepEqual(await axeViolations(past.page), [], `as-of date (${lang})`);
    await past.context.close();
  }
});

test('on a 360 px screen the end-of-term views and the as-of date fit the width', async () => {
  await mkdir(SHOTS, { recursive: true });
  const viewport = { width: 360, height: 740 };
  const views = [
    ['term-result', `?mo=${KON_TUM}&ct=grdp_constant`, 'term-result'],
    ['term-evaluation', `?mo=${KON_TUM}`, 'term-evaluation'],
    ['exchange-rate', `?mo=${QUANG_NGAI}&ct=grdp_per_capita&tg=26000`, 'exchange-rate-conversion'],
    ['as-of', `?mo=${KON_TUM}&ct=grdp_constant&ngay=2024-12-31`, 'as-of-note'],
  ];
  for (const [name, query, testid] of views) {
    const { page, errors, context } = await openApp(app.browser, `${app.url}${query}`, { viewport, today: AFTER_2025 });
    const shown = page.getByTestId(testid);
    await shown.waitFor();
    if (name === 'term-evaluation') {
      await page.getByTestId('term-evaluation-open').click();
      await page.getByTestId('term-evaluation-row').first().waitFor();
    }
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${name}-360.png`) });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${name}: the page is ${width}px wide`);
    const box = await page.getByTestId(name === 'term-evaluation' ? 'term-evaluation' : testid).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${name}: ${JSON.stringify(box)}`);
    const header = await page.getByTestId('as-of').boundingBox();
    assert.ok(header && header.x + header.width <= 360, `${name}: as-of ${JSON.stringify(header)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
