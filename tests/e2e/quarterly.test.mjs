// The quarterly GRDP growth scenario by sector, end to end (issue 14): last year's levels
// pasted from the statistics office's table, growth typed for every sector and quarter,
// the worked check on screen (10.24 % in every period, industry-construction 5.6
// points), two quarters marked as results, the growth the remaining quarters need for
// the year's 10 % (with its numbers, put back into the quarters), a cell with text in
// it, the year's sector growth taken into the yearly chain, the printed form, the CSV,
// and the draft that keeps it all across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp } from './support.mjs';
import { GROWTH, PASTED_WITH_TOTAL as PASTED, SECTORS } from './quarterly-support.mjs';

const app = useApp('/quy-hoach/');

const cell = (page, testid, sector, quarter) =>
  page.locator(`[data-testid="${testid}"][data-sector="${sector}"][data-quarter="${quarter}"]`);
const total = (page, period) =>
  page.locator(`[data-testid="quarter-total-growth"][data-period="${period}"]`);
const contribution = (page, sector, period) =>
  page.locator(`[data-testid="quarter-contribution"][data-sector="${sector}"][data-period="${period}"]`);

async function totals(page) {
  const out = [];
  for (const p of ['1', '2', '3', '4', '6m', '9m', 'year']) out.push(await total(page, p).innerText());
  return out;
}

