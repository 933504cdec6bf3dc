// Embedding in a portal (issue #5). The example portal page (examples/portal/) is served
// from a second local origin and embeds the planner from the first: the compact view
// renders, links to the full app (new tab), tells the person drafts are kept apart, and
// reports its height only to the portal origin configured in portal.json.
// G4: a message from a foreign origin is ignored, and a foreign page that frames the app
// receives nothing (the app never posts to "*").
// G1: no securitypolicyviolation on the app, the embed or the portal page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchBrowser } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { copySite, recordCspViolations } from './offline-support.mjs';

// The portal's and the foreign page's own strict policies (they may frame loopback pages).
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; frame-src http://127.0.0.1:*; object-src 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
};

const env = {};
before(async () => {
  env.browser = await launchBrowser();
  env.portal = await startServer({ root: join(ROOT, 'examples', 'portal'), headers: PAGE_HEADERS });
  env.foreign = await startServer({ root: join(ROOT, 'tests', 'e2e', 'fixtures', 'foreign'), headers: PAGE_HEADERS });
  env.portalOrigin = new URL(env.portal.url).origin;
  env.foreignOrigin = new URL(env.foreign.url).origin;
  const site = await copySite();
  // The administrator's configuration: the portal may receive the height...
  await writeFile(join(site, 'portal.json'), JSON.stringify({ portal_origins: [env.portalOrigin] }));
  // ...and may frame the app (frame-ancestors).
  env.app = await startServer({
    root: site,
    prefix: '/quy-hoach/',
    headers: securityHeaders({ portalOrigins: [env.portalOrigin] }),
  });
  env.appOrigin = new URL(env.app.url).origin;
  // The same site on another origin whose header lets the foreign page frame it, while
  // portal.json still names only the portal (for the "never '*'" check).
  env.looseApp = await startServer({
    root: site,
    prefix: '/quy-hoach/',
    headers: securityHeaders({ portalOrigins: [env.portalOrigin, env.foreignOrigin] }),
  });
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.portal, env.foreign, env.app, env.looseApp]) await s?.close();
});

