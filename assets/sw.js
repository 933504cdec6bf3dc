// Service worker of the planner: TEMPLATE. Trunk does not copy this file; the post-build
// hook (scripts/postbuild.mjs) writes dist/sw.js as one generated line
//   self.PLANNER_PRECACHE = { build: "<id>", files: [{ url, sha256 }, ...] };
// followed by this file. `build` is a hash of every precached file, so each build's sw.js
// differs byte for byte and the browser sees an update.
//
// Strategy
// - install: fetch every file of the build (bypassing the HTTP cache), check each one's
//   sha256 against the list, and store them in a cache of their own
//   ("planner:<scope path>:build-<id>"). If any file is missing or different, the
//   install fails and is logged: the version already in use (or the network, on a first
//   visit) keeps serving the app (reliability case F4). A half-filled cache is never used.
// - The new version waits. It takes over only when the page sends {type: "SKIP_WAITING"},
//   which the page does only when the person accepts the update banner (F2).
// - activate: every older build's cache is "retired" with the ids of the windows open at
//   that moment; it is deleted only once none of those windows remains, so a tab still
//   running the old version can load the old version's files (F3). Then clients.claim().
// - fetch (only GET requests inside the scope, so the app works from any sub-path, F7):
//   * the app page (the scope itself or index.html, any query) is served CACHE-FIRST from
//     this worker's own build. Why not network-first: the page a person sees is always
//     the version of the active worker, so a new version arrives only on the person's
//     word (the banner) and old and new files are never mixed; on a poor district
//     network nothing waits for a timeout. The browser still checks sw.js itself on every
//     navigation (and the page asks hourly), which is how updates are found.
//   * portal.json (the embedding configuration an administrator edits, see README),
//     models.json (the models a portal publishes) and the files under models/ are
//     network-first, with the last good copy kept for offline use, so a newly published
//     model reaches every visitor and stays there offline.
//   * every other file: this build's cache, then retired builds' caches (F3), then the
//     network. Trunk puts a content hash in every asset name, so cache-first is exact.
// - Caches of other apps on the same origin are never touched: every name this worker
//   uses starts with "planner:<scope path>:".
/* global self, caches, clients, crypto, fetch, Request, Response, URL, TextEncoder */
'use strict';

const PRECACHE = self.PLANNER_PRECACHE ?? { build: 'unbuilt', files: [] };
const SCOPE = new URL(self.registration.scope);
const PREFIX = `planner:${SCOPE.pathname}:`;
const BUILD_CACHE = `${PREFIX}build-${PRECACHE.build}`;
const META_CACHE = `${PREFIX}meta`;
const RUNTIME_CACHE = `${PREFIX}runtime`;
const RETIRED_KEY = new URL('__planner/retired.json', SCOPE).href;
const NETWORK_FIRST = new Set(['portal.json', 'models.json']);

const log = (...args) => console.warn(`[planner sw ${PRECACHE.build}]`, ...args);

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  const cache = await caches.open(BUILD_CACHE);
  const failures = [];
  await Promise.all(
    PRECACHE.files.map(async ({ url, sha256 }) => {
      const href = new URL(url, SCOPE).href;
      try {
        const response = await fetch(new Request(href, { cache: 'reload', credentials: 'same-origin' }));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = await response.clone().arrayBuffer();
        const actual = await sha256Hex(body);
        if (actual !== sha256) throw new Error(`content differs from build ${PRECACHE.build}`);
        await cache.put(href, response);
      } catch (err) {
        failures.push(`${url}: ${err?.message ?? err}`);
      }
    }),
  );
  if (failures.length > 0) {
    await caches.delete(BUILD_CACHE);
    log(`install failed; the app keeps working online without this version. ${failures.join('; ')}`);
    throw new Error(`precache failed: ${failures.join('; ')}`);
  }
}

async function readRetired() {
  const meta = await caches.open(META_CACHE);
  const stored = await meta.match(RETIRED_KEY);
  if (!stored) return [];
  try {
    const list = await stored.json();
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

async function writeRetired(list) {
  const meta = await caches.open(META_CACHE);
  await meta.put(
    RETIRED_KEY,
    new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } }),
  );
}

