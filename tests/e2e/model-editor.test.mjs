// An official keeps a model up to date in the app: imports the small 2026-2030 table
// (the one of model-import.test.mjs), renames an indicator, adds the 2025 result with
// its source, saves, reloads and finds the new figure with its source and the old
// estimate still listed as an older vintage; undoes an edit; and edits a shipped model,
// which makes an own copy while the shipped one stays unchanged in the model picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';
import { MODEL_ID, importTable } from './model-support.mjs';

const app = useApp('/');

const GRDP = 'toc_do_tang_truong_grdp_binh_quan';
const NEW_NAME = 'Tốc độ tăng trưởng kinh tế (GRDP) bình quân';

async function openEditor(page) {
  await page.getByTestId('model-edit-open').click();
  await page.getByTestId('model-editor').waitFor();
}

async function figures(page) {
  return page
    .locator('[data-testid="model-edit-figure"]')
    .evaluateAll((items) => items.map((li) => ({ text: li.querySelector('.figure').textContent, source: li.querySelector('.source').textContent, vintage: li.dataset.vintage })));
}

/** Types a figure's year, kind and value into the editor's new-figure fields. */
async function fillFigure(page, { year, kind, value }) {
  await page.getByTestId('model-edit-figure-year').fill(year);
  await page.getByTestId('model-edit-figure-kind').selectOption(kind);
  await page.getByTestId('model-edit-figure-value').fill(value);
}

/** Types a source into the fields `<prefix>source-title|date|quote`. */
async function fillSource(page, prefix, { title, date, quote }) {
  await page.getByTestId(`${prefix}source-title`).fill(title);
  await page.getByTestId(`${prefix}source-date`).fill(date);
  await page.getByTestId(`${prefix}source-quote`).fill(quote);
}

/** Clicks save and waits for the page the save opens. */
async function saveAndReload(page) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('model-edit-save').click()]);
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
}

