// Own models kept like drafts (issue 12 §3; reliability cases B1, B3, B6, A1, A20):
// two tabs of one browser share the model store (IndexedDB); the tab that did not save
// is told through the broadcast channel and never overwrites what the other saved; a
// full store refuses the write, keeps nothing half-written and offers the file for
// download; a browser without IndexedDB runs on the shipped models and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp } from './support.mjs';

const app = useApp('/');
const FIXTURE = new URL('../fixtures/model-file-v1.json', import.meta.url);
const MODEL_ID = 'quang-ngai-2026-2030-fixture';

async function importFile(page, text) {
  await page.getByTestId('model-import-open').click();
  await page.getByTestId('model-import').waitFor();
  await page.getByTestId('model-import-file').setInputFiles({ name: 'chi-tieu.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('provincial-planner', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('models').objectStore('models');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            resolve(keys.result.map((k, i) => ({ key: k, revision: values.result[i]?.revision ?? 0 })));
            open.result.close();
          };
        };
      }),
  );
}

test('b1_b3_b6 the other tab is told of a save and never overwrites it', async () => {
  const file = await readFile(FIXTURE, 'utf8');
  const a = await openApp(app.browser, app.url);
  // B is a second tab of the same browser (same context: same IndexedDB), loaded
  // before A saves, so it does not know the model.
  const b = { page: await a.context.newPage(), errors: [] };
  b.page.on('pageerror', (err) => b.errors.push(err.message));
  await b.page.goto(app.url);
  await b.page.locator('[data-testid="indicator-row"]').first().waitFor();

  await importFile(a.page, file);
  await a.page.waitForURL(new RegExp(`mo=${MODEL_ID}`));
  await a.page.locator('[data-testid="indicator-row"]').first().waitFor();
  // B learns of it without reloading.
  const notice = b.page.getByTestId('models-changed-elsewhere');
  await notice.waitFor();
  assert.match(await notice.innerText(), /thẻ khác/);

  // B, stale, saves the same model under the same id: refused, nothing overwritten,
  // the file offered for download.
  await importFile(b.page, file);
  const status = b.page.getByTestId('model-save-status');
  await b.page.waitForFunction(() => document.querySelector('[data-testid="model-save-status"]')?.dataset.kind === 'failed');
  assert.match(await status.innerText(), /Một thẻ khác vừa lưu bản mới hơn/);
  await b.page.getByTestId('model-download-unsaved').waitFor();
  // Nothing was opened: the link still names the model the page started on (links
  // always name their model since issue #13).
  assert.equal(new URL(b.page.url()).searchParams.get('mo'), 'kon-tum-2021-2025', b.page.url());
  assert.deepEqual(await storedRecords(a.page), [{ key: MODEL_ID, revision: 1 }]);

  // After a reload B has the model.
  await Promise.all([b.page.waitForEvent('load'), b.page.getByTestId('models-reload').click()]);
  await b.page.goto(`${app.url}?mo=${MODEL_ID}`);
  await b.page.locator('[data-testid="indicator-row"]').first().waitFor();
  assert.equal(await b.page.getByTestId('models-changed-elsewhere').count(), 0);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
});

test('a1 a full store refuses the model, keeps nothing and offers the file', async () => {
  const file = await readFile(FIXTURE, 'utf8');
  const { page, context, errors } = await openApp(app.browser, app.url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, quotaSize: 1 });
  await importFile(page, file);
  await page.waitForFunction(() => document.querySelector('[data-testid="model-save-status"]')?.dataset.kind === 'failed');
  assert.match(await page.getByTestId('model-save-status').innerText(), /Bộ nhớ trình duyệt đã đầy.*Hãy tải tệp về ngay/);
  await page.getByTestId('model-download-unsaved').waitFor();
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin });
  assert.deepEqual(await storedRecords(page), []);
  // Nothing was opened: the link still names the model the page started on (links
  // always name their model since issue #13).
  assert.equal(new URL(page.url()).searchParams.get('mo'), 'kon-tum-2021-2025', page.url());
  assert.deepEqual(errors.filter((e) => !/Quota/i.test(e)), []);
  await context.close();
});

test('a20 without IndexedDB the shipped models work and the page says own models are not kept', async () => {
  const context = await app.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(app.url);
  await page.locator('[data-testid="indicator-row"]').first().waitFor();
  await page.getByTestId('model-store-unavailable').waitFor();
  assert.match(await page.getByTestId('model-store-unavailable').innerText(), /không cho lưu bộ chỉ tiêu/);
  assert.deepEqual(errors, []);
  await context.close();
});
