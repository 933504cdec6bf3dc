// An official brings their own target model: pastes the 2026-2030 targets table of the
// merged Quảng Ngãi province copied from a spreadsheet, checks the preview, confirms,
// finds the model after a reload, exports it, and a colleague opens the file in another
// browser (a fresh context: its own IndexedDB) and sees the same rows. The same from a
// CSV file. Bad input gets a clear message and saves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp } from './support.mjs';
import { TABLE, TSV, MODEL_ID, openImport, rowIds, storedModelCount } from './model-support.mjs';

const app = useApp('/');

const CSV = '\uFEFF' + TABLE.map((r) => r.map((c) => (/[;"]/.test(c) ? `"${c}"` : c)).join(';')).join('\r\n') + '\r\n';



test('a pasted table is previewed, saved, reloaded, exported and opened elsewhere', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  await page.getByTestId('model-import-paste').fill(TSV);
  const preview = page.getByTestId('model-import-preview');
  await preview.waitFor();
  assert.equal(await page.getByTestId('model-import-summary').innerText(), '6 chỉ tiêu trong 2 nhóm, 9 số liệu');
  const previewText = await preview.innerText();
  assert.match(previewText, /Mục tiêu 2030: trên 10/);
  assert.match(previewText, /Mục tiêu 2030: khoảng 6\.900–7\.000/);
  assert.match(previewText, /Mục tiêu 2030: dưới 38,7/);
  // The one cell in words is listed with its row and column; nothing is saved yet.
  const problems = page.getByTestId('model-import-problems');
  assert.equal(await problems.getAttribute('data-count'), '1');
  assert.match(await problems.innerText(), /Dòng 9, cột 6: không phải số/);
  // Every guess can be changed: the estimate column read as results, then back; a row's
  // kind of target.
  const role = page.locator('[data-testid="model-import-role"][data-column="3"]');
  assert.equal(await role.inputValue(), 'estimate:2025');
  await role.selectOption('actual:2025');
  await page.waitForFunction(() => /Thực hiện 2025: 10,59/.test(document.querySelector('[data-testid="model-import-preview"]')?.textContent ?? ''));
  await role.selectOption('estimate:2025');
  await page.waitForFunction(() => /Ước thực hiện 2025: 10,59/.test(document.querySelector('[data-testid="model-import-preview"]')?.textContent ?? ''));
  const kind = page.locator('[data-testid="model-import-kind"][data-row="5"]');
  assert.equal(await kind.inputValue(), 'share');
  assert.equal(await page.locator('[data-testid="model-import-unit"][data-row="4"]').inputValue(), 'bn_vnd');
  assert.equal(await page.getByTestId('model-import-first-year').inputValue(), '2026');
  assert.equal(await page.getByTestId('model-import-last-year').inputValue(), '2030');
  assert.equal(await page.getByTestId('model-import-base-year').inputValue(), '2025');
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();

  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.match(await page.getByTestId('model-title').innerText(), /Quảng Ngãi · Nhiệm kỳ 2026–2030/);
  const ids = await rowIds(page);
  assert.equal(ids.length, 6);
  assert.ok(ids.includes('toc_do_tang_truong_grdp_binh_quan'), ids.join());

  // Kept across a reload (IndexedDB).
  await page.reload();
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.deepEqual(await rowIds(page), ids);

  // Exported as a file…
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('model-export').click()]);
  assert.equal(download.suggestedFilename(), 'Quảng Ngãi 2026-2030.json');
  const file = await readFile(await download.path(), 'utf8');
  const parsed = JSON.parse(file);
  assert.equal(parsed.kind, 'model');
  assert.equal(parsed.sources[0].text, TSV.replace(/\r\n/g, '\n')); // a textarea keeps line feeds only
  assert.deepEqual(errors, []);

  // …and opened by a colleague in another browser profile.
  const other = await openApp(app.browser, app.url);
  await openImport(other.page);
  await other.page.getByTestId('model-import-file').setInputFiles({ name: 'chi-tieu.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await other.page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await other.page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.deepEqual(await rowIds(other.page), ids);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  await context.close();
});

test('a CSV file with ; and a byte-order mark gives the same model', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  await page.getByTestId('model-import-file').setInputFiles({ name: 'chi-tieu-2026-2030.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByTestId('model-import-preview').waitFor();
  assert.equal(await page.getByTestId('model-import-summary').innerText(), '6 chỉ tiêu trong 2 nhóm, 9 số liệu');
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.equal((await rowIds(page)).length, 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input gets a clear message and nothing is saved', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await openImport(page);
  const paste = page.getByTestId('model-import-paste');
  const error = page.getByTestId('model-import-error');
  await paste.fill('Đây là một đoạn văn, không phải bảng.\nDòng thứ hai.');
  assert.match(await error.innerText(), /không phải là bảng/);
  await paste.fill('a\tb\n1\t2\n');
  assert.match(await error.innerText(), /Không thấy cột tên chỉ tiêu/);
  await paste.fill('Chỉ tiêu\tTH 2025\n');
  assert.match(await error.innerText(), /chỉ có dòng tiêu đề/);
  const rows = 'Chỉ tiêu\tĐVT\tKH 2026\n' + 'GRDP\t%\t1\n'.repeat(5001);
  // 5,001 rows set at once, as a paste does (typing them would take minutes).
  await paste.evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, rows);
  assert.match(await error.innerText(), /quá nhiều dòng/);
  await page.getByTestId('model-import-file').setInputFiles({ name: 'bang.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\u0003\u0004') });
  // A spreadsheet file is read now (model-import-sheet.test.mjs); one cut short says so.
  await page.waitForFunction(() => /bị hỏng/.test(document.querySelector('[data-testid="model-import-error"]')?.textContent ?? ''));
  assert.match(await error.innerText(), /Không đọc được tệp bảng tính: tệp bị hỏng/);
  const newer = JSON.stringify({ app: 'provincial-planner', kind: 'model', schema_version: 99, model: {} });
  await page.getByTestId('model-import-file').setInputFiles({ name: 'moi.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  const status = page.getByTestId('model-save-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-kind'), 'bad-file');
  assert.match(await status.innerText(), /phiên bản mới hơn/);
  const drafts = JSON.stringify({ app: 'provincial-planner', kind: 'drafts', schema_version: 1, drafts: [] });
  await page.getByTestId('model-import-file').setInputFiles({ name: 'nhap.json', mimeType: 'application/json', buffer: Buffer.from(drafts) });
  await page.waitForFunction(() => /tệp bản nháp/.test(document.querySelector('[data-testid="model-save-status"]')?.textContent ?? ''));
  // Nothing was stored: the model store holds no record.
  const stored = await storedModelCount(page);
  assert.equal(stored, 0);
  // Nothing was opened: the link still names the model the page started on (links
  // always name their model since issue #13).
  assert.equal(new URL(page.url()).searchParams.get('mo'), 'kon-tum-2021-2025', page.url());
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the import panel does not scroll the page sideways', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url, { viewport: { width: 360, height: 780 } });
  await openImport(page);
  await page.getByTestId('model-import-paste').fill(TSV);
  await page.getByTestId('model-import-preview').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  assert.deepEqual(errors, []);
  await context.close();
});
