// An official opens the 2026-2030 targets table of the merged Quảng Ngãi province as a
// spreadsheet file (.xlsx, and .ods) instead of pasting it: the sheet worker (a second
// wasm module with calamine, fetched only now) reads it while a loading notice shows,
// the preview is the paste test's table (its merged group heading read as a group, the
// formula's saved value used and said so, the date typed where a number should be
// listed as a problem), and the confirmed model has the same 6 indicators as the same
// table pasted. Bad files get a clear message and save nothing. Fixtures:
// tests/fixtures/make_sheet_fixtures.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openApp, ROOT, DIST } from './support.mjs';
import { TSV, MODEL_ID, openImport, rowIds, storedModelCount } from './model-support.mjs';
import { copySite, waitForController } from './offline-support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';

const app = useApp('/');
const FIXTURES = join(ROOT, 'tests', 'fixtures');




/** Records whether the loading notice was ever on the page (it may show only briefly). */
async function watchLoading(page) {
  await page.evaluate(() => {
    window.__sawLoading = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="model-import-loading"]')) window.__sawLoading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Waits until the import error says `re`, and returns its text. */
async function errorSaying(page, re) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="model-import-error"]')?.textContent ?? ''),
    re.source,
  );
  return page.getByTestId('model-import-error').innerText();
}

/** The indicator ids of the paste test's table, pasted in a fresh browser profile. */
async function pastedIds() {
  const { page, context } = await openApp(app.browser, app.url);
  await openImport(page);
  await page.getByTestId('model-import-paste').fill(TSV);
  await page.getByTestId('model-import-preview').waitFor();
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  const ids = await rowIds(page);
  await context.close();
  return ids;
}

async function importFile(file, { sheets }) {
  const pasted = await pastedIds();
  assert.equal(pasted.length, 6);
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  await watchLoading(page);
  await page.getByTestId('model-import-file').setInputFiles(join(FIXTURES, file));
  const preview = page.getByTestId('model-import-preview');
  await preview.waitFor();
  assert.equal(await page.evaluate(() => window.__sawLoading), true, 'the loading notice showed');
  assert.equal(await page.getByTestId('model-import-summary').innerText(), '6 chỉ tiêu trong 2 nhóm, 9 số liệu');
  const previewText = await preview.innerText();
  assert.match(previewText, /Ước thực hiện 2025: 10,59/); // a number cell, 10.59, read as 10,59
  assert.match(previewText, /Kế hoạch 2026: 10\b/);
  assert.match(previewText, /Mục tiêu 2030: trên 10/);
  assert.match(previewText, /Mục tiêu 2030: khoảng 6\.900–7\.000/);
  assert.match(previewText, /Mục tiêu 2030: dưới 38,7/);
  // The merged heading is a group, not an indicator named after itself.
  const groups = await page.locator('[data-testid="model-import-row"].group-row').allInnerTexts();
  assert.equal(groups.length, 2, groups.join('|'));
  assert.match(groups[0], /CHỈ TIÊU KINH TẾ/);
  // The date and the words are problems with their row and column; the formula is said.
  const problems = page.getByTestId('model-import-problems');
  assert.equal(await problems.getAttribute('data-count'), '2');
  assert.match(await problems.innerText(), /Dòng 4, cột 4: là ngày tháng, không phải số/);
  assert.match(await problems.innerText(), /Dòng 9, cột 6: không phải số/);
  assert.match(await page.getByTestId('model-import-formulas').innerText(), /^1 số liệu nằm trong ô có công thức: ứng dụng dùng giá trị đã tính sẵn/);
  if (sheets) {
    assert.deepEqual(await page.getByTestId('model-import-sheet').locator('option').allInnerTexts(), sheets);
  }
  assert.equal(await page.getByTestId('model-import-first-year').inputValue(), '2026');
  assert.equal(await page.getByTestId('model-import-base-year').inputValue(), '2025');
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.deepEqual(await rowIds(page), pasted);
  assert.deepEqual(errors, []);
  await context.close();
}

