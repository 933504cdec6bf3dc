// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// the release build in dist/ served by scripts/static-server.mjs, and a record of every
// console error and page error so each test can assert the page logged none.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The date the pages of the tests live on unless a test says otherwise: inside the
 * 2021-2025 term, so a bare URL opens Kon Tum 2021-2025 (the app opens on the model whose
 * term contains today) and its workbench still asks for the pace of 2025. The clock runs
 * on from this instant; only the date is moved, timers are the browser's own.
 */
export const TEST_TODAY = '2025-06-01T09:00:00+07:00';

/**
 * Launches headless Chromium. Every context it opens lives on `TEST_TODAY`, or on the
 * date given as `newContext({ today })` (`today: null` keeps the real clock).
 */
export async function launchBrowser() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run scripts/build.sh (scripts/test.sh does) first');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async ({ today = TEST_TODAY, ...options } = {}) => {
    const context = await newContext(options);
    if (today) await context.clock.setSystemTime(new Date(today));
    return context;
  };
  return browser;
}

/** Serves dist/ under `prefix` on a free loopback port, with the production headers. */
export function serveDist(prefix = '/') {
  return startServer({ root: DIST, prefix, headers: securityHeaders() });
}

/**
 * Opens a new page at `url`, records errors, and waits for the dashboard rows.
 * Returns { page, errors } where errors collects console errors and page errors.
 */
export async function openApp(browser, url, { viewport, waitForRows = true, today } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 }, today });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A reload cancels the browser's own favicon fetch (net::ERR_ABORTED): not the app's.
    const aborted = req.failure()?.errorText === 'net::ERR_ABORTED' && /\/favicon[^/]*\.svg$/.test(req.url());
    if (!aborted) errors.push(`requestfailed: ${req.url()}`);
  });
  await page.goto(url);
  if (waitForRows) {
    await page.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  }
  return { page, context, errors };
}

/** The row of one indicator. */
export function row(page, id) {
  return page.locator(`[data-testid="indicator-row"][data-indicator-id="${id}"]`);
}

/**
 * Registers before/after hooks that start Chromium and serve dist/ under `prefix` for
 * the tests of one file. Returns an object whose `browser` and `url` are set once the
 * hooks have run.
 */
export function useApp(prefix = '/') {
  const app = { browser: null, server: null, url: '' };
  before(async () => {
    app.browser = await launchBrowser();
    app.server = await serveDist(prefix);
    app.url = app.server.url;
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Shows every indicator: the first screen lists the plan's main targets, the other
 * statistics one click away (issue #17). Resolves once more than the main targets show.
 */
export async function showAllIndicators(page) {
  const before = await page.locator('[data-testid="indicator-row"]').count();
  await page.locator('[data-testid="overview-filter"][data-filter="all"]').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="indicator-row"]').length > n,
    before,
  );
}

/** Switches the interface to English and waits for the page to say so. */
export async function toEnglish(page) {
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** Replaces window.print with a counter, so a test sees the call without a dialog. */
export async function stubPrint(page) {
  await page.evaluate(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints += 1;
    };
  });
}
