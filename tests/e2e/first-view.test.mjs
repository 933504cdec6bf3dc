// The first view (issue #15): the dashboard rows are in index.html before any wasm runs
// (pre-rendered at build time from the same present:: view models: the model the app
// opens on the build date, its first screen of main targets), marked as the default
// model's of that date in both languages; at that date the app shows the same rows, and
// replaces them in place once it runs; the shipped data come as files beside index.html,
// and a data file that cannot be fetched gets a clear message instead of a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, row } from './support.mjs';

const app = useApp('/quy-hoach/');

/** The pre-rendered page with no script: its rows, note, model and build date. */
async function stillPage(viewport = { width: 1280, height: 900 }) {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  await page.goto(app.url);
  const shown = page.getByTestId('prerendered');
  return { context, page, model: await shown.getAttribute('data-model-id'), today: await shown.getAttribute('data-today') };
}

/** The names of the rows, in order, and the latest result of each. */
const rowsOf = (page, testid) =>
  page.locator(`[data-testid="${testid}"]`).evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-indicator-id'),
      name: r.querySelector('th').innerText.trim(),
      latest: r.querySelector('[data-testid="latest"]').innerText.trim(),
    })),
  );

/** The app at the pre-render's build date (09:00 in Vietnam), the model it opens on. */
const atBuildDate = (today, options = {}) => openApp(app.browser, app.url, { ...options, today: `${today}T09:00:00+07:00` });

test('the rows are on the page with no script at all, marked as the default model of the build date', async () => {
  const { context, page, model, today } = await stillPage();
  const rows = await page.locator('[data-testid="prerendered-row"]').count();
  // The first screen: the plan's main targets (issue #17), not every statistic.
  assert.ok(rows >= 10, `only ${rows} pre-rendered rows`);
  assert.equal(await page.locator('[data-testid="indicator-row"]').count(), 0);
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(model, 'the pre-render names its model');
  const note = await page.getByTestId('prerendered-note').innerText();
  assert.match(note, /bộ chỉ tiêu mặc định, chưa phải của bạn/);
  assert.match(note, /default targets, not yet your saved ones/);
  const [y, m, d] = today.split('-');
  assert.ok(note.includes(`ngày ${d}/${m}/${y}`), note);
  assert.ok(note.includes(`for ${today}`), note);
  // The heading the note names is the pre-rendered page's own.
  const heading = await page.locator('#prerendered h1').innerText();
  assert.ok(note.includes(heading), `${heading} in ${note}`);
  // The overview and the first step stand above the rows, as in the app; nothing to click.
  assert.equal(await page.locator('#prerendered .overview button:not([disabled])').count(), 0);
  assert.ok((await page.locator('#prerendered .overview button').count()) >= 7);
  assert.ok(await page.locator('#prerendered .first-step').isVisible());
  // The loading sign is hidden: the pre-rendered page already has its <main>.
  assert.equal(await page.locator('.page-loading').isVisible(), false);
  await context.close();
});

