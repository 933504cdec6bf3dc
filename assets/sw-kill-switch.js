// Emergency kill switch for the planner's service worker (README "Retiring the service
// worker"). It is shipped next to the app but never registered by it. If a bad build is
// ever cached in people's browsers, copy this file over sw.js on the web server:
//   cp sw-kill-switch.js sw.js
// Browsers check sw.js on every visit (and the app asks every hour); each one that finds
// this file installs it, which then
//   1. takes over at once (skipWaiting), without waiting for the update banner,
//   2. deletes this app's caches only (names starting with "planner:<scope path>:"),
//   3. unregisters itself, so the next load goes straight to the web server,
//   4. reloads each window it controlled exactly once (windows that load afterwards are
//      not controlled by it, so there is no reload loop).
// It never touches localStorage (a service worker cannot reach it anyway): saved drafts
// stay where they are. Once a good build is deployed (with its own sw.js), the app
// registers a fresh worker on the next visit.
/* global self, caches, URL */
'use strict';

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const prefix = `planner:${new URL(self.registration.scope).pathname}:`;
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => caches.delete(n)));
      const windows = await self.clients.matchAll({ type: 'window' });
      await self.registration.unregister();
      await Promise.all(
        windows.map((client) => client.navigate(client.url).catch(() => undefined)),
      );
    })(),
  );
});
