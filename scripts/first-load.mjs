// The first load of a built site: every file the page fetches before the dashboard answers
// a click (index.html with the pre-rendered dashboard, the start-up script, the first
// view's module first_view-*.js/_bg.wasm and the stylesheets), with its raw, gzip
// (level 9) and brotli (quality 11) size. The app (provincial-planner.js/_bg.wasm and
// app-start.js, which the first view loads once it answers clicks) and the shipped model
// data under data/ (which the app fetches) make up the whole app, counted beside it.
// The spreadsheet worker (fetched when a spreadsheet is opened), the service-worker
// scripts (not loaded by the page) and the files an administrator edits (portal.json,
// models.json, models/) are counted apart. Bytes are deterministic, so the figures are
// the same on every machine for the same sources.
//
// Used by scripts/bench/bench.mjs (the size table) and scripts/size-budget.mjs (the check
// run by scripts/test.sh).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative, sep } from 'node:path';

/** The kind of a site file (path relative to the site root, with `/`). */
export function kindOf(path) {
  const name = path.split('/').pop();
  if (name.startsWith('sheet_worker')) return 'worker';
  if (name.startsWith('provincial-planner') || name === 'app-start.js') return 'app';
  if (name.startsWith('sw') && name.endsWith('.js')) return 'service-worker';
  if (path.startsWith('data/')) return 'data';
  if (path.startsWith('models/') || name === 'models.json' || name === 'portal.json') return 'published';
  if (name.endsWith('.wasm')) return 'wasm';
  if (name.endsWith('.js')) return 'js';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.html')) return 'html';
  return 'other';
}

/** Kinds that make up the first load: what the live first view needs. */
export const FIRST_LOAD_KINDS = ['html', 'js', 'wasm', 'css'];

/** Kinds that make up the whole app: the first load, the app's module and the data. */
export const WHOLE_APP_KINDS = [...FIRST_LOAD_KINDS, 'app', 'data'];

function listFiles(dir, root = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, root));
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Sizes of the site in `dir`: { size: { kind: { raw, gzip, brotli } }, firstLoad, wholeApp }. */
export function measure(dir) {
  const size = {};
  for (const path of listFiles(dir)) {
    const body = readFileSync(join(dir, path));
    const entry = (size[kindOf(path)] ??= { raw: 0, gzip: 0, brotli: 0 });
    entry.raw += body.length;
    entry.gzip += gzipSync(body, { level: 9 }).length;
    entry.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const total = (kinds) =>
    kinds.reduce(
      (t, k) => ({ raw: t.raw + (size[k]?.raw ?? 0), gzip: t.gzip + (size[k]?.gzip ?? 0), brotli: t.brotli + (size[k]?.brotli ?? 0) }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
  return { size, firstLoad: total(FIRST_LOAD_KINDS), wholeApp: total(WHOLE_APP_KINDS) };
}