test('an .xlsx file gives the same 6 indicators as the pasted table', async () => {
  await importFile('chi-tieu-quang-ngai-2026-2030.xlsx', { sheets: ['Chỉ tiêu 2026-2030', 'Ghi chú'] });
});

test('an .ods file gives the same 6 indicators as the pasted table', async () => {
  await importFile('chi-tieu-quang-ngai-2026-2030.ods', { sheets: null });
});

test('the sheet worker files are built beside the app and precached for offline use', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const name of ['sheet_worker_loader.js', 'sheet_worker.js', 'sheet_worker_bg.wasm']) {
    assert.ok(sw.includes(`"url":"${name}"`), `${name} precached`);
  }
});

test('bad spreadsheet files get a clear message and nothing is saved', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  const input = page.getByTestId('model-import-file');
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // Not a spreadsheet at all, whatever its name says.
  await input.setInputFiles({ name: 'anh.xlsx', mimeType: xlsx, buffer: Buffer.from('\x89PNG\r\n\x1a\n....') });
  assert.match(await errorSaying(page, /không phải bảng tính/), /không phải bảng tính Excel hay LibreOffice/);
  // A zip cut short.
  await input.setInputFiles({ name: 'bang.xlsx', mimeType: xlsx, buffer: Buffer.from('PK\u0003\u0004') });
  assert.match(await errorSaying(page, /bị hỏng/), /Không đọc được tệp bảng tính: tệp bị hỏng/);
  // Locked with a password.
  await input.setInputFiles(join(FIXTURES, 'sheet-password.xlsx'));
  assert.match(await errorSaying(page, /mật khẩu/), /Tệp được khóa bằng mật khẩu/);
  // An empty sheet.
  await input.setInputFiles(join(FIXTURES, 'sheet-empty.xlsx'));
  assert.match(await errorSaying(page, /trống/), /Trang tính này trống/);
  // 50,000 rows.
  await input.setInputFiles(join(FIXTURES, 'sheet-50000-rows.xlsx'));
  assert.match(await errorSaying(page, /quá nhiều dòng/), /tối đa 5\.000 dòng/);
  // 30 MB: refused before it is read.
  const dir = await mkdtemp(join(tmpdir(), 'sheet-'));
  const big = join(dir, 'lon.xlsx');
  await writeFile(big, Buffer.alloc(30_000_000, 1));
  await input.setInputFiles(big);
  assert.match(await errorSaying(page, /quá lớn/), /Tệp quá lớn \(30 MB\); tối đa 20 MB/);
  // English when the app is in English.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await input.setInputFiles({ name: 'anh2.xlsx', mimeType: xlsx, buffer: Buffer.from('GIF89a....') });
  assert.match(await errorSaying(page, /is not an Excel/), /This file is not an Excel or LibreOffice spreadsheet/);
  assert.equal(await page.getByTestId('model-import-preview').count(), 0);
  const stored = await storedModelCount(page);
  assert.equal(stored, 0);
  // Nothing was opened: the link still names the model the page started on (links
  // always name their model since issue #13).
  assert.equal(new URL(page.url()).searchParams.get('mo'), 'kon-tum-2021-2025', page.url());
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline, under a sub-path, an .xlsx file is still read (the worker files are precached)', async () => {
  const site = await copySite();
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });
  const { page, errors, context } = await openApp(app.browser, server.url);
  await waitForController(page);
  await server.close();
  const down = await page.request.get(server.url).catch((e) => e);
  assert.ok(down instanceof Error, 'the web server is really down');
  await page.reload();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  await openImport(page);
  await page.getByTestId('model-import-file').setInputFiles(join(FIXTURES, 'chi-tieu-quang-ngai-2026-2030.xlsx'));
  await page.getByTestId('model-import-preview').waitFor();
  assert.equal(await page.getByTestId('model-import-summary').innerText(), '6 chỉ tiêu trong 2 nhóm, 9 số liệu');
  assert.deepEqual(errors, []);
  await context.close();
});
