// The size budgets (issue #15), run by scripts/test.sh after the release build: prints
// the first load of dist/ (or the directory given) by kind and fails when its gzip size
// is above BUDGET_GZIP, or when the whole app (the first load, the app's module and the
// shipped data) is above WHOLE_APP_BUDGET_GZIP. The bytes of a build are deterministic,
// so this is a check that cannot flake. Raise a budget only with a reason in the commit
// message and the README ("Performance").
//
// The first load is what the dashboard needs before it answers a click on a first visit
// (the pre-rendered page and the first view's module, src/first_view/); the targets are
// 250 KB and then 150 KB gzip. The whole app is what a person downloads before the rest
// of the app works (and what a visit with drafts to restore waits for).
// Usage: node scripts/size-budget.mjs [site directory]
import { join } from 'node:path';
import { FIRST_LOAD_KINDS, WHOLE_APP_KINDS, measure } from './first-load.mjs';

/** The most the first load may weigh, gzip level 9, in bytes (63.0 KB on 2026-12-01). */
export const BUDGET_GZIP = 80 * 1024;

/** The most the whole app may weigh, gzip level 9, in bytes. */
export const WHOLE_APP_BUDGET_GZIP = 900 * 1024;

const dir = process.argv[2] ?? join(new URL('..', import.meta.url).pathname, 'dist');
const { size, firstLoad, wholeApp } = measure(dir);
const kb = (b) => (b / 1024).toFixed(1);
for (const k of [...WHOLE_APP_KINDS, 'worker']) {
  const when = FIRST_LOAD_KINDS.includes(k) ? 'first load' : k === 'worker' ? 'on demand' : 'after it';
  if (size[k]) console.log(`  ${k.padEnd(8)} ${kb(size[k].raw).padStart(8)} KB raw ${kb(size[k].gzip).padStart(7)} KB gzip ${kb(size[k].brotli).padStart(7)} KB brotli  (${when})`);
}
console.log(`first load: ${kb(firstLoad.gzip)} KB gzip, ${kb(firstLoad.brotli)} KB brotli (${kb(firstLoad.raw)} KB raw); budget ${kb(BUDGET_GZIP)} KB gzip`);
console.log(`whole app: ${kb(wholeApp.gzip)} KB gzip, ${kb(wholeApp.brotli)} KB brotli (${kb(wholeApp.raw)} KB raw); budget ${kb(WHOLE_APP_BUDGET_GZIP)} KB gzip`);
let over = false;
if (firstLoad.gzip > BUDGET_GZIP) {
  console.error(`size budget: the first load is ${kb(firstLoad.gzip - BUDGET_GZIP)} KB gzip over the budget`);
  over = true;
}
if (wholeApp.gzip > WHOLE_APP_BUDGET_GZIP) {
  console.error(`size budget: the whole app is ${kb(wholeApp.gzip - WHOLE_APP_BUDGET_GZIP)} KB gzip over the budget`);
  over = true;
}
if (over) process.exit(1);
