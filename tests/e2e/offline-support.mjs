// Helpers for the offline, embedding and security tests (issue #5): deployable copies of
// dist/, a "second build" made the way Trunk would make one, deploys, and watchers for
// service-worker control and Content-Security-Policy violations.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './support.mjs';
import { postbuild } from '../../scripts/postbuild.mjs';

/** Copies `from` (default dist/) into a fresh temporary folder: a site to deploy. */
export async function copySite(from = DIST) {
  const dir = await mkdtemp(join(tmpdir(), 'planner-site-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

/** The { build, files } list written into a site's sw.js. */
export async function precacheOf(dir) {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const line = sw.split('\n').find((l) => l.startsWith('self.PLANNER_PRECACHE = '));
  if (!line) throw new Error(`no precache list in ${dir}/sw.js`);
  return JSON.parse(line.slice('self.PLANNER_PRECACHE = '.length).replace(/;$/, ''));
}

/**
 * Makes a second build from a copy of `from`, the way a real rebuild differs: the
 * stylesheet gains a rule setting `--planner-build: "<marker>"` on :root and so gets a new
 * hashed name (index.html's link and its integrity follow), then the post-build hook runs
 * on it as Trunk runs it. Returns { dir, build, files, css: {before, after} }.
 */
export async function secondBuild(marker, from = DIST) {
  const dir = await copySite(from);
  const names = await readdir(dir);
  const before = names.find((n) => /^main-[0-9a-f]+\.css$/.test(n));
  if (!before) throw new Error('no hashed stylesheet in dist/');
  const css = `${await readFile(join(dir, before), 'utf8')}\n:root { --planner-build: "${marker}"; }\n`;
  const after = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, after), css);
  await unlink(join(dir, before));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(
    new RegExp(`href="\\./${before}" integrity="[^"]+"`),
    `href="./${after}" integrity="${integrity}"`,
  );
  if (!html.includes(after)) throw new Error('index.html does not link the stylesheet as expected');
  await writeFile(join(dir, 'index.html'), html);
  const { build, files } = await postbuild(dir);
  return { dir, build, files, css: { before, after } };
}

/** Deploys: replaces everything in `siteDir` with the files of `buildDir`. */
export async function deploy(buildDir, siteDir) {
  for (const name of await readdir(siteDir)) await rm(join(siteDir, name), { recursive: true });
  await cp(buildDir, siteDir, { recursive: true });
}

/** Waits until a service worker controls the page (installed, precached, claimed). */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
}

/** Asks the browser to check sw.js now, as the app does every hour. */
export async function checkForUpdate(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

/** The names of this origin's caches. */
export function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/**
 * Records Content-Security-Policy violations in every frame of every page of `context`
 * (the securitypolicyviolation event), and returns a function that collects them.
 */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} in ${e.documentURI}`);
    });
  });
  return async () => {
    const all = [];
    for (const page of context.pages()) {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
        all.push(...found);
      }
    }
    return all;
  };
}

/** Console messages of a page (all frames) that report a CSP refusal. */
export function watchCspConsole(page) {
  const refusals = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) refusals.push(msg.text());
  });
  return refusals;
}
