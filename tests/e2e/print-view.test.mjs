// The print view (issues #13 and #17): axe-core finds nothing in the printed dashboard
// report and the printed scenario, in both languages, with the page in print media; and
// a report printed while another day is in use (`ngay=`) says which day its figures
// stand on, while one printed on today says nothing of the kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, toEnglish, stubPrint } from './support.mjs';
import { axeViolations } from './axe-support.mjs';

const app = useApp('/');

/** Clicks a print button and shows the page as it prints. */
async function printWith(page, button, report) {
  await page.emulateMedia({ media: 'screen' });
  await stubPrint(page);
  await page.getByTestId(button).click();
  await page.waitForFunction(() => window.__prints === 1);
  await page.getByTestId(report).waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId(report).isVisible(), true, `${report} shows in print`);
}

test('axe-core: no violation in the printed dashboard report and the printed scenario, in both languages', async () => {
  for (const english of [false, true]) {
    const where = english ? 'en' : 'vi';
    const { page, context, errors } = await openApp(app.browser, `${app.url}?ct=grdp_constant&gd=2024:10`);
    if (english) await toEnglish(page);
    await printWith(page, 'print-report', 'report-dashboard');
    assert.deepEqual(await axeViolations(page), [], `dashboard report (${where})`);
    await printWith(page, 'print-scenario', 'report-scenario');
    assert.deepEqual(await axeViolations(page), [], `scenario report (${where})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a report printed as of another day names that day; one printed on today does not', async () => {
  // The page lives on 2025-06-01 (the tests' clock); the link asks for 31/12/2024.
  const asOf = await openApp(app.browser, `${app.url}?mo=kon-tum-2021-2025&ct=grdp_constant&ngay=2024-12-31`);
  await printWith(asOf.page, 'print-report', 'report-dashboard');
  assert.equal(
    await asOf.page.getByTestId('report-as-of').innerText(),
    'Số liệu như tại ngày 31/12/2024 (không tính số liệu công bố sau ngày này)',
  );
  await printWith(asOf.page, 'print-scenario', 'report-scenario');
  assert.match(await asOf.page.getByTestId('report-scenario').innerText(), /Số liệu như tại ngày 31\/12\/2024/);
  assert.deepEqual(asOf.errors, []);
  await asOf.context.close();

  const now = await openApp(app.browser, `${app.url}?mo=kon-tum-2021-2025&ct=grdp_constant`);
  await printWith(now.page, 'print-report', 'report-dashboard');
  assert.equal(await now.page.getByTestId('report-as-of').count(), 0, 'no as-of line on today');
  assert.deepEqual(now.errors, []);
  await now.context.close();
});
