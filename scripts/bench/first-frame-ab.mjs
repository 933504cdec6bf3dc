// Which part of the pre-rendered page costs the rows' first frame (issue #15): cold loads
// of variants of the built dist/index.html, each a change to its markup or its stylesheet,
// beside the static page of the same table, in a random order in each round so no variant
// always follows another. Prints the median time of the rows' frame (the same probe as
// scripts/bench/bench.mjs: the task after the first animation frame that has a row) and
// of first-contentful-paint. Prints numbers; never a pass/fail test.
//
// Usage, after scripts/bench.sh (or scripts/build.sh and the static_dashboard example):
//   node scripts/bench/first-frame-ab.mjs <variants.json> [static-page.html]
// LOADS (default 30) cold loads of each page; THROTTLE=4 for 4x CPU slow-down.
// variants.json: { "<name>": { "css": "rules added to the stylesheet",
//                              "html": [["regular expression", "replacement"], ...] } }
// An empty object {} is the page as built. Example (README, "What the first view costs"):
//   { "as-built": {},
//     "tables-only": { "html": [["<body>.*?<section class=\"tables\">", "<body><main><section class=\"tables\">"],
//                               ["</section></div></main></div><!--/prerendered-->", "</section></main>"]] } }
// The pages are written to a temporary copy of dist/, never to dist/ itself. The
// variants link the stylesheet without its integrity attribute (its hash changes with
// the added rules), as the static page does.
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../static-server.mjs';
import { openCold } from './cold-load.mjs';

const [variantsFile, staticPage] = process.argv.slice(2);
if (!variantsFile) {
  console.error('usage: node scripts/bench/first-frame-ab.mjs <variants.json> [static-page.html]');
  process.exit(2);
}
const DIST = new URL('../../dist/', import.meta.url).pathname;
const LOADS = Number(process.env.LOADS ?? 30);
const THROTTLE = Number(process.env.THROTTLE ?? 0);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const site = mkdtempSync(join(tmpdir(), 'planner-first-frame-'));
cpSync(DIST, site, { recursive: true });
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const sheetName = readdirSync(DIST).find((n) => /^main-[0-9a-f]+\.css$/.test(n));
const sheet = readFileSync(join(DIST, sheetName), 'utf8');
const sheetLink = /<link rel="stylesheet" href="[^"]+"[^>]*>/;
if (!sheetLink.test(html)) throw new Error('dist/index.html names no stylesheet');

const pages = [];
for (const [name, change] of Object.entries(JSON.parse(readFileSync(variantsFile, 'utf8')))) {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`variant name "${name}": use a-z, 0-9 and -`);
  let page = html;
  for (const [pattern, replacement] of change.html ?? []) {
    const re = new RegExp(pattern, 'gs');
    if (!re.test(page)) throw new Error(`variant ${name}: /${pattern}/ matches nothing`);
    page = page.replace(re, replacement);
  }
  writeFileSync(join(site, `variant-${name}.css`), `${sheet}\n${change.css ?? ''}`);
  writeFileSync(join(site, `variant-${name}.html`), page.replace(sheetLink, `<link rel="stylesheet" href="./variant-${name}.css"/>`));
  pages.push(name);
}
if (staticPage) {
  writeFileSync(join(site, 'variant-static.css'), sheet);
  writeFileSync(join(site, 'variant-static.html'), readFileSync(staticPage, 'utf8').replace('href="main.css"', 'href="./variant-static.css"'));
  pages.push('static');
}

const FIRST_ROWS = 'planner-first-frame:rows';
const PROBE = `
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="prerendered-row"], [data-testid="indicator-row"]')) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__rowsAt = performance.now(); console.debug('${FIRST_ROWS}'); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
const server = await startServer({ root: site });

/** One cold load, as scripts/bench/bench.mjs's (cold-load.mjs). */
async function coldLoad(url) {
  const { context, page } = await openCold(browser, url, { probe: PROBE, message: FIRST_ROWS, throttle: THROTTLE, timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60_000 });
  const result = await page.evaluate(() => ({
    rows: window.__rowsAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
  }));
  await context.close();
  return result;
}

const times = Object.fromEntries(pages.map((p) => [p, { rows: [], fcp: [] }]));
for (const p of pages) await coldLoad(`${server.url}variant-${p}.html`); // warm the disk cache
for (let round = 0; round < LOADS; round++) {
  const order = [...pages];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const p of order) {
    const t = await coldLoad(`${server.url}variant-${p}.html`);
    times[p].rows.push(t.rows);
    times[p].fcp.push(t.fcp);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const floor = times.static ? median(times.static.rows) : null;
console.log(`First frame, ${LOADS} cold loads of each page${THROTTLE ? `, ${THROTTLE}x CPU slow-down` : ''} (ms, medians)`);
console.log('| page | bytes | rows on screen | × static | first paint |');
console.log('|---|---:|---:|---:|---:|');
for (const p of pages) {
  const rows = median(times[p].rows);
  const bytes = readFileSync(join(site, `variant-${p}.html`)).length;
  console.log(`| ${p} | ${bytes} | ${rows.toFixed(1)} | ${floor ? `${(rows / floor).toFixed(2)}×` : '—'} | ${median(times[p].fcp).toFixed(1)} |`);
}
await browser.close();
await server.close();
rmSync(site, { recursive: true, force: true });