/** Opens the example portal embedding `query` of the app; returns the page and frame. */
async function openPortal(query) {
  const context = await env.browser.newContext();
  const violations = await recordCspViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${env.portal.url}?app=${encodeURIComponent(`${env.app.url}${query}`)}`);
  const frame = page.frameLocator('#planner');
  await frame.getByTestId('embed').waitFor({ timeout: 30_000 });
  // The first height report arrives once the app has read portal.json and listens.
  await page.waitForFunction(() => window.portalLog.some((e) => e.accepted), null, { timeout: 30_000 });
  return { context, page, frame, errors, violations };
}

const heights = (page) =>
  page.evaluate(() => window.portalLog.filter((e) => e.accepted).map((e) => JSON.parse(e.data)));

test('embed: one indicator\'s "what is needed" panel, a link to the full app, the drafts notice, the height', async () => {
  const { context, page, frame, errors, violations } = await openPortal('?nhung=can-dat&ct=grdp_constant&nam=2023');
  await frame.getByTestId('needs-panel').waitFor();
  assert.match(await frame.locator('.embed-title').innerText(), /GRDP/);
  assert.equal(await frame.locator('[data-testid="indicator-row"]').count(), 0, 'compact: no dashboard');
  assert.match(await frame.getByTestId('embed-drafts-notice').innerText(), /lưu riêng/);
  assert.equal(await frame.getByTestId('embed-untrusted').count(), 0, 'the configured portal is trusted');

  const link = frame.getByTestId('embed-open-full');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
  const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await full.locator('[data-testid="indicator-row"]').first().waitFor({ timeout: 30_000 });
  const fullUrl = new URL(full.url());
  assert.equal(fullUrl.origin + fullUrl.pathname, env.app.url);
  assert.equal(fullUrl.searchParams.get('ct'), 'grdp_constant');
  assert.equal(fullUrl.searchParams.get('nhung'), null);
  await full.getByTestId('needs-panel').waitFor();
  await full.close();

  const log = await page.evaluate(() => window.portalLog);
  assert.ok(log.length > 0);
  for (const entry of log) {
    assert.equal(entry.origin, env.appOrigin, `message from ${entry.origin}`);
    assert.equal(JSON.parse(entry.data).type, 'planner:height');
  }
  const last = (await heights(page)).at(-1);
  assert.ok(last.height > 200, `height ${last.height}`);
  const frameHeight = await page.locator('#planner').evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - last.height) <= 2, `frame ${frameHeight} vs reported ${last.height}`);

  // English too.
  await frame.getByTestId('lang-switch').click();
  await frame.getByText('Drafts made inside the portal are kept apart').waitFor();
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed: one group of the dashboard; the reported height follows the content', async () => {
  const { context, page, frame, errors, violations } = await openPortal('?nhung=nhom&nhom=economy');
  assert.equal(await frame.locator('[data-testid="group"]').count(), 1);
  assert.equal(await frame.locator('[data-testid="group"]').getAttribute('data-group-id'), 'economy');
  const before = (await heights(page)).at(-1).height;
  await frame.locator('[data-indicator-id="grdp_constant"] button.indicator-open').click();
  await frame.getByTestId('needs-panel').waitFor();
  await page.waitForFunction(
    (h) => window.portalLog.filter((e) => e.accepted).some((e) => JSON.parse(e.data).height > h),
    before,
  );
  assert.ok((await heights(page)).at(-1).height > before);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed: an unknown indicator or group says so, in the page language', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.app.url}?nhung=nhom&nhom=no_such_group`);
  assert.match(await page.getByTestId('embed-not-found').innerText(), /Không tìm thấy/);
  await page.goto(`${env.app.url}?nhung=can-dat&ct=no_such&lang=en`);
  assert.match(await page.getByTestId('embed-not-found').innerText(), /was not found/);
  await context.close();
});

