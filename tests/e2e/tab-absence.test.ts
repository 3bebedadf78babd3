import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { networkIdOf } from './insight-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

const day = (plus: number) =>
  DateTime.now().setZone('Europe/Amsterdam').plus({ days: plus }).toISODate() as string;

describe('the absence page (issue 19): who is away, and who takes over', () => {
  it('lets a coordinator record a colleague’s absence, shows it on the network page, and remove it again', async () => {
    const { page, consoleErrors, close } = await openPage(browser, { viewport: { width: 400, height: 800 } });
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}?theme=light`);
      await page.getByRole('link', { name: 'Afwezigheid' }).click();
      await page.getByRole('heading', { level: 1, name: 'Afwezigheid – Bondgenoten Haven' }).waitFor();
      await page.getByText('Niemand van dit netwerk heeft een afwezigheid opgegeven.').waitFor();

      // A last day before the first: the server's Dutch reason beside the field, and nothing is lost.
      const form = page.getByRole('form', { name: 'Afwezigheid vastleggen' });
      await form.getByLabel('Wie is er afwezig?').selectOption({ label: 'Joris Amrani' });
      await form.getByLabel('Eerste dag').fill(day(3));
      await form.getByLabel('Laatste dag').fill(day(1));
      await form.getByLabel(/Notitie/).fill('Fictieve vakantie');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await form.getByText('Deze datum ligt vóór de begindatum.').waitFor();
      expect(await form.getByLabel('Eerste dag').inputValue()).toBe(day(3));
      expect(await form.getByLabel(/Notitie/).inputValue()).toBe('Fictieve vakantie');
      expect(await page.getByRole('table', { name: 'Afwezig nu en binnenkort' }).count()).toBe(0);

      // Corrected: from today, so Joris is absent now and his back-up takes over.
      await form.getByLabel('Eerste dag').fill(day(0));
      await form.getByLabel('Laatste dag').fill(day(4));
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      const table = page.getByRole('table', { name: 'Afwezig nu en binnenkort' });
      const row = table.getByRole('row', { name: /Joris Amrani/ });
      await row.waitFor();
      await eventually(() => row.textContent()).toContain('nu afwezig');
      expect(await row.textContent()).toContain('Fictieve vakantie');
      expect(await form.getByLabel(/Notitie/).inputValue()).toBe('');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'absence-400');

      // The network page's staff table says so too.
      await page.getByRole('link', { name: 'Terug naar Bondgenoten Haven' }).click();
      await page.getByRole('heading', { level: 1, name: /Bondgenoten Haven/ }).waitFor();
      await page.getByText(/Afwezig t\/m .*: de back-up neemt het over/).waitFor();

      // Removing asks first, then the row is gone and Joris counts as present again.
      await page.goto(`${server.url}/netwerken/${haven}/afwezigheid?theme=light`);
      await page.getByRole('button', { name: /Afwezigheid van Joris Amrani van .* verwijderen/ }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Afwezigheid verwijderen?' });
      await dialog.getByRole('button', { name: 'Verwijderen' }).click();
      await page.getByText('Niemand van dit netwerk heeft een afwezigheid opgegeven.').waitFor();
      // The one refusal the test provoked (a last day before the first) is the only error the console saw.
      expect(consoleErrors.filter((line) => !/status of 400 .*\/absences\)/.test(line))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('offers a secretary only their own absence, in English too', async () => {
    const { page, consoleErrors, close } = await openPage(browser);
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Petra Lindeboom');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/afwezigheid?theme=light`);
      const form = page.getByRole('form', { name: 'Afwezigheid vastleggen' });
      await form.getByText('Voor: Petra Lindeboom').waitFor();
      expect(await form.getByLabel('Wie is er afwezig?').count()).toBe(0);
      // The local run has no Outlook: the page says so instead of guessing a period.
      await form.getByRole('button', { name: 'Overnemen uit Outlook' }).click();
      await form
        .getByRole('status')
        .getByText('Outlook is in deze omgeving niet gekoppeld: vul de periode zelf in.')
        .waitFor();
      await form.getByLabel('Eerste dag').fill(day(10));
      await form.getByLabel('Laatste dag').fill(day(12));
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      const row = page.getByRole('table', { name: 'Afwezig nu en binnenkort' }).getByRole('row', {
        name: /Petra Lindeboom/,
      });
      await row.waitFor();
      expect(await row.textContent()).not.toContain('nu afwezig');

      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Absence – Bondgenoten Haven' }).waitFor();
      await page.getByRole('form', { name: 'Record an absence' }).getByText('For: Petra Lindeboom').waitFor();
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
