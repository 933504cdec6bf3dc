// What own models take in real IndexedDB in headless Chromium (issue 12 §3): 5 models of
// 500 indicators and one of 2,000, each with ten years of figures and sources, stored the
// way platform::model_store stores them (database `provincial-planner`, object store
// `models`, one record {format, revision, saved_ms, exported_ms, text} per model, each
// written in its own read-write transaction after reading the record there, awaited to
// commit, then read back in a new transaction). Measures write time, the start-up read
// (getAll in a fresh page, as components::shell::app does) and
// navigator.storage.estimate() usage. Prints numbers; never a pass/fail test.
// Usage: node scripts/bench/model-store.mjs <dir with model-500.json and model-2000.json>
// (written by `BENCH_MODEL_DIR=<dir> cargo run --release --example bench_model_storage`).
// The wasm side's cost on top (reading the JS string into Rust, parsing and validating
// the model file) is the example's read_and_validate_ms.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../static-server.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: model-store.mjs <dir>');
const root = mkdtempSync(join(tmpdir(), 'model-store-bench-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>model store bench</title>');
for (const n of [500, 2000]) writeFileSync(join(root, `model-${n}.json`), readFileSync(join(dir, `model-${n}.json`)));

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
const server = await startServer({ root });
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);

const written = await page.evaluate(async () => {
  const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const open = () => new Promise((ok, no) => {
    const r = indexedDB.open('provincial-planner', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('models');
    r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
  });
  const db = await open();
  const write = async (key, text) => {
    const tx = db.transaction('models', 'readwrite');
    const done = new Promise((ok, no) => { tx.oncomplete = ok; tx.onabort = () => no(tx.error); });
    const store = tx.objectStore('models');
    const current = await req(store.get(key));
    const revision = (current?.revision ?? 0) + 1;
    store.put({ format: 1, revision, saved_ms: Date.now(), text }, key);
    await done;
    const back = await req(db.transaction('models').objectStore('models').get(key));
    if (back.text !== text) throw new Error('read-back mismatch');
  };
  const small = await (await fetch('model-500.json')).text();
  const large = await (await fetch('model-2000.json')).text();
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const times = { w500: [], w2000: 0 };
  for (let i = 1; i <= 5; i += 1) {
    const t = performance.now();
    await write(`bench-500-${i}`, small);
    times.w500.push(performance.now() - t);
  }
  let t = performance.now();
  await write('bench-2000', large);
  times.w2000 = performance.now() - t;
  db.close();
  const after = (await navigator.storage.estimate()).usage ?? 0;
  return { times, usage: after - before, quota: (await navigator.storage.estimate()).quota ?? 0, chars: { small: small.length, large: large.length } };
});

// Start-up: a fresh page reads every record at once.
const reader = await context.newPage();
await reader.goto(server.url);
const read = await reader.evaluate(async () => {
  const t0 = performance.now();
  const db = await new Promise((ok, no) => { const r = indexedDB.open('provincial-planner', 1); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const t1 = performance.now();
  const store = db.transaction('models').objectStore('models');
  const values = await new Promise((ok, no) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const t2 = performance.now();
  const chars = values.reduce((s, v) => s + v.text.length, 0);
  db.close();
  const usage = (await navigator.storage.estimate()).usage ?? 0;
  return { open: t1 - t0, getAll: t2 - t1, records: values.length, chars, usage };
});
await browser.close();
await server.close();

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
const mc = (x) => `${(x / 1e6).toFixed(1)} M chars`;
console.log('\n| Own models in IndexedDB (headless Chromium) | Value |');
console.log('|---|---|');
console.log(`| Text of one 500-indicator model / the 2,000 one | ${mc(written.chars.small)} / ${mc(written.chars.large)} |`);
console.log(`| Write + read back, each 500-indicator model (5) | ${written.times.w500.map(ms).join(', ')} |`);
console.log(`| Write + read back, the 2,000-indicator model | ${ms(written.times.w2000)} |`);
console.log(`| Start-up read of all 6 (open + getAll, fresh page) | ${ms(read.open)} + ${ms(read.getAll)} (${read.records} records, ${mc(read.chars)}) |`);
console.log(`| navigator.storage.estimate() usage added / quota | ${mb(written.usage)} / ${mb(written.quota)} |`);
console.log(`| usage seen by the start-up page (Chromium compresses large values) | ${mb(read.usage)} |`);
writeFileSync(join(dir, 'model-store-idb.json'), JSON.stringify({ written, read }, null, 1));
