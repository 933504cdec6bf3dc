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

/** Launches headless Chromium. */
export async function launchBrowser() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run scripts/build.sh (scripts/test.sh does) first');
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/** Serves dist/ under `prefix` on a free loopback port, with the production headers. */
export function serveDist(prefix = '/') {
  return startServer({ root: DIST, prefix, headers: securityHeaders() });
}

/**
 * Opens a new page at `url`, records errors, and waits for the dashboard rows.
 * Returns { page, errors } where errors collects console errors and page errors.
 */
export async function openApp(browser, url, { viewport, waitForRows = true } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()}`));
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
