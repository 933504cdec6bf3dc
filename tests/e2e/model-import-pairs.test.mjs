// A spreadsheet as officials lay it out: a two-row header merged over its cells (STT,
// Chỉ tiêu, ĐVT over both rows, "Năm 2025" over TH and KH), percentages stored as
// fractions and shown with a percent format, and GRDP given twice, as a level in tỷ
// đồng and as growth in %. The .xlsx and the .ods (tests/fixtures/import-two-row-header.*,
// written by make_sheet_fixtures.py) both preview with one heading per column, every
// percentage as the person sees it (8 %, not 0,08), and the GRDP rows proposed as one
// indicator with its level and its growth, which the person can undo and redo before
// confirming; the model then has 3 indicators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, ROOT } from './support.mjs';
import { MODEL_ID, openImport, rowIds } from './model-support.mjs';

const app = useApp('/');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

async function summaryIs(page, text) {
  await page.waitForFunction((want) => document.querySelector('[data-testid="model-import-summary"]')?.textContent === want, text);
}

async function importPairs(file) {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  await page.getByTestId('model-import-file').setInputFiles(join(FIXTURES, file));
  const preview = page.getByTestId('model-import-preview');
  await preview.waitFor();
  // 4 indicator rows, GRDP's two counted once; 3 + 4 + 4 + 3 figures.
  await summaryIs(page, '3 chỉ tiêu trong 1 nhóm, 14 số liệu');
  const text = await preview.innerText();
  // The columns read, one per heading (the merged "Năm 2025" over TH and KH).
  const columns = await page.getByTestId('model-import-columns').innerText();
  for (const heading of ['Năm 2025 TH', 'Năm 2025 KH', 'KH 2026', 'Mục tiêu 2030']) {
    assert.ok(columns.includes(heading), `heading ${heading} in: ${columns.slice(0, 600)}`);
  }
  assert.match(text, /Thực hiện 2025: 8%/); // 0.08 shown as 0%
  assert.match(text, /Kế hoạch 2025: 8,5%/); // 0.085 shown as 0.0%
  assert.match(text, /Thực hiện 2025: 3,07%/); // 0.0307 shown as 0.00%
  assert.match(text, /Mục tiêu 2030: từ 10%? trở lên/);
  assert.doesNotMatch(text, /0,08|0,085|0,0307/);
  assert.equal(await page.getByTestId('model-import-problems').getAttribute('data-count'), '0');

  // GRDP's level row (table row 4) is joined with its growth row (row 5).
  const pair = page.locator('[data-testid="model-import-pair"][data-row="3"]');
  assert.equal(await pair.getAttribute('data-joined'), 'true');
  assert.equal(await pair.getAttribute('data-growth-row'), '4');
  assert.match(await pair.innerText(), /gộp với tốc độ tăng trưởng ở dòng 5/);
  assert.equal(await page.locator('[data-testid="model-import-kind"][data-row="3"]').inputValue(), 'average_growth');
  // Undone: two indicators, the level row's own kind of target back; then redone.
  const toggle = page.locator('[data-testid="model-import-pair-toggle"][data-row="3"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  await summaryIs(page, '4 chỉ tiêu trong 1 nhóm, 14 số liệu');
  assert.equal(await pair.getAttribute('data-joined'), 'false');
  assert.equal(await page.locator('[data-testid="model-import-kind"][data-row="3"]').inputValue(), 'level');
  await toggle.click();
  await summaryIs(page, '3 chỉ tiêu trong 1 nhóm, 14 số liệu');

  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.deepEqual(await rowIds(page), ['grdp_gia_so_sanh_2010', 'ty_le_do_thi_hoa', 'ty_le_ho_ngheo']);
  assert.deepEqual(errors, []);
  await context.close();
}

test('an .xlsx with a merged two-row header, percentages and a GRDP level and growth pair', async () => {
  await importPairs('import-two-row-header.xlsx');
});

test('the same table as an .ods gives the same preview and model', async () => {
  await importPairs('import-two-row-header.ods');
});