test('an imported model is edited, saved with the new figure and its source, and undone', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await importTable(page);

  await openEditor(page);
  // An own model: no copy is made.
  assert.equal(await page.getByTestId('model-edit-shipped-note').count(), 0);
  const revisionBefore = await page.getByTestId('model-edit-revision').innerText();
  await page.getByTestId('model-edit-indicator').selectOption(GRDP);
  assert.equal(await page.getByTestId('model-edit-indicator-name').inputValue(), 'Tốc độ tăng trưởng GRDP bình quân');
  assert.equal(await page.getByTestId('model-edit-undo').isDisabled(), true);
  await page.getByTestId('model-edit-indicator-name').fill(NEW_NAME);
  await page.getByTestId('model-edit-rename').click();
  await page.getByTestId('model-edit-unsaved').waitFor();

  // A figure without its source is refused, nothing is added.
  await fillFigure(page, { year: '2025', kind: 'actual', value: '10,02' });
  await page.getByTestId('model-edit-add-figure').click();
  assert.match(await page.getByTestId('model-edit-error').innerText(), /Mỗi số liệu cần nguồn/);
  assert.equal((await figures(page)).length, 3);

  await fillSource(page, 'model-edit-', {
    title: 'Báo cáo tình hình kinh tế - xã hội năm 2025',
    date: '2026-01-15',
    quote: 'GRDP tăng 10,02%',
  });
  await page.getByTestId('model-edit-add-figure').click();
  assert.equal(await page.getByTestId('model-edit-error').count(), 0);
  assert.equal((await figures(page)).length, 4);

  await saveAndReload(page);
  assert.match(page.url(), new RegExp(`mo=${MODEL_ID}`));
  const row = page.locator(`[data-testid="indicator-row"][data-indicator-id="${GRDP}"]`);
  assert.match(await row.innerText(), /Tốc độ tăng trưởng kinh tế \(GRDP\) bình quân/);

  await openEditor(page);
  await page.getByTestId('model-edit-indicator').selectOption(GRDP);
  assert.equal(await page.getByTestId('model-edit-indicator-name').inputValue(), NEW_NAME);
  const revisionAfter = await page.getByTestId('model-edit-revision').innerText();
  assert.notEqual(revisionAfter, revisionBefore);
  assert.match(revisionAfter, /^\d{4}-\d{2}-\d{2}\.\d+$/);
  const listed = await figures(page);
  // The 2025 result, with its source, counts; the table's estimate stays as an older vintage.
  const of2025 = listed.filter((f) => /2025/.test(f.text));
  assert.deepEqual(
    of2025.map((f) => [f.text, f.vintage]),
    [
      ['Thực hiện 2025: 10,02', 'counts'],
      ['Ước thực hiện 2025: 10,59', 'older'],
    ],
  );
  // The estimate keeps the imported table as its source (dated the day of the import).
  assert.match(of2025[1].source, /: “Ước TH 2025: 10,59”$/);
  assert.equal(of2025[0].source, 'Báo cáo tình hình kinh tế - xã hội năm 2025, 15/01/2026: “GRDP tăng 10,02%”');

  // Undo: an edit, then back to the saved name; nothing left to undo or save.
  await page.getByTestId('model-edit-indicator-name').fill('Tên tạm');
  await page.getByTestId('model-edit-rename').click();
  assert.equal(await page.getByTestId('model-edit-indicator-name').inputValue(), 'Tên tạm');
  await page.getByTestId('model-edit-undo').click();
  assert.equal(await page.getByTestId('model-edit-indicator-name').inputValue(), NEW_NAME);
  assert.equal(await page.getByTestId('model-edit-undo').isDisabled(), true);
  assert.equal(await page.getByTestId('model-edit-save').isDisabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing a shipped model makes an own copy; the shipped one is unchanged', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  const picker = page.getByTestId('model-picker');
  const shippedIndex = await picker.inputValue();
  const optionsBefore = await picker.locator('option').count();
  const first = page.locator('[data-testid="indicator-row"]').first();
  const firstId = await first.getAttribute('data-indicator-id');
  const firstText = await first.innerText();

  await openEditor(page);
  await page.getByTestId('model-edit-shipped-note').waitFor();
  await page.getByTestId('model-edit-indicator').selectOption(firstId);
  await page.getByTestId('model-edit-indicator-name').fill('Chỉ tiêu đã sửa');
  await page.getByTestId('model-edit-rename').click();
  await saveAndReload(page);

  const copyId = new URL(page.url()).searchParams.get('mo');
  assert.match(copyId, /-2$/);
  const copied = page.locator(`[data-testid="indicator-row"][data-indicator-id="${firstId}"]`);
  assert.match(await copied.innerText(), /Chỉ tiêu đã sửa/);
  // The copy is one more model in the picker; the shipped one is one click away, as it was.
  assert.equal(await picker.locator('option').count(), optionsBefore + 1);
  await picker.selectOption(shippedIndex);
  const shipped = page.locator(`[data-testid="indicator-row"][data-indicator-id="${firstId}"]`);
  await page.waitForFunction(
    (id) => !/Chỉ tiêu đã sửa/.test(document.querySelector(`[data-testid="indicator-row"][data-indicator-id="${id}"]`)?.textContent ?? 'Chỉ tiêu đã sửa'),
    firstId,
  );
  assert.equal(await shipped.innerText(), firstText);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the workbench says which vintage it started from', async () => {
  // The worked example of the domain primer starts from the 2023 estimate of GRDP.
  const { page, errors, context } = await openApp(app.browser, `${app.url}?ct=grdp_constant&nam=2023`);
  const note = page.getByTestId('needs-panel').getByTestId('start-vintage');
  await note.waitFor();
  assert.match(await note.innerText(), /^theo số liệu 2023 \(ước thực hiện, .+\)$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an indicator is added with a term target "≥ 10 %" and the workbench assesses it after saving', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await importTable(page);

  await openEditor(page);
  // Every new control has a label a screen reader reads.
  for (const id of ['model-edit-new-name', 'model-edit-new-group', 'model-edit-new-unit', 'model-edit-new-direction', 'model-edit-new-target-kind', 'model-edit-comparator', 'model-edit-target-value']) {
    const label = await page.getByTestId(id).evaluate((el) => el.closest('label')?.textContent?.trim() ?? '');
    assert.ok(label.length > 3, `${id} has no label`);
  }
  // A name is needed.
  await page.getByTestId('model-edit-add-indicator').click();
  assert.match(await page.getByTestId('model-edit-error').innerText(), /Hãy nhập tên chỉ tiêu/);

  await page.getByTestId('model-edit-new-name').fill('Thu ngân sách nhà nước trên địa bàn');
  await page.getByTestId('model-edit-new-unit').selectOption('bn_vnd');
  await page.getByTestId('model-edit-new-direction').selectOption('higher');
  await page.getByTestId('model-edit-new-target-kind').selectOption('average_growth');
  await page.getByTestId('model-edit-add-indicator').click();
  assert.equal(await page.getByTestId('model-edit-error').count(), 0);
  const NEW = 'thu_ngan_sach_nha_nuoc_tren_dia_ban';
  assert.equal(await page.getByTestId('model-edit-indicator').inputValue(), NEW);
  assert.equal(await page.getByTestId('model-edit-indicator-name').inputValue(), 'Thu ngân sách nhà nước trên địa bàn');

  // The 2025 result (the base) and a 2026 estimate (a result inside the term), each with its source.
  for (const [year, kind, value] of [['2025', 'actual', '5.000'], ['2026', 'estimate', '5.400']]) {
    await fillFigure(page, { year, kind, value });
    await fillSource(page, 'model-edit-', {
      title: 'Báo cáo tình hình kinh tế - xã hội',
      date: '2026-06-20',
      quote: `thu ngân sách ${value} tỷ đồng`,
    });
    await page.getByTestId('model-edit-add-figure').click();
    assert.equal(await page.getByTestId('model-edit-error').count(), 0);
  }

  // The term target as the resolution writes it.
  await page.getByTestId('model-edit-target-value').fill('≥ 10 %');
  await fillSource(page, 'model-edit-target-', {
    title: 'Nghị quyết Đại hội Đảng bộ tỉnh',
    date: '2025-10-01',
    quote: 'thu ngân sách tăng bình quân từ 10%/năm trở lên',
  });
  await page.getByTestId('model-edit-set-target').click();
  assert.equal(await page.getByTestId('model-edit-error').count(), 0);
  assert.equal(await page.getByTestId('model-edit-comparator').inputValue(), 'ge');
  const listed = await figures(page);
  assert.ok(listed.some((f) => f.text === 'Mục tiêu 2026-2030: từ 10 trở lên'), JSON.stringify(listed));

  await saveAndReload(page);
  const row = page.locator(`[data-testid="indicator-row"][data-indicator-id="${NEW}"]`);
  assert.match(await row.innerText(), /Thu ngân sách nhà nước trên địa bàn/);

  // The workbench of the new indicator: from 5.000 in 2025, at least 10 % a year to 2030
  // is 5.000 × 1,1^5 = 8.052,55; from the 5.400 of 2026 that needs
  // (8.052,55 / 5.400)^(1/4) − 1 ≈ 10,51 % a year.
  await page.goto(`${app.url}?mo=${MODEL_ID}&ct=${NEW}`);
  const panel = page.getByTestId('needs-panel');
  await panel.waitFor();
  const needed = ((5000 * 1.1 ** 5) / 5400) ** 0.25 * 100 - 100;
  const text = await panel.getByTestId('required-rate').innerText();
  const shown = Number(text.match(/-?[\d.,]+/)[0].replace(/\./g, '').replace(',', '.'));
  assert.ok(Math.abs(shown - needed) < 0.01, `required ${text}, expected ${needed}`);
  assert.ok(await panel.getByTestId('status-badge').getAttribute('data-status'));
  assert.deepEqual(errors, []);
  await context.close();
});
