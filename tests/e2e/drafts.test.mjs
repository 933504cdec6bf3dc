// Drafts in real localStorage, end to end: create, reload, find it; two tabs; storage
// that is full, broken, blocked or from a newer app; export and import real files; share
// links. Test names carry the case ids of ../shared/reliability-cases.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openApp } from './support.mjs';

const app = useApp('/quy-hoach/');
const PREFIX = 'provincial-planner/draft/';
const GRDP = '?ct=grdp_constant&nam=2023';
const input = (page, year) =>
  page.locator(`[data-testid="scenario-input"][data-input-id="grdp_constant:${year}"]`);

/** Waits until the open draft is saved. */
async function saved(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
    null,
    { timeout: 10_000 },
  );
}

/** Hides the page, which flushes unsaved edits at once (as switching tabs does). */
function flushByHiding(page) {
  return page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

/** Every stored draft record of the page's origin, by key. */
function storedDrafts(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
    }
    return out;
  }, PREFIX);
}

/** The drafts schema version this app writes (core::draft::record::SCHEMA_VERSION). */
const SCHEMA_VERSION = 2;

/** A stored record as version 1 of the app wrote it (it still opens, migrated), for seeding storage. */
function record(id, name, text2025, { version = 1, revision = 1 } = {}) {
  return JSON.stringify({
    app: 'provincial-planner',
    schema_version: version,
    draft: {
      id,
      name,
      note: '',
      model: { id: 'kon-tum-2021-2025', province: 'Kon Tum', first_year: 2021, last_year: 2025, data_version: 'x' },
      created_ms: 1_700_000_000_000,
      changed_ms: 1_700_000_000_000 + revision,
      revision,
      scenario: [{ indicator: 'grdp_constant', year: 2025, text: text2025, value: Number(text2025.replace(',', '.')) }],
      start_years: [{ indicator: 'grdp_constant', year: 2023 }],
      chain: [],
    },
  });
}

test('A15 a draft is created on the first edit, autosaved, and found again after a reload', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url + GRDP);
  await page.getByTestId('no-drafts').waitFor();
  await input(page, 2024).fill('10');
  await saved(page);
  await page.getByTestId('draft-name').fill('Kịch bản <img src=x onerror=alert(1)>');
  await page.getByTestId('draft-note').fill('Họp Sở KH-ĐT ngày 5/11');
  await saved(page);
  const stored = await storedDrafts(page);
  assert.equal(Object.keys(stored).length, 1);
  const body = JSON.parse(Object.values(stored)[0]);
  assert.equal(body.schema_version, SCHEMA_VERSION);
  assert.equal(body.draft.name, 'Kịch bản <img src=x onerror=alert(1)>');
  assert.deepEqual(body.draft.scenario.map((e) => [e.year, e.text, e.value]), [[2024, '10', 10]]);
  assert.match(page.url(), /nhap=/);

  await page.reload();
  await page.getByTestId('draft-item').first().waitFor();
  assert.equal(await input(page, 2024).inputValue(), '10');
  assert.equal(await page.getByTestId('draft-name').inputValue(), 'Kịch bản <img src=x onerror=alert(1)>');
  assert.equal(await page.getByTestId('draft-note').inputValue(), 'Họp Sở KH-ĐT ngày 5/11');
  // G2: the name is text, not markup.
  assert.equal(await page.locator('.draft-list img').count(), 0);

  // A new visit with a bare link opens the newest draft of the province.
  const second = await context.newPage();
  await second.goto(app.url + '?ct=grdp_constant');
  await second.getByTestId('draft-item').first().waitFor();
  await second.getByTestId('needs-panel').waitFor();
  assert.equal(await input(second, 2024).inputValue(), '10');
  assert.deepEqual(errors, []);
  await context.close();
});

