// Drafts as a person reads them (issue #17): a draft whose name was left empty is shown
// as an untitled draft (in the list, the comparison's picker and its column), never a
// blank button; and the comparison colours each move by the indicator's direction (a
// higher "investment needed" is worse news, a higher GRDP better), not by up or down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';

const app = useApp('/');
const input = (page, year) =>
  page.locator(`[data-testid="scenario-input"][data-input-id="grdp_constant:${year}"]`);

/** Waits until the open draft is saved. */
async function saved(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
    null,
    { timeout: 10_000 },
  );
}

/** Two drafts of GRDP differing only in 2025's growth: `low` (6 %) and `high` (12 %). */
async function twoDrafts(page, low, high) {
  await input(page, 2025).fill('6');
  await page.getByTestId('draft-name').fill(low);
  await saved(page);
  await page.getByTestId('draft-new').click();
  await page.getByTestId('draft-name').fill(high);
  await input(page, 2025).fill('12');
  await saved(page);
  await page.locator('[data-testid="draft-compare"] summary').click();
  const picks = page.getByTestId('compare-pick');
  await picks.nth(0).check();
  await picks.nth(1).check();
  await page.getByTestId('compare-table').waitFor();
}

const UNTITLED = { vi: /^\(?Bản nháp chưa (đặt )?tên\)?$/, en: /^\(?Untitled draft\)?$/ };

test('a draft with an empty name is shown as untitled, in both languages', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  await twoDrafts(page, '', 'Cao');
  const names = () => page.getByTestId('draft-item').locator('button').allInnerTexts();
  const labels = () => page.getByTestId('compare-pick').evaluateAll((els) => els.map((e) => e.parentElement.textContent.trim()));
  const heads = () => page.getByTestId('compare-table').locator('thead th').allTextContents();
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') {
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    const listed = await names();
    assert.equal(listed.length, 2);
    assert.ok(listed.includes('Cao'), listed.join(' | '));
    const untitled = listed.find((n) => n !== 'Cao');
    assert.match(untitled, UNTITLED[lang], `list: ${listed.join(' | ')}`);
    assert.ok((await labels()).some((l) => UNTITLED[lang].test(l)), `picker: ${(await labels()).join(' | ')}`);
    assert.ok((await heads()).some((h) => UNTITLED[lang].test(h.trim())), `columns: ${(await heads()).join(' | ')}`);
  }
  // The name itself stays empty: nothing was written into it.
  await page.getByTestId('draft-item').locator('button').filter({ hasText: UNTITLED.en }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('comparison colours follow the direction: more GRDP is better, more investment needed is worse', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  await twoDrafts(page, 'Thấp', 'Cao');
  const picks = page.getByTestId('compare-pick');
  const ids = await picks.evaluateAll((els) => els.map((e) => e.dataset.draftId));
  const names = await picks.evaluateAll((els) => els.map((e) => e.parentElement.textContent.trim()));
  const high = ids[names.indexOf('Cao')];
  const cells = await page.locator(`[data-testid="compare-cell"][data-draft-id="${high}"]`).evaluateAll((els) =>
    els.map((e) => ({ output: e.dataset.output, year: e.dataset.year, text: e.textContent, tone: e.dataset.tone, cls: e.className })),
  );
  const of = (output) => cells.filter((c) => c.output === output && /diff-(up|down)/.test(c.cls));
  // 12 % in 2025 beats the base: GRDP is up, and up is better for GRDP.
  const grdp = of('indicator:grdp_constant');
  assert.ok(grdp.length > 0, JSON.stringify(cells));
  for (const c of grdp) assert.equal(c.tone, /diff-up/.test(c.cls) ? 'better' : 'worse', JSON.stringify(c));
  // The growth chain's "investment needed": lower is better, so up is worse.
  const investment = of('chain:investment');
  assert.ok(investment.length > 0, `no moving investment cell: ${JSON.stringify(cells)}`);
  for (const c of investment) assert.equal(c.tone, /diff-up/.test(c.cls) ? 'worse' : 'better', JSON.stringify(c));
  assert.ok(investment.some((c) => /diff-up/.test(c.cls) && c.tone === 'worse'), 'a higher investment needed is worse');
  // And the colours say so: the "worse" cell is not painted as the "better" one.
  const colour = (tone) =>
    page.locator(`[data-testid="compare-cell"][data-draft-id="${high}"][data-tone="${tone}"]`).first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(await colour('worse'), await colour('better'));
  assert.deepEqual(errors, []);
  await context.close();
});
