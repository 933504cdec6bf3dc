// F2: a second build is deployed while a tab of the first holds unsaved edits. The tab
// shows the update banner and never reloads by itself; what was typed stays. After the
// person accepts, the page reloads once and every file it loads is the second build's.
// The second build is dist/ with a changed stylesheet (new content, new hashed name),
// finished by the same post-build hook Trunk runs, so its sw.js and precache list change
// as a real rebuild's would.
import { test, before, after } from 'node:test';
import { NOT_PRECACHED } from '../../scripts/postbuild.mjs';
import assert from 'node:assert/strict';
import { launchBrowser, openApp } from './support.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { checkForUpdate, copySite, deploy, precacheOf, secondBuild, waitForController } from './offline-support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('F2 new build while editing: banner, no reload, nothing lost; after accepting, all from the new build', async () => {
  const site = await copySite();
  const v1 = await precacheOf(site);
  const v2 = await secondBuild('v2');
  assert.notEqual(v2.build, v1.build, 'the second build has its own id');
  const server = await startServer({ root: site, prefix: '/quy-hoach/', headers: securityHeaders() });

  const { page, errors, context } = await openApp(browser, `${server.url}?ct=grdp_constant&nam=2023`);
  await waitForController(page);
  const input = page.locator('[data-testid="scenario-input"][data-input-id="grdp_constant:2024"]');
  await input.fill('12,5');
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  let navigations = 0;
  // Document loads only: the app's own history.replaceState (the URL follows the
  // view and the open draft) is a same-document navigation, not a reload.
  page.on('load', () => {
    navigations += 1;
  });

  await deploy(v2.dir, site);
  await checkForUpdate(page);
  const banner = page.getByTestId('update-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Đã có phiên bản mới/);
  assert.equal(navigations, 0, 'no reload before the person accepts');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await input.inputValue(), '12,5', 'typed text kept');
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--planner-build')),
    '',
    'still the first build',
  );

  const loaded = [];
  const fromNetwork = [];
  page.on('request', (req) => loaded.push(req.url()));
  page.on('response', (res) => {
    if (!res.fromServiceWorker()) fromNetwork.push(res.url());
  });
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-accept').click()]);
  await page.getByTestId('needs-panel').waitFor();
  assert.equal(navigations, 1, 'exactly one reload');
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--planner-build').trim()),
    '"v2"',
    'the new stylesheet applies',
  );
  assert.equal(await input.inputValue(), '12,5', 'the assumption survived the reload (URL)');
  assert.equal(await page.getByTestId('update-banner').count(), 0);

  const v2Files = new Set(v2.files.map((f) => f.url));
  const assets = loaded
    .map((u) => new URL(u))
    .filter((u) => u.origin === new URL(server.url).origin)
    .map((u) => u.pathname.slice('/quy-hoach/'.length));
  assert.ok(assets.includes(v2.css.after), `the new stylesheet was loaded: ${assets}`);
  assert.ok(assets.length >= 4, `${assets}`);
  // Files the administrator edits (portal.json, models.json) are deliberately not part of
  // a build: they are served network-first, so they are the only other files allowed.
  for (const path of assets) {
    assert.ok(path === '' || v2Files.has(path) || NOT_PRECACHED.has(path), `${path} is not a file of the second build`);
  }
  assert.ok(!assets.includes(v2.css.before), 'nothing of the first build');
  assert.deepEqual(fromNetwork, [], 'every file came from the new build\'s precache');
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  assert.match(controller, /\/quy-hoach\/sw\.js$/);
  const keys = await page.evaluate(() => caches.keys());
  assert.ok(keys.includes(`planner:/quy-hoach/:build-${v2.build}`), `${keys}`);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
