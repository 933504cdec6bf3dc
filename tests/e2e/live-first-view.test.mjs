// The live first view (issue #15): on a first visit the pre-rendered dashboard answers
// its filters and its search box from the small first-load module (src/first_view/)
// before the app's module has arrived; what the person chose carries on into the app; a
// click that needs the app (open a target) says it is waiting, and the app opens it; a
// failed load is said while the table keeps working; a first view that cannot be loaded,
// or whose files differ from their build, is not run and the app is loaded without it;
// a visit with something to restore (a saved draft) does not go live and loses nothing
// while the app loads.
//
// The app's module is held back by a gate on provincial-planner_bg.wasm, so each test
// sees the first view before the app, whatever the machine's speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './support.mjs';
import { axeViolations } from './axe-support.mjs';

const app = useApp('/quy-hoach/');

/** The build date of the pre-render (the live view only goes live in its year). */
async function buildDate() {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.url);
  const today = await page.getByTestId('prerendered').getAttribute('data-today');
  await context.close();
  return today;
}

/**
 * A page on the build date (or on the instant `today`) whose app module waits until
 * `release()` is called (or is refused with `{ fail: true }`). Resolves once the first
 * view is live, unless `{ live: false }`.
 */
async function heldPage({ fail = false, live = true, before, viewport, today } = {}) {
  const day = today ?? `${await buildDate()}T09:00:00+07:00`;
  const context = await app.browser.newContext({ today: day, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/provincial-planner_bg.wasm', async (route) => {
    if (fail) return route.abort();
    await gate;
    return route.continue();
  });
  if (before) await before(page);
  await page.goto(app.url);
  if (live) await page.locator('#prerendered[data-live="true"]').waitFor({ timeout: 30_000 });
  return { context, page, errors, release };
}

/** The ids of the pre-rendered rows on screen. */
const shownRows = (page) =>
  page
    .locator('[data-testid="prerendered-row"]:not([hidden])')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator-id')));

