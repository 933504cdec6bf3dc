// The drafts panel on a phone (issue #17): at 360 and 390 px, with three drafts, it stays
// compact (one column of fields, each row of buttons on one line, one line per draft),
// nothing scrolls sideways, every control is still there and works (the file chooser
// opens from its button), and axe-core finds nothing in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './support.mjs';
import { axeViolations } from './axe-support.mjs';

const app = useApp('/');
const CONTROLS = [
  'draft-name', 'draft-note', 'draft-new', 'draft-duplicate', 'draft-delete', 'export-draft',
  'export-all', 'import-file', 'share-draft', 'draft-compare', 'storage-health', 'last-export', 'save-status',
];

/** Waits until the open draft is saved. */
async function saved(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.dataset.status === 'saved',
    null,
    { timeout: 10_000 },
  );
}

/** The distinct tops (rounded) of the visible buttons in `selector`. */
const rows = (page, selector) =>
  page.locator(selector).evaluate((el) => [
    ...new Set(
      [...el.querySelectorAll('button, label')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => Math.round(b.getBoundingClientRect().top)),
    ),
  ]);

for (const width of [360, 390]) {
  test(`drafts panel at ${width} px with three drafts: compact, every control kept, no sideways scroll`, async () => {
    const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant`, { viewport: { width, height: 800 } });
    const box = (year) => page.locator(`[data-testid="scenario-input"][data-input-id="grdp_constant:${year}"]`);
    for (const [name, growth] of [['Thấp', '6'], ['Trung bình', '9'], ['Cao và dài hơn một dòng trên điện thoại', '12']]) {
      if (name !== 'Thấp') await page.getByTestId('draft-new').click();
      await box(2025).fill(growth);
      await page.getByTestId('draft-name').fill(name);
      await saved(page);
    }
    const panel = page.getByTestId('drafts-panel');
    assert.equal(await page.getByTestId('draft-item').count(), 3);
    for (const id of CONTROLS) assert.equal(await panel.getByTestId(id).count(), 1, id);
    const width_ = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width_ <= width, `page is ${width_}px wide`);
    // Before (issue #17) the panel was 789 px tall here: the note box beside the name ran
    // off the screen, the buttons took five rows and each draft two lines.
    const height = (await panel.boundingBox()).height;
    assert.ok(height <= 560, `drafts panel is ${height}px tall`);
    assert.equal((await rows(page, '.draft-actions')).length, 1, 'draft actions in one row');
    assert.ok((await rows(page, '.draft-files')).length <= 2, 'file actions in two rows at most');
    for (const item of await page.getByTestId('draft-item').all()) {
      const h = (await item.boundingBox()).height;
      assert.ok(h <= 40, `a draft takes ${h}px`);
    }
    // The name and the note, one above the other, inside the panel.
    const [name, note, frame] = [await page.getByTestId('draft-name').boundingBox(), await page.getByTestId('draft-note').boundingBox(), await panel.boundingBox()];
    assert.ok(note.y >= name.y + name.height, 'the note is under the name');
    assert.ok(note.x + note.width <= frame.x + frame.width, 'the note box stays inside the panel');

    // Behaviour kept: a draft of the list opens; the file button opens the file chooser.
    await page.getByTestId('draft-item').filter({ hasText: 'Thấp' }).locator('button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'Thấp');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.locator('.file-button').click()]);
    assert.equal(chooser.isMultiple(), false);
    assert.deepEqual(await axeViolations(page, { include: '[data-testid="drafts-panel"]' }), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('on a desktop too, the file chooser is the import button, with no browser-language box beside it', async () => {
  const { page, context, errors } = await openApp(app.browser, app.url, { viewport: { width: 1280, height: 800 } });
  const button = page.getByTestId('drafts-panel').locator('.file-button');
  // The browser's own "Choose File / No file chosen" box is there, unseen, inside the button.
  const file = page.getByTestId('import-file');
  assert.equal(await file.evaluate((e) => getComputedStyle(e).opacity), '0');
  const [outer, inner] = [await button.boundingBox(), await file.boundingBox()];
  // It covers the button (inside its border), so a click anywhere on it opens the chooser.
  assert.ok(inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height, 'inside the button');
  assert.ok(inner.width * inner.height >= 0.8 * outer.width * outer.height, 'covering the button');
  assert.equal((await button.innerText()).trim(), 'Nhập tệp');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  assert.equal(chooser.isMultiple(), false);
  assert.deepEqual(errors, []);
  await context.close();
});
