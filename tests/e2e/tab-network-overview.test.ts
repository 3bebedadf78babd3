import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { expectSaying } from '../helpers/expect-saying.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';

/**
 * The cross-network overview (issue 17): reached from the thermometer, one table per network with counts and no
 * names; a coordinator sees only their own network, an administrator every network; Dutch only; axe clean in
 * three themes.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

async function open(page: Page, who: string, path: string, theme = 'light') {
  await page.goto(`${server.url}/?theme=${theme}`);
  await signInAs(page, who);
  await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
}

const overviewTable = (page: Page) => page.getByRole('table', { name: /Netwerkoverzicht van/ });
const rows = (page: Page) =>
  overviewTable(page)
    .getByRole('row')
    .allInnerTexts()
    .then((all) => all.slice(1).map((row) => row.replace(/\s+/g, ' ').trim()));

// As the Dutch walk reads a page: English words a developer would write, and raw codes.
const ENGLISH =
  /\b(the|is required|must|Invalid|not found|Error|Loading|Save|Cancel|Submit|expected|undefined|null|NaN|overdue|later|due)\b/;
const RAW_CODE = /\b[a-z]+(-[a-z]+){2,}\b|\b[a-z]+\.[a-z-]+\b|urn:|\{[a-zA-Z]+\}/;

describe('the network overview in the tab', () => {
  it('is reached from the thermometer and shows a coordinator only her own network, sortable', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await open(page, 'Sanne Verhoef', '/signalen');
      await page.getByRole('heading', { level: 1, name: 'Thermometer' }).waitFor();
      await page.getByRole('link', { name: 'Netwerkoverzicht' }).click();
      await page.getByRole('heading', { level: 1, name: 'Netwerkoverzicht' }).waitFor();
      await overviewTable(page).waitFor();
      expect(await rows(page)).toHaveLength(1);
      expect((await rows(page))[0]).toContain('Bondgenoten Haven');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('Bondgenoten Buiten');
      expect(main).not.toContain('Yasmina');
      // The server's default period is in the form once the table is there.
      expect(await page.getByLabel('Van').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A period with no meetings, signals or call-outs.
      await page.getByLabel('Van').fill('2019-01-01');
      await page.getByLabel('Tot en met').fill('2019-12-31');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page
        .getByRole('table', { name: 'Netwerkoverzicht van 1 januari 2019 tot en met 31 december 2019' })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('van')).toBe('2019-01-01');
      const signals = page.getByRole('columnheader', { name: 'Signalen' });
      await signals.getByRole('button').click();
      await eventually(() => signals.getAttribute('aria-sort')).toBe('ascending');
      await signals.getByRole('button').click();
      await eventually(() => signals.getAttribute('aria-sort')).toBe('descending');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows an administrator every network, in Dutch only, and a bad period as a Dutch field error', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await open(page, 'Anouk Terpstra', '/signalen/netwerkoverzicht');
      await overviewTable(page).waitFor();
      const all = await rows(page);
      for (const name of ['Bondgenoten Haven', 'Bondgenoten Stad', 'Bondgenoten Buiten'])
        expect(all.some((row) => row.includes(name))).toBe(true);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines a reader sees
      for (const line of (await page.locator('main').innerText()).split('\n')) {
        expectSaying(ENGLISH.exec(line), line).toBeNull();
        expectSaying(RAW_CODE.exec(line), line).toBeNull();
      }
      await screenshot(page, 'network-overview');
      await page.getByLabel('Van').fill('2019-06-01');
      await page.getByLabel('Tot en met').fill('2019-01-01');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await eventually(() => page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBe('true');
      expect(watched.consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await open(page, 'Anouk Terpstra', '/signalen/netwerkoverzicht', theme);
        await overviewTable(page).waitFor();
        await page.mouse.move(0, 0);
        expect(await seriousA11yViolations(page)).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});
