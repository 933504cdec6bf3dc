// The "what is needed" workbench: the worked example of the domain primer in the
// browser (about 13.2 % a year for 2024-2025 from the 2023 estimate; about 16.5 % for
// 2025 if 2024 grows 10 %), assumptions typed in the person's number format, goal seek,
// English explanation, and the view kept in the URL across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';

const app = useApp('/quy-hoach/');

/** Reads "13,23%/năm" or "13.23%/year" as a number. */
function rate(text, vietnamese = true) {
  const m = text.match(/-?[\d.,]+/);
  assert.ok(m, `no number in ${text}`);
  const plain = vietnamese ? m[0].replace(/\./g, '').replace(',', '.') : m[0].replace(/,/g, '');
  return Number(plain);
}

test('GRDP: required growth moves with the 2024 assumption; goal seek agrees', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  const required = panel.getByTestId('required-rate');
  const before2024 = rate(await required.innerText());
  assert.ok(Math.abs(before2024 - 13.2) < 0.1, `required ${before2024}`);
  assert.ok(await panel.getByTestId('status-badge').getAttribute('data-status'));

  const input2024 = panel.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]');
  await input2024.fill('10');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="required-rate"]')?.textContent?.startsWith('16,'),
  );
  const after2024 = rate(await required.innerText());
  assert.ok(Math.abs(after2024 - 16.5) < 0.1, `required ${after2024}`);
  assert.match(await panel.getByTestId('input-echo').first().innerText(), /= 10%/);
  assert.equal(await input2024.getAttribute('type'), 'text');
  assert.equal(await input2024.getAttribute('inputmode'), 'decimal');

  await panel.getByTestId('goal-seek-year').selectOption('2025');
  await panel.getByTestId('goal-seek-run').click();
  const answer = panel.getByTestId('goal-seek-result');
  await page.waitForFunction(() => document.querySelector('[data-testid="goal-seek-result"]')?.textContent);
  assert.ok(Math.abs(rate((await answer.innerText()).replace(/^Năm \d+ cần /, '')) - after2024) < 0.01);

  assert.match(page.url(), /ct=grdp_constant/);
  // Typing reaches the address bar once the person pauses (a new view at once).
  await page.waitForURL(/gd=2024%3A10/);
  await page.reload();
  await page.getByTestId('needs-panel').waitFor();
  assert.equal(await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').inputValue(), '10');
  assert.ok(Math.abs(rate(await page.getByTestId('required-rate').innerText()) - 16.5) < 0.1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the explanation switches to English with English numbers', async () => {
  const { page, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10`);
  await page.getByTestId('lang-switch').click();
  const explanation = page.getByTestId('explanation');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const text = await explanation.innerText();
  assert.match(text, /Needed: 16\.\d+%\/year in 2025/);
  assert.match(text, /15,076 × \(1 \+ 10%\)\^5/);
  assert.match(text, /Rule: on track/);
  assert.ok(Math.abs(rate(await page.getByTestId('required-rate').innerText(), false) - 16.5) < 0.1);
  await context.close();
});

test('bad and ambiguous input is flagged, never NaN, and can be reset', async () => {
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  const input = panel.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]');
  await input.fill('abc');
  await page.getByText('không đọc được số').waitFor();
  assert.ok(Math.abs(rate(await panel.getByTestId('required-rate').innerText()) - 13.2) < 0.1);
  await input.fill('1.234');
  await page.getByText('cũng có thể là 1,234').waitFor();
  await input.fill('-100');
  await page.getByText('Tốc độ giả định từ −100% trở xuống không có nghĩa.').first().waitFor();
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /NaN|Infinity|inf%/);
  await panel.getByTestId('reset-all').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]')?.value === '',
  );
  assert.ok(Math.abs(rate(await panel.getByTestId('required-rate').innerText()) - 13.2) < 0.1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart draws the scenario to the target and has a table view', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023&gd=2024:10`);
  const chart = page.getByTestId('trend-chart');
  await chart.waitFor();
  assert.equal(await chart.locator('svg[role="img"]').count(), 1);
  assert.match(await chart.locator('desc').textContent(), /Kịch bản đến mục tiêu: 2023: 18\.938,78, 2024: 20\.832,66, 2025: 24\.280,05/);
  assert.equal(await chart.locator('[data-series="series-scenario"] circle').count(), 3);
  assert.equal(await chart.locator('[data-series="target"] rect').count(), 1);
  // The axes are titled, and the description says them first.
  assert.equal(await chart.getByTestId('chart-axis-x').textContent(), 'Năm');
  assert.equal(await chart.getByTestId('chart-axis-y').textContent(), 'Đơn vị: tỷ đồng');
  assert.match(await chart.locator('desc').textContent(), /^Trục ngang: năm; trục dọc: tỷ đồng\. /);
  await chart.getByTestId('chart-toggle').click();
  const table = chart.getByTestId('chart-table');
  await table.waitFor({ state: 'visible' });
  const row2025 = table.locator('tbody tr', { hasText: '2025' });
  assert.match(await row2025.innerText(), /24\.280,05/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('sensitivity tables show the target-year value over one and two assumptions', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  await page.getByTestId('sensitivity-toggle').click();
  const oneWay = page.getByTestId('sensitivity-one-way');
  await oneWay.waitFor();
  assert.equal(await oneWay.locator('tbody tr').count(), 7);
  const grid = page.getByTestId('sensitivity-grid');
  assert.equal(await grid.locator('tbody tr').count(), 7);
  assert.equal(await grid.locator('tbody tr').first().locator('td').count(), 7);
  // 13 % in 2024 and 13.5 % in 2025 reach the 2025 level; 10 % and 10 % do not.
  const meets = await grid.locator('td.meets').count();
  assert.ok(meets > 0 && meets < 49, `${meets} cells meet the target`);
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('linked growth scenario: sector growth moves GRDP growth, per capita and investment', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_per_capita`);
  const chain = page.getByTestId('growth-chain');
  await chain.waitFor();
  const growthCells = () => chain.locator('[data-testid="chain-growth"] td').allInnerTexts();
  // The chain starts from the 2024 estimates: one year left, 2025, at its 10 % plan.
  assert.deepEqual(await growthCells(), ['10%']);
  const perCapitaBefore = await chain.locator('[data-testid="chain-per-capita"] td').first().innerText();
  await chain.locator('[data-testid="scenario-input"][data-input-id="chain:g_services:2025"]').fill('5');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="chain-growth"] td')?.textContent !== '10%',
  );
  // 10 % − 40.5 % (services' weight, 13,962 ÷ 34,471.4) × 5 points = 7.97 %.
  const growth2025 = rate((await growthCells())[0]);
  assert.ok(growth2025 < 10 && growth2025 > 7, `growth ${growth2025}`);
  const contributions = await chain.locator('[data-testid="chain-contribution"]').evaluateAll((rows) =>
    rows.map((r) => r.querySelector('td')?.textContent ?? ''),
  );
  const sum = contributions.map((t) => rate(t)).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - growth2025) < 0.03, `contributions ${sum} vs growth ${growth2025}`);
  assert.notEqual(await chain.locator('[data-testid="chain-per-capita"] td').first().innerText(), perCapitaBefore);
  await page.waitForURL(/kb=g_services%3A2025%3A5/);
  assert.match(await chain.getByTestId('chain-explanation').innerText(), /ICOR/);
  await chain.locator('[data-testid="scenario-input"][data-input-id="chain:population:2025"]').fill('-100');
  await chain.getByTestId('chain-error').waitFor();
  await chain.getByTestId('chain-reset').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="chain-growth"] td')?.textContent === '10%',
  );

  // Goal seek across the chain: the 2025 services growth that gives 70 million per capita.
  await chain.getByTestId('chain-seek-output').selectOption('per_capita');
  await chain.getByTestId('chain-seek-target').fill('70');
  await chain.getByTestId('chain-seek-input').selectOption('g_services');
  await chain.getByTestId('chain-seek-year').selectOption('2025');
  await chain.getByTestId('chain-seek-run').click();
  const answer = chain.getByTestId('chain-goal-seek-result');
  await page.waitForFunction(() => document.querySelector('[data-testid="chain-goal-seek-result"]')?.textContent);
  assert.match(await answer.innerText(), /năm 2025 cần -?[\d.,]+%? .*kiểm tra lại: 70 triệu đồng\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('ginseng: yearly additions needed against the planned pace', async () => {
  const { page, context } = await openApp(app.browser, `${app.url}?ct=ginseng_area`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  assert.match(await panel.getByTestId('required-rate').innerText(), /ha\/năm/);
  assert.equal(await panel.getByTestId('status-badge').getAttribute('data-status'), 'off-track');
  // The question officials ask: is 500 ha of new ginseng a year enough for 4,500 ha?
  assert.equal(await panel.getByTestId('planned-rate').innerText(), '500 ha/năm (2024)');
  assert.match(await panel.getByTestId('explanation').innerText(), /Tốc độ theo kế hoạch: 500 ha\/năm .*không đủ để đạt mục tiêu/);
  await context.close();
});

test('one GRDP growth per draft: a workbench assumption is the chain\'s growth for that year', async () => {
  // 12 % typed for 2025 in the GRDP assumptions: the chain (base 2024) grows every sector
  // 12 %, so its 2025 growth is 12 % and its real GRDP 20,225 × 1.12 = 22,652 bn VND.
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&gd=2025:12`);
  const chain = page.getByTestId('growth-chain');
  await chain.waitFor();
  assert.deepEqual(await chain.locator('[data-testid="chain-growth"] td').allInnerTexts(), ['12%']);
  assert.equal(await chain.locator('[data-testid="chain-real"] td').first().innerText(), '22.652');
  assert.match(await chain.getByTestId('chain-given-growth').innerText(), /2025/);
  await chain.getByTestId('chain-open-workbench').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the person picks the series the GRDP status rests on, kept in the link', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  const basis = panel.getByTestId('pace-basis');
  assert.equal(await basis.inputValue(), 'toc-do');
  // Rates: 8.25 % a year achieved against 17.28 % needed (0.48); levels: 7.62 % against
  // 20.05 % (0.38): off track on either series.
  assert.equal(await panel.getByTestId('status-badge').getAttribute('data-status'), 'off-track');
  await basis.selectOption('muc');
  await page.waitForFunction(() => location.search.includes('nhip=muc'));
  assert.equal(await panel.getByTestId('status-badge').getAttribute('data-status'), 'off-track');
  await page.reload();
  await page.getByTestId('pace-basis').waitFor();
  assert.equal(await page.getByTestId('pace-basis').inputValue(), 'muc');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing reaches the address bar once the person pauses; a new view is written at once', async () => {
  const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  // Counts the app's writes to the address bar (history.replaceState costs about 4 ms a
  // call in Chromium, which also ignores calls past 200 in 10 s).
  await page.evaluate(() => {
    window.__urlWrites = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => {
      window.__urlWrites.push(String(url));
      return replace(state, title, url);
    };
  });
  const input = panel.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]');
  await input.pressSequentially('123456', { delay: 20 });
  await page.waitForURL(/gd=2024%3A123456/);
  const writes = await page.evaluate(() => window.__urlWrites);
  // Six keystrokes 20 ms apart: written once after the pause (twice if the machine
  // stalled for the pause mid-burst), never once per key.
  assert.ok(writes.length >= 1 && writes.length <= 2, writes.join(' | '));
  assert.match(writes.at(-1), /gd=2024%3A123456/);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => location.search.includes('lang=en'));
  assert.match(page.url(), /gd=2024%3A123456/, 'the new view keeps what was typed');
  assert.deepEqual(errors, []);
  await context.close();
});