test('A15 closing the tab right after an edit keeps the edit (flushed when the page goes)', async () => {
  const { page, context } = await openApp(app.browser, app.url + GRDP);
  await input(page, 2024).fill('10');
  await saved(page);
  // Within the autosave delay: only the flush on pagehide can save this.
  await input(page, 2024).fill('11');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(app.url + '?ct=grdp_constant');
  await again.getByTestId('draft-item').first().waitFor();
  await again.getByTestId('needs-panel').waitFor();
  assert.equal(await input(again, 2024).inputValue(), '11');
  await context.close();
});

test('A13 a burst of keystrokes is written a few times, not once per key', async () => {
  const { page, context } = await openApp(app.browser, app.url + GRDP);
  await page.evaluate(() => {
    window.__writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('provincial-planner/draft/')) window.__writes++;
      return set.call(this, k, v);
    };
  });
  const box = input(page, 2025);
  for (let i = 0; i < 40; i++) {
    await box.type(String(i % 10), { delay: 20 });
  }
  await saved(page);
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes >= 1 && writes <= 5, `writes ${writes}`);
  await context.close();
});

test('B1 B3 a second tab follows saves; with unsaved edits it stops writing and asks', async () => {
  const { page: a, context } = await openApp(app.browser, app.url + GRDP);
  await input(a, 2024).fill('10');
  await saved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await b.getByTestId('needs-panel').waitFor();
  assert.equal(await input(b, 2024).inputValue(), '10');

  // A saves a change; B, with nothing unsaved, takes it (B3: only B gets the event).
  await input(a, 2024).fill('11');
  await saved(a);
  await b.waitForFunction(
    () => document.querySelector('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]')?.value === '11',
  );

  // B2: B goes to the background with an unsaved edit (hidden tabs do not autosave);
  // meanwhile A saves again.
  await b.evaluate(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }));
  await input(b, 2025).fill('20');
  await input(a, 2024).fill('12');
  await flushByHiding(a);
  await b.locator('[data-testid="storage-warning"][data-kind="conflict"]').waitFor();
  // B1: the stale tab never wrote; storage holds A's version.
  const stored = Object.values(await storedDrafts(b)).map((t) => JSON.parse(t).draft);
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0].scenario.map((e) => [e.year, e.text]), [[2024, '12']]);
  // Keeping B's work makes a copy; A's draft stays as A saved it.
  await b.getByTestId('keep-mine').click();
  await saved(b);
  const after = Object.values(await storedDrafts(b)).map((t) => JSON.parse(t).draft);
  assert.equal(after.length, 2);
  const copy = after.find((d) => d.name.endsWith('(bản sao)'));
  assert.ok(copy, 'copy made');
  assert.deepEqual(copy.scenario.map((e) => [e.year, e.text]), [[2024, '11'], [2025, '20']]);
  await context.close();
});

test('A16 B3 another page clears storage: the open tab says so and writes its draft back', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url + GRDP);
  await input(page, 2024).fill('10');
  await saved(page);
  // Another page of the same origin calls localStorage.clear(); the open tab gets a
  // storage event with a null key.
  const other = await context.newPage();
  await other.goto(app.url + 'portal.json');
  await other.evaluate(() => localStorage.clear());
  await page.locator('[data-testid="storage-warning"][data-kind="written-back"]').waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'written-back',
  );
  assert.notEqual(await page.getByTestId('save-status').getAttribute('data-status'), 'saved');
  // The draft is in storage again, with its work, and listed.
  const stored = Object.values(await storedDrafts(page)).map((t) => JSON.parse(t).draft);
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0].scenario.map((e) => [e.year, e.text]), [[2024, '10']]);
  await page.getByTestId('draft-item').first().waitFor();
  // Closing the tab with no further edit loses nothing.
  await page.close();
  const again = await context.newPage();
  await again.goto(app.url + '?ct=grdp_constant');
  await again.getByTestId('draft-item').first().waitFor();
  await again.getByTestId('needs-panel').waitFor();
  assert.equal(await input(again, 2024).inputValue(), '10');
  assert.deepEqual(errors, []);
  await context.close();
});

