// Consistent series and vintages, as a person sees them: GRDP per capita's figures say
// their statistical basis (before or after the revision), the workbench reads the pace
// achieved on both bases with each verdict and lets the person pick; drafts keep that
// pick and the rates-or-levels choice; a draft made on an older revision of its model
// says which figures it relied on changed.
//
// Numbers by hand: needed (70 ÷ 58.42)^(1/2) − 1 = 9.46 % a year; before the revision,
// from the 2020 estimate, (58.42 ÷ 46.58)^(1/3) − 1 = 7.84 % (at risk); the revised
// series from 2021 = 26,698.59 ÷ 568,780 = 46.94, (58.42 ÷ 46.94)^(1/2) − 1 = 11.56 %
// (on track).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';

const app = useApp('/');
const PREFIX = 'provincial-planner/draft/';

async function saved(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
    null,
    { timeout: 10_000 },
  );
}

function storedDrafts(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
    }
    return out;
  }, PREFIX);
}

const badge = (page) => page.getByTestId('needs-panel').getByTestId('status-badge');

test('GRDP per capita: both vintages with their verdicts, the basis beside each figure, and the pick', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_per_capita`);
  const choice = page.getByTestId('basis-choice');
  await choice.waitFor();
  assert.match(await choice.innerText(), /phụ thuộc vào dãy số/);
  const readings = await choice
    .getByTestId('basis-reading')
    .evaluateAll((items) => items.map((li) => [li.dataset.basis, li.dataset.status, li.textContent]));
  assert.deepEqual(
    readings.map(([b, s]) => [b, s]),
    [
      ['pre_revision', 'at-risk'],
      ['revised', 'on-track'],
    ],
  );
  assert.match(readings[0][2], /2020 \(46,58 triệu đồng\).*7,84%\/năm.*9,46%\/năm/);
  assert.match(readings[1][2], /2021 \(46,94 triệu đồng\).*11,56%\/năm/);
  // The revised series counts by default.
  assert.equal(await page.getByTestId('stat-basis').inputValue(), 'revised');
  assert.equal(await badge(page).getAttribute('data-status'), 'on-track');
  await page.getByTestId('stat-basis').selectOption('pre_revision');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="needs-panel"] [data-testid="status-badge"]')?.dataset.status === 'at-risk',
  );

  // Each figure says its basis beside the value and in its source.
  const pre = page.locator('[data-figure-key="grdp_per_capita/2020/estimate/level"]');
  assert.equal(await pre.getByTestId('figure-basis').innerText(), 'trước điều chỉnh số liệu');
  assert.match(await pre.getByTestId('source-basis').innerText(), /Cơ sở thống kê: trước điều chỉnh số liệu/);
  const derived = page.locator('[data-figure-key="grdp_per_capita/2021/derived/level"]');
  assert.equal(await derived.getByTestId('figure-basis').innerText(), 'sau điều chỉnh số liệu');
  // The formula reads in Vietnamese in the Vietnamese interface (formula_vi in the data).
  assert.match(await derived.getByTestId('source-formula').innerText(), /26\.698,59 tỷ đồng.*568\.780 người.*46,94 triệu đồng/);
  assert.equal(await page.locator('[data-figure-key="grdp_per_capita/2023/estimate/level"] [data-testid="figure-basis"]').count(), 0);

  // In English too.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => /depends on which one is used/.test(document.querySelector('[data-testid="basis-choice"]')?.textContent ?? ''));
  assert.match(await choice.getByTestId('basis-reading').first().innerText(), /^Before the revision: from the 2020 level \(46\.58 million VND\) to 2023, 7\.84 % a year achieved against 9\.46 % a year needed: At risk\.$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft keeps the basis pick and the rates-or-levels choice', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_per_capita`);
  await page.getByTestId('stat-basis').selectOption('pre_revision');
  await page.locator('[data-testid="scenario-input"][data-input-id="grdp_per_capita:2024"]').fill('9');
  await saved(page);
  let body = JSON.parse(Object.values(await storedDrafts(page))[0]).draft;
  assert.deepEqual(body.bases, [{ indicator: 'grdp_per_capita', basis: 'pre_revision' }]);
  // The figures it relied on are kept with it.
  assert.ok(body.relied.some((f) => f.indicator === 'grdp_per_capita' && f.period === '2021' && f.value === 46.94));

  // GRDP on the levels (nhip=muc) goes into the same draft (new pages of the same
  // browser, as a person opens links).
  const second = await context.newPage();
  await second.goto(`${app.url}?ct=grdp_constant&nhap=${body.id}`);
  await second.getByTestId('pace-basis').selectOption('muc');
  await second.waitForFunction(
    (prefix) => Object.keys(localStorage).some((k) => k.startsWith(prefix) && localStorage.getItem(k).includes('"level_paces"')),
    PREFIX,
    { timeout: 10_000 },
  );
  body = JSON.parse(Object.values(await storedDrafts(second))[0]).draft;
  assert.deepEqual(body.level_paces, ['grdp_constant']);
  assert.deepEqual(body.bases, [{ indicator: 'grdp_per_capita', basis: 'pre_revision' }]);

  // A bare link opens the draft with both choices.
  const third = await context.newPage();
  await third.goto(`${app.url}?ct=grdp_constant`);
  await third.getByTestId('draft-item').first().waitFor();
  await third.getByTestId('pace-basis').waitFor();
  assert.equal(await third.getByTestId('pace-basis').inputValue(), 'muc');
  const fourth = await context.newPage();
  await fourth.goto(`${app.url}?ct=grdp_per_capita`);
  await fourth.getByTestId('stat-basis').waitFor();
  assert.equal(await fourth.getByTestId('stat-basis').inputValue(), 'pre_revision');
  assert.equal(await badge(fourth).getAttribute('data-status'), 'at-risk');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft made on an older revision says which figures it relied on changed', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').fill('10');
  await saved(page);
  assert.equal(await page.getByTestId('draft-revision-note').count(), 0);
  // The draft as revision "2026-01-01" of the model left it: the 2024 GRDP estimate was
  // then 20,100 bn VND; the model now says 20,225.
  const [key, text] = Object.entries(await storedDrafts(page))[0];
  const record = JSON.parse(text);
  record.draft.model.data_version = '2026-01-01';
  const f = record.draft.relied.find((r) => r.indicator === 'grdp_constant' && r.period === '2024' && r.kind === 'estimate' && r.measure === 'level');
  assert.equal(f.value, 20225);
  f.value = 20100;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(record)]);
  await page.reload();
  const note = page.getByTestId('draft-revision-note');
  await note.waitFor();
  assert.match(await note.innerText(), /phiên bản số liệu 2026-01-01/);
  assert.match(await note.innerText(), /2024: 20\.100 → 20\.225/);
  // The draft keeps working: its assumption is there and the workbench answers.
  assert.equal(await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').inputValue(), '10');
  await page.getByTestId('needs-panel').getByTestId('status-badge').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
