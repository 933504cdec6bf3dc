// The quarterly scenario (components/quarterly/) on a 360 px phone, in both languages
// (issue #17): nothing scrolls the page sideways, the wide tables scroll inside their own
// box with the sector names kept in view, the box of results can be scrolled from the
// keyboard, and axe-core finds no violation of any impact, empty or filled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';
import { axeViolations } from './axe-support.mjs';
import { PASTED_WITH_TOTAL as PASTED } from './quarterly-support.mjs';

const app = useApp('/');
const PHONE = { width: 360, height: 740 };

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const lang of ['vi', 'en']) {
  test(`quarterly scenario at 360 px (${lang}): fits the width, tables scroll in their box, axe finds nothing`, async () => {
    const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&lang=${lang}`, { viewport: PHONE });
    await page.getByTestId('quarterly-open').click();
    const section = page.getByTestId('quarterly');
    await section.getByTestId('quarter-results').waitFor();
    assert.ok((await pageWidth(page)) <= PHONE.width, `page is ${await pageWidth(page)}px wide`);
    assert.deepEqual(await axeViolations(page, { include: '[data-testid="quarterly"]' }), [], `empty (${lang})`);

    // Filled: the pasted base and a growth in every cell.
    await page.getByTestId('quarter-paste').fill(PASTED);
    await page.getByTestId('quarter-paste-run').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="quarter-base"][data-sector="services"][data-quarter="4"]')?.value !== '',
    );
    for (const input of await page.locator('[data-testid="quarter-growth"]').all()) await input.fill('7');
    assert.ok((await pageWidth(page)) <= PHONE.width, `filled page is ${await pageWidth(page)}px wide`);
    assert.deepEqual(await axeViolations(page, { include: '[data-testid="quarterly"]' }), [], `filled (${lang})`);

    // The results table is wider than the phone: its box scrolls, the page does not,
    // and the sector names stay at the left edge of the box while it scrolls.
    const box = page.getByTestId('quarter-results-scroll');
    const sizes = await box.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    assert.ok(sizes.scroll > sizes.client, `results ${sizes.scroll}px in a ${sizes.client}px box`);
    const rowHead = box.locator('tbody th[scope="row"]').first();
    const before = await rowHead.boundingBox();
    await box.evaluate((b) => { b.scrollLeft = 200; });
    const after = await rowHead.boundingBox();
    assert.ok(Math.abs(after.x - before.x) <= 1, `row heading moved from ${before.x} to ${after.x}`);
    // The box takes the keyboard focus, so it can be scrolled without a mouse.
    assert.equal(await box.getAttribute('tabindex'), '0');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