test('the stylesheet is the first file the page names, after the policy that governs it', async () => {
  // The rows' first frame waits for the stylesheet, and a server or a slow link takes the
  // page's requests in the order the page names them: with the start-up script named
  // first, the rows came about 20 ms later (README, "What the first view costs").
  const html = await (await fetch(app.url)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const files = [...head.matchAll(/<(?:link\b[^>]*\brel="(stylesheet|modulepreload|preload)"|script\b[^>]*\bsrc=)/g)].map((m) => ({ at: m.index, what: m[1] ?? 'script' }));
  assert.ok(files.length >= 2, `the head names ${files.length} files`);
  assert.equal(files[0].what, 'stylesheet', `the first file the head names: ${head.slice(files[0].at, files[0].at + 80)}`);
  assert.ok(head.indexOf('http-equiv="Content-Security-Policy"') < files[0].at, 'the policy stands before the first file');
});

test('the pre-rendered rows are the ones the app shows first at the build date', async () => {
  const still = await stillPage();
  const pre = await rowsOf(still.page, 'prerendered-row');
  const preCount = await still.page.locator('#prerendered .count').innerText();
  const preHeading = await still.page.locator('#prerendered h1').innerText();
  await still.context.close();

  const { page, errors, context } = await atBuildDate(still.today);
  const live = await rowsOf(page, 'indicator-row');
  assert.equal(await page.getByTestId('model-title').innerText(), preHeading);
  assert.equal(live.length, pre.length, `${pre.length} pre-rendered rows, ${live.length} in the app`);
  assert.deepEqual(pre.map((r) => r.name), live.map((r) => r.name));
  // The same text as the app shows: no number of another model passed off as its own.
  assert.deepEqual(pre, live);
  assert.equal(await page.getByTestId('indicator-count').innerText(), preCount);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Where the header's boxes stand (left, top, width, height), the model picker's and
 * the date's as the pre-rendered boxes of text or the app's controls. */
const headerBoxes = (page) =>
  page.evaluate(() => {
    const box = (selector) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? [r.left, r.top, r.width, r.height].map(Math.round).join(',') : null;
    };
    return {
      header: box('header.app-header'),
      model: box('.model-picker select, .model-picker .control-still'),
      date: box('.as-of input[type="date"], .as-of .control-still'),
      language: box('.lang-switch'),
      print: box('.print-button'),
    };
  });

/**
 * The fonts the page's shown text is drawn in, "size weight style", sorted: its text
 * and the generated text of ::before and ::after (the phone cards' column labels).
 */
const fontsOf = (page) =>
  page.evaluate(() => {
    const fonts = new Set();
    const add = (style) => fonts.add(`${style.fontSize} ${style.fontWeight} ${style.fontStyle}`);
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const element = walk.currentNode.parentElement;
      if (walk.currentNode.textContent.trim() && element.checkVisibility()) add(getComputedStyle(element));
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!element.checkVisibility()) continue;
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        if (!['none', 'normal', '""'].includes(style.content)) add(style);
      }
    }
    return [...fonts].sort();
  });

/** The sizes of style/main.css's --text-* at 16 px a rem, and its two weights. */
const SCALE = { sizes: ['12.8px', '14px', '16px', '18px', '20px'], weights: ['400', '700'] };