test('A5 A8 a truncated record is set aside, never overwritten; the other drafts load', async () => {
  const context = await app.browser.newContext();
  const bad = '{"app":"provincial-planner","schema_version":1,"draft":{"id":"bad","na';
  await context.addInitScript(
    ([good, bad]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('provincial-planner/draft/good', good);
        localStorage.setItem('provincial-planner/draft/bad', bad);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [record('good', 'Bản tốt', '15'), bad],
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url + GRDP);
  await page.locator('[data-testid="storage-warning"][data-kind="set-aside"]').waitFor();
  assert.equal(await page.getByTestId('set-aside-record').getAttribute('data-key'), `${PREFIX}bad`);
  await page.locator('[data-testid="draft-item"][data-draft-id="good"]').waitFor();
  assert.equal(await input(page, 2025).inputValue(), '15');
  await input(page, 2025).fill('16');
  await saved(page);
  await page.getByTestId('draft-new').click();
  await input(page, 2025).fill('9');
  await saved(page);
  const stored = await storedDrafts(page);
  assert.equal(stored[`${PREFIX}bad`], bad, 'the unreadable record is untouched');
  assert.equal(JSON.parse(stored[`${PREFIX}good`]).draft.scenario[0].text, '16');
  assert.deepEqual(errors, []);
  await context.close();
});

test('A3 A4 localStorage that throws or is null: the app runs in memory and says so', async () => {
  for (const script of [
    () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
    () => Object.defineProperty(window, 'localStorage', { get: () => null }),
  ]) {
    const context = await app.browser.newContext();
    await context.addInitScript(script);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url + GRDP);
    await page.locator('[data-testid="storage-warning"][data-kind="memory-only"]').waitFor();
    await input(page, 2024).fill('10');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'memory-only',
    );
    await page.locator('[data-testid="draft-item"]').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('A1 full storage: a clear message, the work kept, the previous save untouched', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url + GRDP);
  await input(page, 2024).fill('10');
  await saved(page);
  const before = await storedDrafts(page);
  // Fill the origin's storage with padding keys until the browser refuses.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    for (;;) {
      try {
        localStorage.setItem(`padding-${i++}`, chunk);
      } catch {
        break;
      }
    }
    let small = 'x'.repeat(1024);
    for (;;) {
      try {
        localStorage.setItem(`padding-${i++}`, small);
      } catch {
        break;
      }
    }
  });
  const note = 'Ghi chú dài '.repeat(200);
  await page.getByTestId('draft-note').fill(note);
  await page.locator('[data-testid="storage-warning"][data-kind="quota"]').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('save-status').getAttribute('data-status'), 'quota');
  assert.deepEqual(await storedDrafts(page), before, 'the previous saved version is unchanged');
  assert.equal(await page.getByTestId('draft-note').inputValue(), note, 'the work is kept');
  assert.ok(await page.getByTestId('export-now').isVisible());
  // Freeing space and retrying saves the work.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('padding-')) localStorage.removeItem(k);
  });
  await page.getByTestId('retry-save').click();
  await saved(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('C2 B5 a draft from a newer app version opens read-only and is never written', async () => {
  const context = await app.browser.newContext();
  const newer = record('newer', 'Bản của phiên bản sau', '14', { version: SCHEMA_VERSION + 1 });
  await context.addInitScript((text) => {
    if (!localStorage.getItem('provincial-planner/draft/newer')) {
      localStorage.setItem('provincial-planner/draft/newer', text);
    }
  }, newer);
  const page = await context.newPage();
  await page.goto(app.url + GRDP + '&nhap=newer');
  await page.locator('[data-testid="storage-warning"][data-kind="read-only"]').waitFor();
  assert.equal(await input(page, 2025).inputValue(), '14');
  await input(page, 2025).fill('15');
  await flushByHiding(page);
  assert.equal((await storedDrafts(page))[`${PREFIX}newer`], newer);
  await page.getByTestId('save-as-copy').click();
  await saved(page);
  const stored = await storedDrafts(page);
  assert.equal(stored[`${PREFIX}newer`], newer, 'the newer record is untouched');
  assert.equal(Object.keys(stored).length, 2);
  await context.close();
});

test('D1 D8 D3 D5 export a draft to a file, import it back; bad files get clear messages', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url + GRDP);
  await input(page, 2024).fill('10,5');
  await page.getByTestId('draft-name').fill('Kịch bản: tăng trưởng/cao?');
  await saved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-draft').click(),
  ]);
  const fileName = download.suggestedFilename();
  assert.match(fileName, /^Kịch bản.*tăng trưởng.*cao.*\d{4}-\d\d-\d\d\.json$/);
  assert.doesNotMatch(fileName, /[:/?]/);
  const dir = await mkdtemp(join(tmpdir(), 'drafts-'));
  const file = join(dir, 'export.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.kind, 'drafts');
  assert.equal(exported.drafts[0].name, 'Kịch bản: tăng trưởng/cao?');
  assert.ok(await page.getByTestId('last-export').innerText());

  // Same file again: nothing duplicated (D8).
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-report').waitFor();
  assert.match(await page.getByTestId('import-report').innerText(), /Đã có sẵn/);
  assert.equal(Object.keys(await storedDrafts(page)).length, 1);

  // Deleted, then restored from the file (D1), after the confirmation.
  await page.getByTestId('draft-delete').click();
  await page.getByTestId('draft-undo').waitFor();
  assert.equal(Object.keys(await storedDrafts(page)).length, 0);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('import-file').setInputFiles(file);
  await page.locator('[data-testid="draft-item"]').first().waitFor();
  await page.locator('[data-testid="draft-item"] button').first().click();
  assert.equal(await input(page, 2024).inputValue(), '10,5');
  const restored = Object.values(await storedDrafts(page)).map((t) => JSON.parse(t).draft);
  assert.equal(restored[0].name, 'Kịch bản: tăng trưởng/cao?');
  assert.equal(restored[0].scenario[0].value, 10.5);

  // Bad files: an xlsx renamed to .json, an empty file, a file over 5 MB (refused
  // before reading), UTF-16 text.
  const cases = [
    ['bang.json', Buffer.from('PK\u0003\u0004rest-of-zip'), /tệp nén/],
    ['rong.json', Buffer.alloc(0), /rỗng/],
    ['lon.json', Buffer.alloc(5 * 1024 * 1024 + 1, 32), /quá lớn/],
    ['utf16.json', Buffer.from('\ufeff{}', 'utf16le'), /UTF-16/],
  ];
  for (const [name, bytes, message] of cases) {
    const path = join(dir, name);
    await writeFile(path, bytes);
    await page.getByTestId('import-file').setInputFiles(path);
    await page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('[data-testid="file-error"]')?.textContent ?? ''),
      message.source,
    );
  }
  assert.equal(Object.keys(await storedDrafts(page)).length, 1, 'bad files change nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('E1 a share link opens as a new unsaved draft and leaves existing drafts untouched', async () => {
  const { page, context } = await openApp(app.browser, app.url + GRDP);
  await input(page, 2024).fill('9,5');
  await page.getByTestId('draft-name').fill('Gửi anh Minh');
  await saved(page);
  await page.getByTestId('share-draft').click();
  const link = await page.getByTestId('share-link-url').inputValue();
  assert.match(link, new RegExp(`#nhap=${SCHEMA_VERSION}\\.[0-9a-f]{8}\\.`));
  assert.ok(link.length < 2100, `link ${link.length} chars`);

  // A colleague's browser, which has a draft of its own.
  const other = await app.browser.newContext();
  await other.addInitScript((text) => {
    if (!localStorage.getItem('provincial-planner/draft/mine')) {
      localStorage.setItem('provincial-planner/draft/mine', text);
    }
  }, record('mine', 'Của tôi', '12'));
  const colleague = await other.newPage();
  await colleague.goto(link);
  await colleague.locator('[data-testid="share-link-notice"][data-kind="opened"]').waitFor();
  await colleague.getByTestId('needs-panel').waitFor();
  assert.equal(await input(colleague, 2024).inputValue(), '9,5');
  assert.equal(await colleague.getByTestId('draft-name').inputValue(), 'Gửi anh Minh');
  let stored = await storedDrafts(colleague);
  assert.deepEqual(Object.keys(stored), [`${PREFIX}mine`], 'nothing saved before an edit');
  await colleague.getByTestId('draft-save').click();
  await saved(colleague);
  stored = await storedDrafts(colleague);
  assert.equal(Object.keys(stored).length, 2);
  assert.equal(JSON.parse(stored[`${PREFIX}mine`]).draft.name, 'Của tôi');

  // A damaged link says so and changes nothing.
  const broken = await other.newPage();
  await broken.goto(link.slice(0, -6));
  await broken.locator('[data-testid="share-link-notice"][data-kind="unreadable"]').waitFor();
  assert.equal(Object.keys(await storedDrafts(broken)).length, 2);
  await other.close();
  await context.close();
});