test('G4 a ping from a foreign origin is ignored; the portal\'s own ping is answered', async () => {
  const { context, page, errors, violations } = await openPortal('?nhung=can-dat&ct=grdp_constant');
  await page.evaluate((url) => {
    const foreign = document.createElement('iframe');
    foreign.title = 'foreign';
    foreign.src = url;
    document.body.append(foreign);
  }, `${env.foreign.url}?mode=ping`);
  await page.waitForFunction(() => window.portalLog.some((e) => e.data === 'foreign:sent'));
  // The app handles messages in order: once it has answered the portal's later ping, it
  // has already dealt with (and dropped) the foreign one.
  await page.evaluate(() => window.pingPlanner('after'));
  await page.waitForFunction(() =>
    window.portalLog.some((e) => e.accepted && JSON.parse(e.data).reply_to === 'after'),
  );
  const replies = (await heights(page)).map((m) => m.reply_to).filter(Boolean);
  assert.ok(!replies.includes('foreign'), `answered a foreign ping: ${replies}`);
  const fromApp = (await page.evaluate(() => window.portalLog)).filter((e) => e.data !== 'foreign:sent');
  assert.ok(fromApp.every((e) => e.origin === env.appOrigin));
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('G3 G4 a foreign page that frames the app receives no message (never "*"), and the app warns', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const refused = page.waitForEvent('console', {
    predicate: (msg) => /not a configured portal; nothing is sent/.test(msg.text()),
    timeout: 30_000,
  });
  await page.goto(`${env.foreign.url}?app=${encodeURIComponent(`${env.looseApp.url}?nhung=nhom&nhom=economy`)}`);
  await refused;
  const appFrame = page.frames().find((f) => f.url().startsWith(env.looseApp.url));
  assert.ok(appFrame, 'the app is framed');
  await appFrame.locator('[data-testid="group"]').waitFor();
  // A marker posted after the app made its choice: anything the app sent arrives first.
  await appFrame.evaluate(() => parent.postMessage('marker', '*'));
  await page.waitForFunction(() => window.foreignLog.some((e) => e.data === 'marker'));
  const log = await page.evaluate(() => window.foreignLog);
  assert.deepEqual(log.map((e) => e.data), ['marker']);
  // G3: where headers cannot stop the framing, the app itself tells the person.
  await appFrame.locator('[data-testid="embed-untrusted"]').waitFor();
  await context.close();
});

/** The frame's own document: its full height, its visible height, its width and scroll width. */
const frameBox = (page) =>
  page.frames().find((f) => f.url().includes('nhung='))
    .evaluate(() => {
      const root = document.documentElement;
      return { scroll: root.scrollHeight, client: root.clientHeight, width: root.clientWidth, scrollWidth: root.scrollWidth };
    });

/** Waits until the portal's frame is as tall as the app last said, and returns that height. */
async function settled(page) {
  await page.waitForFunction(() => {
    const last = window.portalLog.filter((e) => e.accepted).at(-1);
    const frame = document.getElementById('planner');
    // The frame's own viewport (its border aside) is the height the app asked for.
    return last && Math.abs(frame.clientHeight - JSON.parse(last.data).height) <= 1;
  });
  return (await heights(page)).at(-1).height;
}

test('embed height (issue #17): the compact GRDP panel leaves the growth chain out and the frame fits it, growing and shrinking with it', async () => {
  const { context, page, frame, errors, violations } = await openPortal('?nhung=can-dat&ct=grdp_constant&nam=2023');
  await frame.getByTestId('needs-panel').waitFor();
  // The whole chain and the quarterly scenario made the compact view 4,150 px tall.
  assert.equal(await frame.getByTestId('growth-chain').count(), 0, 'no growth chain in the compact view');
  assert.equal(await frame.getByTestId('quarterly').count(), 0, 'no quarterly scenario in the compact view');
  const first = await settled(page);
  assert.ok(first < 2200, `compact view is ${first}px tall`);
  // Sized to its content: no scrollbar inside the frame, none sideways either.
  let box = await frameBox(page);
  assert.ok(box.scroll <= box.client + 1, `frame scrolls: ${box.scroll} in ${box.client}`);
  assert.ok(box.scrollWidth <= box.width, `frame is ${box.scrollWidth}px wide in ${box.width}`);

  // The sensitivity tables make it taller; closing them makes it short again.
  await frame.getByTestId('sensitivity-toggle').click();
  await frame.getByTestId('sensitivity-grid').waitFor();
  await page.waitForFunction((h) => {
    const last = window.portalLog.filter((e) => e.accepted).at(-1);
    return JSON.parse(last.data).height > h + 100;
  }, first);
  const open = await settled(page);
  box = await frameBox(page);
  assert.ok(box.scroll <= box.client + 1, `open: frame scrolls: ${box.scroll} in ${box.client}`);
  await frame.getByTestId('sensitivity-toggle').click();
  await page.waitForFunction((h) => {
    const last = window.portalLog.filter((e) => e.accepted).at(-1);
    return JSON.parse(last.data).height < h;
  }, open);
  const closed = await settled(page);
  assert.ok(Math.abs(closed - first) <= 2, `back to ${closed}px, was ${first}px`);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed height on a phone-wide portal column (360 px): no sideways scrolling, the frame fits its content', async () => {
  const context = await env.browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${env.portal.url}?app=${encodeURIComponent(`${env.app.url}?nhung=can-dat&ct=grdp_constant&nam=2023`)}`);
  await page.locator('#planner').evaluate((f) => { f.style.width = '360px'; });
  const frame = page.frameLocator('#planner');
  await frame.getByTestId('needs-panel').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => window.portalLog.some((e) => e.accepted), null, { timeout: 30_000 });
  await settled(page);
  const box = await frameBox(page);
  assert.ok(box.scrollWidth <= box.width, `frame content is ${box.scrollWidth}px wide in ${box.width}`);
  assert.ok(box.scroll <= box.client + 1, `frame scrolls: ${box.scroll} in ${box.client}`);
  await context.close();
});
