// The official's first hour (issue #17): the first screen shows the plan's main targets
// and where they stand without scrolling, on a desktop and on a phone; the other
// statistics are one click away; search understands the words people use; a loading
// sign is in the page before the app runs; and axe-core finds nothing on the dashboard,
// the workbench, the drafts panel and the import view, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row, showAllIndicators, toEnglish } from './support.mjs';
import { axeViolations } from './axe-support.mjs';

const app = useApp('/');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

const rowIds = (page) =>
  page.locator('[data-testid="indicator-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.indicatorId));

test('the page says it is loading before the app runs, with no script of its own', async () => {
  const html = await (await fetch(app.url)).text();
  const body = html.slice(html.indexOf('<body'));
  assert.match(body, /class="page-loading"[^>]*role="status"/);
  assert.match(body, /Đang tải/);
  assert.doesNotMatch(html, /<style|style="/, 'no inline style (CSP style-src self)');
  const { page, context, errors } = await openApp(app.browser, app.url, { viewport: DESKTOP });
  assert.equal(await page.locator('.page-loading').isVisible(), false, 'gone once the app is drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('1366×768: the overview, the first step and the first main targets show without scrolling', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url, { viewport: DESKTOP });
  const overview = page.getByTestId('overview');
  const box = await overview.boundingBox();
  assert.ok(box && box.y + box.height <= DESKTOP.height, `overview ends at ${box?.y + box?.height}px`);
  assert.match(await page.getByTestId('first-step').innerText(), /^Chọn tên một chỉ tiêu/);
  const ids = await rowIds(page);
  // The main targets: the term targets and the plans of Resolution 15-NQ/TU, ~20 of 407.
  assert.ok(ids.length >= 15 && ids.length <= 40, `${ids.length} rows on the first screen`);
  for (const id of ['grdp_constant', 'budget_revenue', 'forest_cover_rate']) assert.ok(ids.includes(id), id);
  assert.ok(!ids.includes('average_population'), 'a report statistic waits behind "all"');
  const first = await page.locator('[data-testid="indicator-row"]').first().boundingBox();
  assert.ok(first && first.y + first.height <= DESKTOP.height, `first row ends at ${first?.y + first?.height}px`);
  // The overview's counts add up to the main targets, and each is a filter.
  const counts = await page
    .locator('[data-testid="overview-filter"]')
    .evaluateAll((b) => b.map((x) => [x.dataset.filter, Number(x.querySelector('.overview-count').textContent)]));
  const by = Object.fromEntries(counts);
  const standings = ['achieved', 'on-track', 'at-risk', 'off-track', 'cannot-assess'];
  assert.equal(standings.reduce((s, k) => s + by[k], 0), by.main, JSON.stringify(by));
  assert.equal(by.main, ids.length);
  const busiest = standings.filter((k) => by[k] > 0)[0];
  await page.locator(`[data-testid="overview-filter"][data-filter="${busiest}"]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="indicator-row"]').length === n, by[busiest]);
  assert.equal(
    await page.locator(`[data-testid="overview-filter"][data-filter="${busiest}"]`).getAttribute('aria-pressed'),
    'true',
  );
  await showAllIndicators(page);
  assert.ok((await rowIds(page)).length > 300);
  assert.deepEqual(errors, []);
  await context.close();
});

test('390×844 phone: the overview is on the first screen and nothing scrolls sideways', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url, { viewport: PHONE });
  const box = await page.getByTestId('overview').boundingBox();
  assert.ok(box && box.y < PHONE.height, `overview starts at ${box?.y}px`);
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await wide()) <= PHONE.width, `dashboard is ${await wide()}px wide`);
  await row(page, 'grdp_constant').getByRole('button').click();
  await page.getByTestId('needs-panel').waitFor();
  assert.ok((await wide()) <= PHONE.width, `workbench is ${await wide()}px wide`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('search in the words people use: "tăng trưởng kinh tế" finds GRDP growth; abbreviations work', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url, { viewport: DESKTOP });
  const search = page.getByTestId('search');
  const cases = [
    ['tăng trưởng kinh tế', 'grdp_constant'],
    ['tăng trưởng', 'grdp_constant'],
    ['thu NS', 'budget_revenue'],
    ['vốn ĐTTXH', 'total_social_investment'],
    ['NTM', 'new_rural_communes'],
    ['hộ nghèo', 'poor_household_rate'],
    ['dân số trung bình', 'average_population'],
  ];
  for (const [query, id] of cases) {
    await search.fill(query);
    await row(page, id).waitFor();
    assert.ok((await rowIds(page)).includes(id), `${query} → ${id}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core: no violation on the dashboard, the workbench, the drafts panel and the import view, in both languages', async () => {
  for (const english of [false, true]) {
    const { page, context, errors } = await openApp(app.browser, app.url, { viewport: DESKTOP });
    if (english) await toEnglish(page);
    const where = english ? 'en' : 'vi';
    assert.deepEqual(await axeViolations(page), [], `dashboard (${where})`);
    await row(page, 'grdp_constant').getByRole('button').click();
    await page.getByTestId('needs-panel').waitFor();
    assert.deepEqual(await axeViolations(page), [], `workbench (${where})`);
    // A draft: the first edit makes one; the drafts panel then shows its fields and list.
    await page.locator('[data-testid="scenario-input"]').first().fill('10');
    await page.getByTestId('draft-item').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `drafts panel with a draft (${where})`);
    await page.getByTestId('model-import-open').click();
    await page.getByTestId('model-import').waitFor();
    assert.deepEqual(await axeViolations(page), [], `import view (${where})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