/** Fails on a font of `fonts` (from `fontsOf`) off the type scale, naming `whose`. */
function assertOnScale(fonts, whose) {
  for (const font of fonts) {
    const [size, weight] = font.split(' ');
    assert.ok(SCALE.sizes.includes(size) && SCALE.weights.includes(weight), `${whose} ${font} is off the type scale (${fonts.join(', ')})`);
  }
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
  test(`the first screen draws its text in seven upright fonts of the type scale (${viewport.width} px)`, async () => {
    // Each size, weight and style is a font the browser sets up before the first frame
    // (README, "What the first view costs"): 14 on the pre-rendered page before the type
    // scale, 8 with it, 7 without the estimates' italic (an italic face is a font file
    // of its own, the dearest of them).
    const still = await stillPage(viewport);
    const fonts = await fontsOf(still.page);
    await still.context.close();
    assertOnScale(fonts, 'the pre-rendered page\'s');
    assert.ok(fonts.length <= 7, `the pre-rendered first screen draws ${fonts.length} fonts: ${fonts.join(', ')}`);
    assert.deepEqual(fonts.filter((f) => !f.endsWith(' normal')), [], 'the pre-rendered first screen draws no italic');
    // The app's own first screen at the build date keeps to the same scale, with one
    // font more at most (the heading of what the public pages lack, --text-heading).
    const { page, errors, context } = await atBuildDate(still.today, { viewport });
    const appFonts = await fontsOf(page);
    assert.ok(appFonts.length <= 8, `the app's first screen draws ${appFonts.length} fonts: ${appFonts.join(', ')}`);
    assert.deepEqual(appFonts.filter((f) => !f.endsWith(' normal')), [], "the app's first screen draws no italic");
    assertOnScale(appFonts, "the app's");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`the app replaces the pre-rendered rows in place (${viewport.width} px)`, async () => {
    const still = await stillPage(viewport);
    const first = async (page, testid) =>
      page.locator(`[data-testid="${testid}"]`).first().evaluate((e) => Math.round(e.getBoundingClientRect().top));
    const preTop = await first(still.page, 'prerendered-row');
    // The pre-rendered page builds no form control (issue #15): the picker, the date and
    // the search box are boxes of text, which the app's controls replace in place.
    assert.equal(await still.page.locator('#prerendered input, #prerendered select, #prerendered textarea').count(), 0);
    const preHeader = await headerBoxes(still.page);
    const preSearch = await still.page.locator('.search .control-still').boundingBox();
    const preDrafts = await still.page.locator('.drafts-panel').boundingBox();
    assert.equal(await still.page.locator('.search .control-still').innerText(), await still.page.locator('.search .control-still').getAttribute('data-placeholder'));
    await still.context.close();

    const { page, errors, context } = await atBuildDate(still.today, { viewport });
    assert.equal(await page.locator('#prerendered').count(), 0);
    assert.equal(await page.locator('[data-testid="prerendered-row"]').count(), 0);
    const liveTop = await first(page, 'indicator-row');
    console.log(`first row: ${preTop}px pre-rendered, ${liveTop}px in the app (shift ${liveTop - preTop}px)`);
    // Only the drafts panel's storage line may differ (the app has asked the browser
    // whether it keeps the data; the pre-rendered page cannot), a line on a phone.
    assert.ok(Math.abs(liveTop - preTop) <= 30, `the rows jump by ${liveTop - preTop}px`);
    // Nothing above the drafts panel moves: the note and the status line stand at the foot
    // of the screen, out of the flow, and the model tools and the search box where the
    // app's are.
    const drafts = await page.getByTestId('drafts-panel').boundingBox();
    console.log(`drafts panel: ${Math.round(preDrafts.y)}px+${Math.round(preDrafts.height)} pre-rendered, ${Math.round(drafts.y)}px+${Math.round(drafts.height)} in the app`);
    assert.equal(Math.round(drafts.y), Math.round(preDrafts.y), 'the drafts panel keeps its place');
    // The header keeps its height and every box its place: nothing moves in it.
    assert.deepEqual(await headerBoxes(page), preHeader);
    const search = await page.getByTestId('search').boundingBox();
    assert.deepEqual([search.x, search.y, search.width, search.height].map(Math.round), [preSearch.x, preSearch.y, preSearch.width, preSearch.height].map(Math.round));
    assert.equal(await page.locator('.page-loading').isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the shipped data are files beside index.html, fetched at start-up', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/models/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto(app.url);
  await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  // At the default test date (2025-06-01, Kon Tum's term): GRDP per head as the app shows it.
  assert.match(await row(page, 'grdp_per_capita').getByTestId('latest').innerText(), /khoảng 58,42 triệu đồng/);
  assert.equal(await row(page, 'grdp_per_capita').getByTestId('plan-status').innerText(), 'vượt');
  assert.ok(fetched.includes('/quy-hoach/data/models/kon-tum-2021-2025/model.json'), fetched.join(', '));
  assert.ok(fetched.some((p) => p.endsWith('/figures/kt-003-economy.json')), fetched.join(', '));
  await context.close();
});

test('a shipped data file that cannot be fetched is reported in the person\'s language', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.route('**/data/models/kon-tum-2021-2025/figures/kt-001.json', (r) => r.abort());
  await page.goto(app.url);
  const problems = page.getByTestId('data-problems');
  await problems.waitFor({ timeout: 30_000 });
  assert.match(await problems.innerText(), /kt-001\.json: không tải được tệp/);
  // The other shipped model still opens.
  assert.ok((await page.locator('[data-testid="indicator-row"]').count()) > 0);
  await context.close();
});
