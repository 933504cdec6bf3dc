// Ranges beyond the workbench (issue 16): a range on a quarter's sector growth gives the
// chance that the year's GRDP growth reaches its target (computed by hand below); a view
// link carries the ranges and the seed, so another browser opening it reads the same
// chance, and a link whose range cannot be read says so; "from history" on a growth-chain
// input fills its ranges from the model's past results and says how. axe-core finds
// nothing on the chance panel and on the quarterly view with ranges, in both languages,
// and the chance panel fits a 360 px screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, ROOT, toEnglish } from './support.mjs';
import { axeViolations } from './axe-support.mjs';
import { GROWTH, PASTED_SECTORS as PASTED, SECTORS } from './quarterly-support.mjs';

const app = useApp('/quy-hoach/');

/** Reads "37,4%" (or "37.4%") as 37.4. */
function percent(text) {
  const m = text.match(/^(\d{1,3}(?:[,.]\d)?)%$/);
  assert.ok(m, `not a percentage: ${text}`);
  return Number(m[1].replace(',', '.'));
}

async function fillQuarterly(page) {
  await page.getByTestId('quarterly-open').click();
  await page.getByTestId('quarter-paste').fill(PASTED);
  await page.getByTestId('quarter-paste-run').click();
  await page.getByTestId('quarter-paste-message').filter({ hasText: '16 ô' }).waitFor();
  for (const s of SECTORS) {
    for (const q of [1, 2, 3, 4]) {
      await page.locator(`[data-testid="quarter-growth"][data-sector="${s}"][data-quarter="${q}"]`).fill(GROWTH[s]);
    }
  }
}

const quarterEnd = (page, which) =>
  page.locator(`[data-testid="range-${which}"][data-input-id="quarter:growth:industry:4"]`);

async function quarterChance(page, notText) {
  const chance = page.locator('[data-testid="quarter-ranges"] [data-testid="target-chance"]');
  await page.waitForFunction(
    (old) => {
      const t = document.querySelector('[data-testid="quarter-ranges"] [data-testid="target-chance"]')?.textContent ?? '';
      return /%$/.test(t) && t !== old;
    },
    notText ?? null,
  );
  return chance.innerText();
}

