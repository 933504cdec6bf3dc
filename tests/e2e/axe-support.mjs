// axe-core in the end-to-end tests (issue #17): runs the axe rules on the page as it is
// and returns the violations of any impact, each as "rule-id (impact): target …", so an
// assertion that the list is empty prints what was found. The script is injected from
// node_modules (a file, not a network fetch), evaluated in the page; the page's own
// Content-Security-Policy does not apply to scripts Playwright evaluates.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The axe violations of `page` (or of one frame), of any impact, as short lines. */
export async function axeViolations(page, { include } = {}) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (context) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, include ?? null);
  return results.map((v) => `${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
}
