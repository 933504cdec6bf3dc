// The first-load size budget (issue #15), run by scripts/test.sh after the release build:
// prints the first load of dist/ (or the directory given) by kind and fails when its gzip
// size is above BUDGET_GZIP. The bytes of a build are deterministic, so this is a check
// that cannot flake. Raise the budget only with a reason in the commit message; the
// targets are 250 KB and then 150 KB gzip (README "Performance").
// Usage: node scripts/size-budget.mjs [site directory]
import { join } from 'node:path';
import { FIRST_LOAD_KINDS, measure } from './first-load.mjs';

/** The most the first load may weigh, gzip level 9, in bytes. */
export const BUDGET_GZIP = 845 * 1024;

const dir = process.argv[2] ?? join(new URL('..', import.meta.url).pathname, 'dist');
const { size, firstLoad } = measure(dir);
const kb = (b) => (b / 1024).toFixed(1);
for (const k of [...FIRST_LOAD_KINDS, 'worker']) {
  if (size[k]) console.log(`  ${k.padEnd(8)} ${kb(size[k].raw).padStart(8)} KB raw ${kb(size[k].gzip).padStart(7)} KB gzip ${kb(size[k].brotli).padStart(7)} KB brotli`);
}
console.log(`first load: ${kb(firstLoad.gzip)} KB gzip, ${kb(firstLoad.brotli)} KB brotli (${kb(firstLoad.raw)} KB raw); budget ${kb(BUDGET_GZIP)} KB gzip`);
if (firstLoad.gzip > BUDGET_GZIP) {
  console.error(`size budget: the first load is ${kb(firstLoad.gzip - BUDGET_GZIP)} KB gzip over the budget`);
  process.exit(1);
}