test('before the app has loaded, the filters and the search answer, and the app carries them on', async () => {
  const { context, page, errors, release } = await heldPage();
  // The app's module has not started: no app rows, the first view says the table works.
  assert.equal(await page.locator('[data-testid="indicator-row"]').count(), 0);
  const note = await page.getByTestId('prerendered-note').innerText();
  assert.match(note, /Bảng đã dùng được: lọc và tìm kiếm ngay/);
  assert.match(note, /The table works now: filter and search it/);
  assert.doesNotMatch(note, /chưa phải của bạn/);
  // The search input stands where the pre-rendered page has its box of text.
  const search = page.locator('#prerendered input#prerendered-search[type="search"]');
  assert.equal(await search.count(), 1);
  assert.equal(await search.getAttribute('placeholder'), 'Ví dụ: GRDP, sâm Ngọc Linh, hộ nghèo');
  assert.equal(await page.locator('#prerendered .search .control-still').count(), 0);
  const main = await shownRows(page);
  assert.ok(main.length >= 10, `${main.length} rows`);
  assert.match(await page.getByTestId('prerendered-count').innerText(), new RegExp(`^${main.length} chỉ tiêu`));

  // Every standing filter shows the rows its button counts; an empty one says so.
  const buttons = page.locator('#prerendered .overview-filters button[data-filter]');
  for (let i = 0; i < (await buttons.count()); i += 1) {
    const button = buttons.nth(i);
    const code = await button.getAttribute('data-filter');
    const counted = Number(await button.locator('.overview-count').innerText());
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true', code);
    const rows = await shownRows(page);
    assert.equal(rows.length, counted, `${code}: ${rows.length} rows, the button says ${counted}`);
    assert.equal(await page.locator('#prerendered p.empty').isVisible(), counted === 0, code);
  }

  // The search finds by the words officials use ("thu NS": budget revenue), accents optional.
  await page.locator('#prerendered button[data-filter="main"]').click();
  await page.getByLabel('Tìm chỉ tiêu').fill('thu NS');
  const found = await shownRows(page);
  assert.ok(found.length >= 1 && found.length < main.length, found.join(', '));
  assert.ok(found.every((id) => /budget|revenue|thu/.test(id)), found.join(', '));
  assert.equal(await page.locator('#prerendered p.show-others').isVisible(), false);

  // The app arrives: the same filter, the same search text, the same rows.
  release();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#prerendered').count(), 0);
  assert.equal(await page.getByTestId('search').inputValue(), 'thu NS');
  const appRows = await page
    .locator('[data-testid="indicator-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator-id')));
  assert.deepEqual(appRows, found);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a target opened before the app has loaded says it is waiting, then opens', async () => {
  const { context, page, errors, release } = await heldPage();
  const first = page.locator('[data-testid="prerendered-row"]:not([hidden])').first();
  const id = await first.getAttribute('data-indicator-id');
  const name = (await first.locator('button.indicator-open').innerText()).trim();
  await first.locator('button.indicator-open').click();
  const status = page.getByTestId('first-view-status');
  assert.match(await status.innerText(), /Đang tải phần còn lại của ứng dụng; sẽ mở ngay khi tải xong/);
  assert.ok((await status.innerText()).includes(name), await status.innerText());
  assert.equal(await first.getAttribute('aria-busy'), 'true');
  // The click is in the page's link, where the app starts from.
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('ct'), id);
  release();
  const detail = page.getByTestId('indicator-detail');
  await detail.waitFor({ timeout: 60_000 });
  assert.ok((await detail.innerText()).includes(name), name);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the app cannot be loaded the table still works and the page says so', async () => {
  const { context, page } = await heldPage({ fail: true });
  const status = page.getByTestId('first-view-status');
  await status.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await status.innerText(), /Không tải được phần còn lại của ứng dụng/);
  assert.equal(await page.getByTestId('prerendered').getAttribute('data-app'), 'failed');
  await page.locator('#prerendered button[data-filter="on-track"]').click();
  await page.locator('#prerendered button[data-filter="main"]').click();
  assert.ok((await shownRows(page)).length >= 10);
  await context.close();
});

/** Routes the first view's wasm (`_bg.wasm`) or its script (`.js`) to `handle`. */
const routeFirstView = (page, part, handle) =>
  page.route(part === 'wasm' ? /\/first_view-[0-9a-f]+_bg\.wasm$/ : /\/first_view-[0-9a-f]+\.js$/, handle);

/** The start-up script's warning that it loads the app without the first view. */
const warnsWithoutFirstView = (page) =>
  page.waitForEvent('console', {
    predicate: (m) => m.type() === 'warning' && /The first view could not be started; the app is loaded without it/.test(m.text()),
    timeout: 30_000,
  });

