// Renders assets/favicon.svg into the PNG icons the web app manifest lists (192 and 512
// px, plus a 512 px "maskable" one with the safe margin Android's masks need), using
// Debian's Chromium. Run by hand after changing the icon; the PNGs are committed.
//   node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const svg = await readFile(join(ASSETS, 'favicon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const jobs = [
  { name: 'icon-192.png', size: 192, inset: 0 },
  { name: 'icon-512.png', size: 512, inset: 0 },
  { name: 'icon-maskable-512.png', size: 512, inset: 0.1 },
];
for (const { name, size, inset } of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const pad = Math.round(size * inset);
  const bg = inset > 0 ? '#0b5cad' : 'transparent';
  const img = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;background:${bg}"><img src="${img}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  await page.locator('img').evaluate((el) => el.decode());
  await page.screenshot({ path: join(ASSETS, name), omitBackground: inset === 0 });
  await page.close();
  console.log(`wrote assets/${name}`);
}
await browser.close();
