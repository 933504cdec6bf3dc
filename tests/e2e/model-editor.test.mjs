// An official keeps a model up to date in the app: imports the small 2026-2030 table
// (the one of model-import.test.mjs), renames an indicator, adds the 2025 result with
// its source, saves, reloads and finds the new figure with its source and the old
// estimate still listed as an older vintage; undoes an edit; and edits a shipped model,
// which makes an own copy while the shipped one stays unchanged in the model picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';
import { TSV, MODEL_ID } from './model-support.mjs';

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

/** Clicks save and waits for the page the save opens. */
async function saveAndReload(page) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('model-edit-save').click()]);
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
}

test('an imported model is edited, saved with the new figure and its source, and undone', async () => {
  const { page, errors, context } = await openApp(app.browser, app.url);
  await page.getByTestId('model-import-open').click();
  await page.getByTestId('model-import-paste').fill(TSV);
  await page.getByTestId('model-import-preview').waitFor();
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();

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
  await page.getByTestId('model-edit-figure-year').fill('2025');
  await page.getByTestId('model-edit-figure-kind').selectOption('actual');
  await page.getByTestId('model-edit-figure-value').fill('10,02');
  await page.getByTestId('model-edit-add-figure').click();
  assert.match(await page.getByTestId('model-edit-error').innerText(), /Mỗi số liệu cần nguồn/);
  assert.equal((await figures(page)).length, 3);

  await page.getByTestId('model-edit-source-title').fill('Báo cáo tình hình kinh tế - xã hội năm 2025');
  await page.getByTestId('model-edit-source-date').fill('2026-01-15');
  await page.getByTestId('model-edit-source-quote').fill('GRDP tăng 10,02%');
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