test('when the first view\'s module cannot be loaded, the app is loaded without it', async () => {
  let warned;
  const { context, page, errors, release } = await heldPage({
    live: false,
    before: async (p) => {
      warned = warnsWithoutFirstView(p);
      await routeFirstView(p, 'wasm', (route) => route.abort());
    },
  });
  await warned;
  assert.equal(await page.getByTestId('prerendered').getAttribute('data-live'), null, 'the first view did not run');
  assert.match(await page.getByTestId('prerendered-note').innerText(), /chưa phải của bạn/);
  release();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('start-failed').isVisible(), false);
  // The app's scripts, each added once, are the ones the first view adds.
  const added = await page.locator('head script[src]:not([type="module"])').evaluateAll((s) => s.map((e) => e.getAttribute('src')));
  const firstViewList = (await readFile(new URL('../../src/first_view/mod.rs', import.meta.url), 'utf8'))
    .match(/const APP_SCRIPTS: \[&str; \d+\] = \[([^\]]*)\]/)[1]
    .match(/"[^"]*"/g)
    .map((q) => JSON.parse(q));
  assert.deepEqual(added, firstViewList);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first view file that differs from its build is not run, and the app is loaded without it', async () => {
  for (const part of ['js', 'wasm']) {
    let warned;
    const { context, page, errors, release } = await heldPage({
      live: false,
      before: async (p) => {
        warned = warnsWithoutFirstView(p);
        await routeFirstView(p, part, async (route) => {
          const response = await route.fetch();
          const body = await response.body();
          // Still a module and still a valid wasm module (a custom section named
          // "test" added at its end): only the integrity check can refuse it.
          const changed = part === 'js'
            ? Buffer.concat([body, Buffer.from('\nwindow.__changedFirstViewRan = true;\n')])
            : Buffer.concat([body, Buffer.from([0x00, 0x05, 0x04, 0x74, 0x65, 0x73, 0x74])]);
          await route.fulfill({ response, body: changed });
        });
      },
    });
    await warned;
    assert.equal(await page.evaluate(() => window.__changedFirstViewRan ?? false), false, `${part}: the changed file did not run`);
    assert.equal(await page.getByTestId('prerendered').getAttribute('data-live'), null, `${part}: the first view did not go live`);
    release();
    await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 60_000 });
    assert.deepEqual(errors, [], part);
    await context.close();
  }
});

test('when neither the first view nor the app can be loaded, the page says so', async () => {
  // With the pre-rendered view: in its status box, the table still there.
  {
    const { context, page } = await heldPage({
      fail: true,
      live: false,
      before: (p) => routeFirstView(p, 'wasm', (route) => route.abort()),
    });
    const line = page.locator('#prerendered .prerendered-status [data-testid="start-failed"]');
    await line.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await line.innerText();
    assert.match(text, /Không tải được ứng dụng \(mạng hoặc máy chủ\)\. Tải lại trang để thử lại\./);
    assert.match(text, /The app could not be loaded \(network or server\)\. Reload the page to try again\./);
    assert.equal(await page.getByTestId('prerendered').getAttribute('aria-busy'), 'false');
    assert.ok((await shownRows(page)).length >= 10);
    await context.close();
  }
  // A page without the pre-rendered view: the line instead of the loading sign.
  {
    const { context, page } = await heldPage({
      fail: true,
      live: false,
      before: async (p) => {
        await routeFirstView(p, 'js', (route) => route.abort());
        await p.route(/\/quy-hoach\/(index\.html)?$/, async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(/<!--prerendered-->[\s\S]*<!--\/prerendered-->/, '');
          await route.fulfill({ response, body: html });
        });
      },
    });
    assert.equal(await page.getByTestId('prerendered').count(), 0);
    await page.getByTestId('start-failed').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('.page-loading').isVisible(), false);
    await context.close();
  }
  // A visit the first view does not make live (a saved draft): the first view adds the
  // app, and the start-up script says that it failed.
  {
    const { context, page } = await heldPage({
      fail: true,
      live: false,
      before: (p) => p.addInitScript(() => localStorage.setItem('provincial-planner/draft/kept', 'bản nháp giữ nguyên')),
    });
    await page.locator('#prerendered .prerendered-status [data-testid="start-failed"]').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.getByTestId('prerendered').getAttribute('data-live'), null);
    assert.equal(await page.evaluate(() => localStorage.getItem('provincial-planner/draft/kept')), 'bản nháp giữ nguyên');
    await context.close();
  }
  // The app's script replaced by something else that still loads (a proxy's page): the
  // live first view says that the rest of the app could not be loaded.
  {
    const { context, page } = await heldPage({
      before: (p) => p.route('**/provincial-planner.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '/* not the app */' })),
    });
    const status = page.getByTestId('first-view-status');
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await status.innerText(), /Không tải được phần còn lại của ứng dụng/);
    assert.equal(await page.getByTestId('start-failed').isVisible(), false, 'said once, by the live view');
    await context.close();
  }
});