test('A16 A17 cleared storage offers a restore; no persist API means "not protected"', async () => {
  const context = await app.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'storage', { get: () => undefined });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url + GRDP);
  await page.getByTestId('no-drafts').waitFor();
  assert.match(await page.getByTestId('no-drafts').innerText(), /Nhập tệp/);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="storage-health"]')?.dataset.protection === 'not-protected',
  );
  assert.deepEqual(await storedDrafts(page), {}, 'no write before an edit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare two drafts with the base: values by year, differences highlighted', async () => {
  // Both drafts start from the latest result and differ only in 2025's growth.
  const { page, context, errors } = await openApp(app.browser, app.url + '?ct=grdp_constant');
  await input(page, 2025).fill('6');
  await page.getByTestId('draft-name').fill('Thấp');
  await saved(page);
  await page.getByTestId('draft-new').click();
  await page.getByTestId('draft-name').fill('Cao');
  await input(page, 2025).fill('12');
  await saved(page);
  await page.locator('[data-testid="draft-compare"] summary').click();
  const picks = page.getByTestId('compare-pick');
  assert.equal(await picks.count(), 2);
  await picks.nth(0).check();
  await page.getByTestId('compare-hint').waitFor();
  await picks.nth(1).check();
  await page.getByTestId('compare-table').waitFor();
  const cell = (name, year) =>
    page.locator(`[data-testid="compare-cell"][data-output="indicator:grdp_constant"][data-year="${year}"]`)
      .and(page.locator(`[data-draft-id="${name}"]`));
  const ids = await picks.evaluateAll((els) => els.map((e) => e.dataset.draftId));
  const names = await picks.evaluateAll((els) => els.map((e) => e.parentElement.textContent.trim()));
  const low = ids[names.indexOf('Thấp')];
  const high = ids[names.indexOf('Cao')];
  const num = (text) => Number(text.split(' ')[0].replace(/\./g, '').replace(',', '.'));
  const lowText = await cell(low, 2025).innerText();
  const highText = await cell(high, 2025).innerText();
  assert.ok(Math.abs(num(highText) / num(lowText) - 1.12 / 1.06) < 1e-3, `${lowText} / ${highText}`);
  // Each draft cell shows its difference from the base, and is marked up or down.
  assert.match(highText, /\([+-][\d.,]+; [+-][\d.,]+%\)/);
  const classes = await cell(high, 2025).getAttribute('class');
  assert.match(classes, /diff-(up|down)/);
  assert.deepEqual(errors, []);
  await context.close();
});