test('quarterly scenario: fill, mark results, seek the remaining quarters, print and export', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  const section = page.getByTestId('quarterly');
  await page.getByTestId('quarterly-open').click();
  // Kon Tum's chain starts from the 2024 estimates: the quarterly scenario is for 2025.
  assert.match(await page.getByTestId('quarterly-open').innerText(), /2025/);

  await page.getByTestId('quarter-paste').fill(PASTED);
  await page.getByTestId('quarter-paste-run').click();
  await page.getByTestId('quarter-paste-message').filter({ hasText: '16 ô' }).waitFor();
  assert.equal(await cell(page, 'quarter-base', 'services', 4).inputValue(), '8.428,8');
  assert.equal(await cell(page, 'quarter-base', 'agriculture', 1).inputValue(), '4.000');

  for (const s of SECTORS) {
    for (const q of [1, 2, 3, 4]) await cell(page, 'quarter-growth', s, q).fill(GROWTH[s]);
  }
  // 0.2 × 4 + 0.4 × 14 + 0.32 × 10 + 0.08 × 8 = 10.24 % in every quarter and period.
  assert.deepEqual(await totals(page), Array(7).fill('10,24'));
  // Industry-construction: 0.4 × 14 = 5.6 points, in the year as in each quarter.
  assert.equal(await contribution(page, 'industry', 'year').innerText(), '5,6');
  assert.equal(await contribution(page, 'industry', '2').innerText(), '5,6');
  assert.match(await page.getByTestId('quarter-explanation').innerText(), /92\.340/);

  // The year's sector growth goes into the yearly chain (industry 14 % in 2025).
  await page.getByTestId('quarter-to-chain').click();
  assert.equal(await page.locator('[data-testid="scenario-input"][data-input-id="chain:g_industry:2025"]').inputValue(), '14');

  // Q1 and Q2 are published: they are results, the rest scenario.
  await page.locator('[data-testid="quarter-result"][data-quarter="1"]').check();
  await page.locator('[data-testid="quarter-result"][data-quarter="2"]').check();
  const kind = (period) => section.locator(`th[data-period="${period}"]`).getAttribute('data-kind');
  assert.equal(await kind('1'), 'result');
  assert.equal(await kind('6m'), 'result');
  assert.equal(await kind('3'), 'scenario');
  assert.equal(await kind('year'), 'mixed');

  // The year aims at its 10 % plan (the box's placeholder); typed here as well.
  assert.equal(await page.getByTestId('quarter-target').getAttribute('placeholder'), '10');
  await page.getByTestId('quarter-target').fill('10');
  await page.getByTestId('quarter-seek-run').click();
  const answer = page.getByTestId('quarter-seek-answer');
  // 92,340 × 1.10 = 101,574; Q1 + Q2 give 42,000 × 1.1024 = 46,300.8; Q3 + Q4 were 50,340:
  // (101,574 − 46,300.8) ÷ 50,340 − 1 = 9.80 %.
  await answer.filter({ hasText: '9,8%' }).waitFor();
  assert.match(await answer.innerText(), /\(101\.574 − 46\.300,8\) ÷ 50\.340 − 1 = 9,8%/);
  assert.match(await answer.innerText(), /kiểm tra lại: cả năm tăng 10%/);
  await page.getByTestId('quarter-seek-apply').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="quarter-total-growth"][data-period="year"]')?.textContent === '10',
  );
  assert.equal(await cell(page, 'quarter-growth', 'services', 3).inputValue(), '9,7998');
  assert.equal(await total(page, '1').innerText(), '10,24');

  // Text in a number field: a note on that cell; the other quarters still show.
  await cell(page, 'quarter-base', 'taxes', 4).fill('abc');
  await section.getByTestId('quarter-cell-note').filter({ hasText: 'không đọc được số' }).waitFor();
  assert.equal(await total(page, '4').innerText(), '—');
  assert.equal(await total(page, '3').innerText(), '9,8');
  assert.doesNotMatch(await page.locator('body').innerText(), /NaN|Infinity/);
  await cell(page, 'quarter-base', 'taxes', 4).fill('2.107,2');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="quarter-total-growth"][data-period="year"]')?.textContent === '10',
  );

  // The printed form, in Vietnamese with the draft's name and the date.
  await page.evaluate(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints += 1;
    };
  });
  await page.getByTestId('print-quarterly').click();
  await page.waitForFunction(() => window.__prints === 1);
  const form = page.getByTestId('report-quarterly');
  await form.waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await form.isVisible(), true);
  assert.match(await page.getByTestId('report-quarterly-title').innerText(), /kịch bản tăng trưởng GRDP theo quý năm 2025/i);
  assert.match(await page.getByTestId('report-quarterly-date').innerText(), /^Ngày lập: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  assert.match(await page.getByTestId('report-quarterly-draft').innerText(), /^Bản nháp: \S/);
  const formText = await page.getByTestId('report-quarterly-table').innerText();
  assert.match(formText, /Quý I\s+Quý II\s+Quý III\s+Quý IV\s+6 tháng\s+9 tháng\s+Cả năm/);
  assert.match(formText, /Đóng góp vào tăng trưởng GRDP/);
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  assert.ok(pdf.length > 1000);
  await page.emulateMedia({ media: 'screen' });

  // The CSV of the form.
  const button = page.locator('[data-testid="csv-export"][data-table="quarterly"]');
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(file.suggestedFilename(), 'Kon Tum - Kịch bản tăng trưởng theo quý 2025.csv');
  const text = (await readFile(await file.path())).toString('utf8');
  assert.ok(text.startsWith('\uFEFFKịch bản tăng trưởng GRDP theo quý năm 2025;'));
  assert.match(text, /Chỉ tiêu;Quý I;Quý II;Quý III;Quý IV;6 tháng;9 tháng;Cả năm/);
  assert.match(text, /;Thực hiện;Thực hiện;Kịch bản;Kịch bản;Thực hiện;/);
  assert.match(text, /Bản nháp: /);
  assert.match(text, /Ngày lập: \d{2}\/\d{2}\/\d{4}/);

  // The draft keeps the base, the growth, the target and the result marks.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
    null,
    { timeout: 10_000 },
  );
  const stored = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('provincial-planner/draft/')) return JSON.parse(localStorage.getItem(k));
    }
    return null;
  });
  assert.deepEqual(stored.draft.quarter_results, [1, 2]);
  assert.equal(stored.draft.quarterly.length, 33, '16 levels, 16 growth rates and the target');
  assert.ok(stored.draft.quarterly.some((c) => c.cell === 'base:services:4' && c.value === 8428.8));
  await page.reload();
  await page.getByTestId('quarterly').waitFor();
  assert.equal(await cell(page, 'quarter-base', 'services', 4).inputValue(), '8.428,8');
  assert.equal(await page.locator('[data-testid="quarter-result"][data-quarter="2"]').isChecked(), true);
  assert.equal(await total(page, 'year').innerText(), '10');
  assert.deepEqual(errors, []);
  await context.close();
});
