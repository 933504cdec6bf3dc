// Security headers (issue #5). The built index.html has no inline script, handler or style
// (Trunk's start-up script is moved to a file by scripts/postbuild.mjs, with its integrity
// checked here, so a drift fails), its <meta> policy equals the header's, and the policy
// allows WebAssembly without 'unsafe-inline' or 'unsafe-eval'.
// G1: no securitypolicyviolation while using the app under the production headers.
// G3: the header carries frame-ancestors, and a page on an unlisted origin cannot frame the app.
// F5: with .wasm served as application/octet-stream the app still loads (wasm-bindgen's
// fallback), with no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, launchBrowser, row, showAllIndicators } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { CSP_BASE, securityHeaders } from '../../scripts/security-headers.mjs';
import { recordCspViolations, watchCspConsole } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('G1 index.html: no inline script, handler or style; start-up script pinned; meta policy = header policy', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1, 'the start-up script is there');
  for (const [whole, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="\.\/[^"]+"/, `inline script: ${whole}`);
    assert.equal(body.trim(), '', `script with a body: ${whole}`);
    const src = attrs.match(/\bsrc="\.\/([^"]+)"/)[1];
    const file = await readFile(join(DIST, src));
    const integrity = `sha384-${createHash('sha384').update(file).digest('base64')}`;
    assert.match(attrs, new RegExp(`integrity="${integrity.replace(/[+/]/g, '\\$&')}"`), `${src} drifted from its hash`);
  }
  assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, 'inline event handler');
  assert.doesNotMatch(html, /<[^>]+\sstyle\s*=|<style\b/i, 'inline style');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'index.html carries the policy for hosts that send no header');
  assert.equal(meta[1], CSP_BASE);
  assert.match(CSP_BASE, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(CSP_BASE, /unsafe-inline|'unsafe-eval'/);
  assert.doesNotMatch(CSP_BASE, /frame-ancestors/, 'ignored (and warned about) in a <meta> policy');
});

test('G1 G3 the app under the production headers: frame-ancestors sent, no violation while used', async () => {
  const server = await startServer({ root: DIST, prefix: '/quy-hoach/', headers: securityHeaders() });
  const head = await fetch(server.url);
  const csp = head.headers.get('content-security-policy');
  assert.match(csp, /frame-ancestors 'self'/);
  assert.ok(csp.startsWith(CSP_BASE));
  assert.equal(head.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(head.headers.get('referrer-policy'));

  const context = await browser.newContext();
  const violations = await recordCspViolations(context);
  const page = await context.newPage();
  const refusals = watchCspConsole(page);
  await page.goto(`${server.url}?ct=grdp_constant&nam=2023`);
  await page.getByTestId('needs-panel').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]').fill('10');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await row(page, 'grdp_per_capita').locator('button.indicator-open').click();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.reload();
  await page.getByTestId('needs-panel').waitFor({ timeout: 30_000 });
  assert.deepEqual(await violations(), []);
  assert.deepEqual(refusals, []);
  await context.close();
  await server.close();
});

test('G3 a page on an origin not listed in frame-ancestors cannot frame the app', async () => {
  const app = await startServer({ root: DIST, prefix: '/quy-hoach/', headers: securityHeaders() });
  const other = await startServer({ root: join(DIST, '..', 'examples', 'portal') });
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused = page.waitForEvent('console', {
    predicate: (msg) => /frame-ancestors/.test(msg.text()) && /violates|refused/i.test(msg.text()),
    timeout: 30_000,
  });
  await page.goto(`${other.url}?app=${encodeURIComponent(`${app.url}?nhung=nhom&nhom=economy`)}`);
  await refused;
  const appFrame = page.frames().find((f) => f.url().startsWith(app.url));
  assert.equal(appFrame, undefined, 'no app document in the frame');
  assert.ok(page.frames().some((f) => f.url().startsWith('chrome-error:')), 'the frame shows the browser\'s block page');
  await context.close();
  await other.close();
  await app.close();
});

test('F5 .wasm served as application/octet-stream: the app loads through the fallback, no violation', async () => {
  const server = await startServer({
    root: DIST,
    prefix: '/quy-hoach/',
    headers: securityHeaders(),
    mime: { '.wasm': 'application/octet-stream' },
  });
  // The first view's wasm, as the start-up script asks for it (it has no preload link).
  const start = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/<script type="module" src="\.\/([^"]+)"/)[1];
  const wasm = (await readFile(join(DIST, start), 'utf8')).match(/'\.\/([^']+_bg\.wasm)'/)[1];
  assert.equal((await fetch(`${server.url}${wasm}`)).headers.get('content-type'), 'application/octet-stream');
  const context = await browser.newContext();
  const violations = await recordCspViolations(context);
  const ours = await context.newPage();
  const consoleErrors = [];
  const warnings = [];
  ours.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await ours.goto(server.url);
  await ours.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  await showAllIndicators(ours);
  assert.ok((await ours.locator('[data-testid="indicator-row"]').count()) > 300);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(consoleErrors, []);
  assert.ok(warnings.some((w) => /instantiateStreaming.*Falling back/s.test(w)), 'the fallback path ran');
  // The first view's module took that path too (the start-up script would otherwise have
  // loaded the app without it, and said so).
  assert.deepEqual(warnings.filter((w) => /The first view could not be started/.test(w)), []);
  await context.close();
  await server.close();
});