test('a range on a quarter gives the chance of the year target, kept across a reload; axe finds nothing', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  await fillQuarterly(page);
  assert.ok(await page.getByTestId('quarter-chance-hint').isVisible());
  await page.getByTestId('quarter-target').fill('10,5');
  // Industry in Q4 from 4 % to 24 %, likely its typed 14 %. Its Q4 base 10,536 of last
  // year's 92,340 moves the year 0.114100 point per point: the year reaches 10.5 % when
  // x ≥ 14 + 0.26 ÷ 0.114100 = 16.2787, P = (24 − 16.2787)² ÷ (20 × 10) = 29.8 %.
  await quarterEnd(page, 'low').fill('4');
  await quarterEnd(page, 'high').fill('24');
  const high = percent(await quarterChance(page));
  assert.ok(Math.abs(high - 29.8) < 2, `${high}`);
  // At 10 %: x ≥ 14 − 0.24 ÷ 0.114100 = 11.8966, P = 1 − 7.8966² ÷ 200 = 68.8 %.
  await page.getByTestId('quarter-target').fill('10');
  const low = percent(await quarterChance(page, `${String(high).replace('.', ',')}%`));
  assert.ok(Math.abs(low - 68.8) < 2, `${low}`);
  assert.match(await page.locator('[data-testid="quarter-ranges"] [data-testid="chance-runs"]').innerText(), /10\.000 lần chạy, hạt giống 2025/);
  assert.deepEqual(await axeViolations(page), [], 'quarterly view with ranges (vi)');

  // The draft is saved with the last edit (the target) in it before the reload.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved' &&
      Object.values(localStorage).some((v) => v.includes('"cell":"target","text":"10"')),
    null,
    { timeout: 10_000 },
  );
  await page.waitForLoadState('networkidle');
  await page.reload();
  await page.getByTestId('quarter-ranges').waitFor();
  assert.equal(await quarterEnd(page, 'high').inputValue(), '24');
  // The same chance once the draft's cells are in (the plan's target shows first).
  const sameAs = (text) =>
    page.waitForFunction(
      (want) => document.querySelector('[data-testid="quarter-ranges"] [data-testid="target-chance"]')?.textContent === want,
      text,
    );
  await sameAs(`${String(low).replace('.', ',')}%`);
  // In English the cells are read as English numbers ("8.428,8" is not 8,428.8), so
  // only the form of the answer is checked there.
  await toEnglish(page);
  await page.locator('[data-testid="quarter-ranges"] h4', { hasText: 'Quarterly growth ranges' }).waitFor();
  percent(await page.locator('[data-testid="quarter-ranges"] [data-testid="target-chance"]').innerText());
  assert.deepEqual(await axeViolations(page), [], 'quarterly view with ranges (en)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a view link carries the ranges and the seed: another browser reads the same chance', async () => {
  const first = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const page = first.page;
  await page.getByTestId('needs-panel').waitFor();
  await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').fill('10');
  await page.locator('[data-testid="range-low"][data-input-id="grdp_constant:2025"]').fill('10');
  await page.locator('[data-testid="range-high"][data-input-id="grdp_constant:2025"]').fill('25');
  await page.getByTestId('chance-seed').fill('7');
  await page.getByTestId('chance-seed').press('Enter');
  await page.getByTestId('chance-seed').blur();
  await page.waitForFunction(() => /hg=7/.test(location.search));
  const chance = percent(await page.getByTestId('target-chance').innerText());
  const url = page.url();
  assert.match(url, /kh=grdp_constant%3A2025%3A10%3A25/);
  await first.context.close();

  const second = await openApp(app.browser, url);
  await second.page.getByTestId('target-chance').waitFor();
  assert.equal(await second.page.locator('[data-testid="range-high"][data-input-id="grdp_constant:2025"]').inputValue(), '25');
  assert.equal(await second.page.getByTestId('chance-seed').inputValue(), '7');
  assert.equal(percent(await second.page.getByTestId('target-chance').innerText()), chance);
  assert.match(await second.page.getByTestId('chance-runs').innerText(), /hạt giống 7/);
  assert.deepEqual([...first.errors, ...second.errors], []);
  await second.context.close();

  // A range or a seed that cannot be read is left out, and the page says so.
  const bad = await openApp(app.browser, `${app.url}?ct=grdp_constant&kh=%3Cb%3E:1:2;grdp_constant:2025:10:25&hg=x`);
  const notice = bad.page.getByTestId('view-link-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /1 khoảng không đọc được/);
  assert.match(await notice.innerText(), /Hạt giống/);
  assert.equal(await bad.page.locator('[data-testid="range-low"][data-input-id="grdp_constant:2025"]').inputValue(), '10');
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
});

test('"from history" on a chain input fills its ranges and says where they come from', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_per_capita`);
  const chain = page.getByTestId('growth-chain');
  await chain.waitFor();
  await chain.locator('[data-testid="chain-range-from-history"][data-input="icor"]').click();
  const derivation = page.locator('[data-testid="chain-history-derivation"] li[data-input="icor"]');
  await derivation.waitFor();
  const text = await derivation.innerText();
  // Kon Tum's single-year ICORs run from 8,11 to 10,71 (README, the growth chain): the
  // ends typed are the lowest and highest the derivation says.
  const m = text.match(/thấp nhất ([\d.,]*\d), cao nhất ([\d.,]*\d)/);
  assert.ok(m, text);
  const low = await chain.locator('[data-testid="range-low"][data-input-id="chain:icor:2025"]').inputValue();
  const high = await chain.locator('[data-testid="range-high"][data-input-id="chain:icor:2025"]').inputValue();
  assert.equal(low, m[1]);
  assert.equal(high, m[2]);
  assert.deepEqual([low, high], ['8,11', '10,71']);
  assert.match(text, /ICOR/);
  const perCapita = page.locator('[data-testid="chain-chance"][data-indicator="grdp_per_capita"] strong');
  await perCapita.waitFor();
  assert.match(await perCapita.innerText(), /^\d{1,3}(,\d)?%$|^chưa/);
  // A row the past results do not give (the deflator) has no such button.
  assert.equal(await chain.locator('[data-testid="chain-range-from-history"][data-input="deflator"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds nothing on the chance panel in both languages, and it fits 360 px', async () => {
  for (const english of [false, true]) {
    const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10&kh=grdp_constant:2025:10:25`);
    if (english) await toEnglish(page);
    await page.getByTestId('target-chance').waitFor();
    await page.getByTestId('range-from-history').click();
    await page.getByTestId('history-derivation').waitFor();
    assert.deepEqual(await axeViolations(page), [], `chance panel (${english ? 'en' : 'vi'})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10&kh=grdp_constant:2025:10:25`, {
    viewport: { width: 360, height: 800 },
  });
  const panel = page.getByTestId('chance-panel');
  await page.getByTestId('target-chance').waitFor();
  await panel.scrollIntoViewIfNeeded();
  const dir = join(ROOT, 'target', 'screens');
  await mkdir(dir, { recursive: true });
  await panel.screenshot({ path: join(dir, 'chance-panel-360.png') });
  // Nothing in the panel reaches past the screen's right edge, and the page does not
  // scroll sideways.
  const widest = await panel.evaluate((el) =>
    Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
  );
  assert.ok(widest <= 360, `the chance panel reaches ${widest} px`);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 361 && !e.closest('.table-scroll, table'))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.dataset.testid ?? ''} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  console.log(`page ${await page.evaluate(() => document.documentElement.scrollWidth)} px wide at 360; past the edge: ${wide.join('; ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
