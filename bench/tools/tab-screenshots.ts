// Screenshots of the first pages (overview, network page, meetings, call-out page) in the light, dark and high
// contrast themes (`?theme=`), of the tab built in dist/tab, into OUT (a directory); with COMPARE=<dir> it then
// counts the pixels that differ from the screenshots of the same name in <dir> (decoded in Chromium); SHOOT=0 only
// compares.
//   OUT=/tmp/shots-after COMPARE=/tmp/shots-before node --import tsx bench/tools/tab-screenshots.ts
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { freshContext } from '../lib/page-timing.js';

const out = process.env.OUT ?? 'tab-screenshots';
const compare = process.env.COMPARE;
const themes = ['light', 'dark', 'contrast'];
const shoot = process.env.SHOOT !== '0';

/** Counts the pixels two PNGs (base64) differ in, decoded by the page's canvas. */
const PIXEL_DIFF = `async (first, second) => {
  const decode = async (data) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height);
  };
  const x = await decode(first);
  const y = await decode(second);
  if (x.width !== y.width || x.height !== y.height)
    return 'size ' + x.width + 'x' + x.height + ' vs ' + y.width + 'x' + y.height;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4)
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2] || x.data[i + 3] !== y.data[i + 3])
      differing++;
  return differing + ' of ' + x.width * x.height + ' pixels differ';
}`;

const session = await openFirstPageSession(['overview', 'network', 'meetings', 'call-out']);
try {
  await mkdir(out, { recursive: true });
  const context = await freshContext(session.browser, session.baseUrl, session.cookie);
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const target of shoot ? session.pages : [])
    for (const theme of themes) {
      const separator = target.path.includes('?') ? '&' : '?';
      await page.goto(`${session.baseUrl}${target.path}${separator}theme=${theme}`, {
        waitUntil: 'networkidle',
      });
      await page.getByRole('heading', { level: 1, name: target.heading }).waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
      await page.screenshot({
        path: join(out, `${target.name}-${theme}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    }
  if (compare) {
    const lines: string[] = [];
    for (const name of (await readdir(out)).filter((file) => file.endsWith('.png')).sort()) {
      const a = (await readFile(join(out, name))).toString('base64');
      const b = (await readFile(join(compare, name))).toString('base64');
      // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
      const result = await page.evaluate(`(${PIXEL_DIFF})(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
      lines.push(`${name}: ${result}`);
    }
    await writeFile(join(out, 'compare.txt'), `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  }
  await context.close();
} finally {
  await session.close();
}