/** Marks every other build's cache as retired, remembering the windows open now. */
async function retireOlderBuilds() {
  const names = (await caches.keys()).filter((n) => n.startsWith(`${PREFIX}build-`) && n !== BUILD_CACHE);
  if (names.length === 0) return;
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const ids = open.map((c) => c.id);
  const retired = (await readRetired()).filter((r) => r.cache !== BUILD_CACHE);
  for (const name of names) {
    const known = retired.find((r) => r.cache === name);
    if (known) known.clients = [...new Set([...known.clients, ...ids])];
    else retired.push({ cache: name, clients: ids });
  }
  await writeRetired(retired);
}

/** Deletes retired caches whose windows have all gone. */
async function cleanUp() {
  const retired = await readRetired();
  if (retired.length === 0) return;
  const keep = [];
  for (const entry of retired) {
    const alive = await Promise.all(entry.clients.map((id) => self.clients.get(id)));
    const stillOpen = entry.clients.filter((_, i) => alive[i]);
    if (stillOpen.length > 0) keep.push({ cache: entry.cache, clients: stillOpen });
    else await caches.delete(entry.cache);
  }
  await writeRetired(keep);
}

// One clean-up at a time: a navigation and an activation may ask at once.
let cleaning = Promise.resolve();
function scheduleCleanUp() {
  cleaning = cleaning.then(cleanUp, cleanUp).catch((err) => log('clean-up failed', err));
  return cleaning;
}

/**
 * Keeps the published models for offline use from the first visit on: models.json and
 * every file it lists under models/ go into the runtime cache (the page's own requests,
 * made before this worker controlled it, did not pass through here). A missing or bad
 * list never fails the install: the app reports it and works without.
 */
async function cachePublished() {
  try {
    const runtime = await caches.open(RUNTIME_CACHE);
    const listUrl = new URL('models.json', SCOPE).href;
    const response = await fetch(new Request(listUrl, { cache: 'reload', credentials: 'same-origin' }));
    if (!response.ok) return;
    await runtime.put(listUrl, response.clone());
    const list = await response.json();
    const files = Array.isArray(list?.models) ? list.models.map((m) => m?.file).filter((f) => typeof f === 'string' && f.startsWith('models/')) : [];
    await Promise.all(
      files.map(async (file) => {
        const href = new URL(file, SCOPE).href;
        const r = await fetch(new Request(href, { cache: 'reload', credentials: 'same-origin' }));
        if (r.ok) await runtime.put(href, r);
      }),
    );
  } catch (err) {
    log('published models not cached', err?.message ?? err);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(cachePublished));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await retireOlderBuilds();
      await self.clients.claim();
      await scheduleCleanUp();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'SKIP_WAITING') {
    event.waitUntil(self.skipWaiting());
  } else if (type === 'CLEAN_UP') {
    event.waitUntil(scheduleCleanUp());
  }
});

async function fromOwnCaches(href) {
  const own = await caches.open(BUILD_CACHE);
  const hit = await own.match(href);
  if (hit) return hit;
  for (const { cache } of await readRetired()) {
    if (!(await caches.has(cache))) continue;
    const old = await (await caches.open(cache)).match(href);
    if (old) return old;
  }
  return undefined;
}

async function serveAppPage(request) {
  const cached = await (await caches.open(BUILD_CACHE)).match(new URL('index.html', SCOPE).href);
  return cached ?? fetch(request);
}

async function networkFirst(request, href) {
  const runtime = await caches.open(RUNTIME_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await runtime.put(href, response.clone());
    return response;
  } catch (err) {
    const stored = await runtime.match(href);
    if (stored) return stored;
    throw err;
  }
}

async function cacheFirst(request, href) {
  return (await fromOwnCaches(href)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === 'navigate') {
    if (path === '' || path === 'index.html') {
      event.respondWith(serveAppPage(request));
      event.waitUntil(scheduleCleanUp());
    }
    return;
  }
  if (NETWORK_FIRST.has(path) || path.startsWith('models/')) {
    event.respondWith(networkFirst(request, url.origin + url.pathname));
    return;
  }
  if (url.search) return;
  event.respondWith(cacheFirst(request, url.href));
});
