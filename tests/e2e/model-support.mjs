// Shared by the own-model end-to-end tests: the 2026-2030 targets table of the merged
// Quảng Ngãi province as an official types it (figures from
// shared/reference/public-figures-2026-2030.md), the id its import gets, and helpers to
// open the import panel, list the dashboard's rows and read the model store.

export const TABLE = [
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Ước TH 2025', 'KH 2026', 'Mục tiêu 2030'],
  ['I', 'CHỈ TIÊU KINH TẾ', '', '', '', ''],
  ['1', 'Tốc độ tăng trưởng GRDP bình quân', '%/năm', '10,59', '10', 'trên 10'],
  ['2', 'GRDP bình quân đầu người', 'USD/người', '', '', 'khoảng 6.900 - 7.000'],
  ['3', 'Tổng vốn đầu tư thực hiện cả giai đoạn', 'tỷ đồng', 'hơn 82.000', '', 'ít nhất 560.000'],
  ['4', 'Tỷ lệ đô thị hóa', '%', '', '', 'trên 38'],
  ['II', 'CHỈ TIÊU XÃ HỘI', '', '', '', ''],
  ['5', 'Tỷ lệ lao động nông nghiệp', '%', '', '', 'dưới 38,7'],
  ['6', 'Tỷ lệ nghèo đa chiều', '%', '', '1,47', 'cơ bản không còn hộ nghèo'],
];

/** The table as Excel puts it on the clipboard: tab-separated, CRLF. */
export const TSV = TABLE.map((r) => r.join('\t')).join('\r\n') + '\r\n';

/** The id the imported model gets (province and term). */
export const MODEL_ID = 'quang-ngai-2026-2030';

/** Opens the import panel. */
export async function openImport(page) {
  await page.getByTestId('model-import-open').click();
  await page.getByTestId('model-import').waitFor();
}

/**
 * Imports the table of `TSV` as Quảng Ngãi's 2026-2030 model: pastes it, confirms, and
 * waits for the model's page (`?mo=MODEL_ID`) to show its rows.
 */
export async function importTable(page) {
  await openImport(page);
  await page.getByTestId('model-import-paste').fill(TSV);
  await page.getByTestId('model-import-preview').waitFor();
  await page.getByTestId('model-import-province').fill('Quảng Ngãi');
  await page.getByTestId('model-import-confirm').click();
  await page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
}

/** The indicator ids of the dashboard's rows, in order. */
export async function rowIds(page) {
  return page.locator('[data-testid="indicator-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.indicatorId));
}

/** How many records the model store (IndexedDB) holds. */
export function storedModelCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('provincial-planner', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('models').objectStore('models').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
  );
}