test('a visit with a saved draft is not made live, and the draft is untouched while the app loads', async () => {
  const KEY = 'provincial-planner/draft/kept';
  const { context, page, release } = await heldPage({
    live: false,
    before: (p) =>
      p.addInitScript((key) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, 'bản nháp giữ nguyên');
      }, KEY),
  });
  await page.getByTestId('prerendered').waitFor();
  // Nothing live: the note still says these are the default numbers, not the person's.
  assert.match(await page.getByTestId('prerendered-note').innerText(), /chưa phải của bạn/);
  assert.equal(await page.getByTestId('prerendered').getAttribute('data-live'), null);
  assert.equal(await page.locator('#prerendered button:not([disabled])').count(), 0);
  release();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), 'bản nháp giữ nguyên');
  await context.close();
});

test('on a day after the build date, the pre-rendered date box does not call the build date today', async () => {
  // The page is built on one day and opened on others: the pre-rendered box says
  // "<build date> (hôm nay)"; the first-load module names the build date alone on any
  // other day (the app then shows the day it is).
  const built = await buildDate();
  const [y, m, d] = built.split('-');
  const still = await app.browser.newContext({ javaScriptEnabled: false });
  const stillPage = await still.newPage();
  await stillPage.goto(app.url);
  assert.equal(await stillPage.locator('#prerendered .as-of-words').innerText(), `${d}/${m}/${y} (hôm nay)`);
  await still.close();

  const later = new Date(Date.parse(`${built}T09:00:00+07:00`) + 40 * 86_400_000).toISOString();
  const { context, page, errors, release } = await heldPage({ live: false, today: later });
  const words = page.locator('#prerendered .as-of-words');
  await page.waitForFunction(() => !document.querySelector('#prerendered .as-of-words')?.textContent.includes('hôm nay'), null, { timeout: 30_000 });
  assert.equal(await words.innerText(), `${d}/${m}/${y}`);
  // The note still says whose numbers these are and of which day.
  assert.match(await page.getByTestId('prerendered-note').innerText(), new RegExp(`ngày ${d}/${m}/${y} \\(ngày dựng trang\\)`));
  release();
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('as-of-words').innerText(), /\(hôm nay\)$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the rows the filter hides are hidden, and a waiting click is said in view', async () => {
  const { context, page, release } = await heldPage({ viewport: { width: 360, height: 800 } });
  // The phone layout gives rows their own display; what the first view hides must not show.
  const onScreen = () =>
    page.locator('[data-testid="prerendered-row"]').evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().height > 0).length);
  const main = await onScreen();
  await page.getByLabel('Tìm chỉ tiêu').fill('thu NS');
  const found = (await shownRows(page)).length;
  assert.ok(found >= 1 && found < main, `${found} of ${main}`);
  assert.equal(await onScreen(), found);
  await page.locator('#prerendered button[data-filter="on-track"]').click();
  assert.equal(await onScreen(), Number(await page.locator('#prerendered button[data-filter="on-track"] .overview-count').innerText()));
  // A target opened far down the page: the status line is on screen, not above it.
  await page.locator('#prerendered button[data-filter="main"]').click();
  await page.getByLabel('Tìm chỉ tiêu').fill('');
  const last = page.locator('[data-testid="prerendered-row"]:not([hidden]) button.indicator-open').last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  const status = page.getByTestId('first-view-status');
  const box = await status.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 800, JSON.stringify(box));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true);
  release();
  await page.getByTestId('indicator-detail').waitFor({ timeout: 60_000 });
  await context.close();
});

test('axe-core: no violation in the live first view', async () => {
  const { context, page, release } = await heldPage();
  assert.deepEqual(await axeViolations(page), [], 'live first view');
  await page.locator('#prerendered button[data-filter="on-track"]').click();
  assert.deepEqual(await axeViolations(page), [], 'live first view, empty filter');
  release();
  await context.close();
});
