import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  downloadedText,
  openPage,
  screenshot,
  seriousA11yViolations,
  startBrowserSuite,
} from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe('Beheer – Audittrail for a functional administrator', () => {
  it('verifies the audit chain and downloads the filtered trail as CSV', async () => {
    const watched = await openPage(browser, { acceptDownloads: true });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/audit`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Beheer – Audittrail' }).waitFor();
      await page.getByRole('table').waitFor();

      await page.getByRole('button', { name: 'Keten controleren' }).click();
      await page.getByText('De keten is intact.').waitFor();
      expect(await page.getByText(/\d+ rijen gecontroleerd/).count()).toBe(1);

      // The action is picked by its words; the filter sends its code.
      await page.getByRole('combobox', { name: 'Actie' }).pressSequentially('aangemeld');
      await page.getByRole('option', { name: /^Aangemeld/ }).click();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      const link = page.getByRole('link', { name: 'CSV downloaden' });
      await eventually(() => link.getAttribute('href')).toBe(
        '/api/v1/audit-events/export?action=auth.sign-in',
      );
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^audittrail-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
      const csv = await downloadedText(download);
      // The confidentiality notice first, then the Dutch column names.
      const [notice, header, ...rows] = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(notice).toMatch(/^"VERTROUWELIJK/);
      expect(header).toMatch(/^Nr\.;Tijdstip \(Nederlandse tijd\);Actor;Actor-id;Actie;/);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.includes(';Aangemeld;auth.sign-in;'))).toBe(true);
      expect(rows.some((row) => row.includes(';Anouk Terpstra;'))).toBe(true);
      await screenshot(page, 'audit-light');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
  it('names actors, actions and objects in words, in Dutch time, and filters on a staff member picked by name', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/audit`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('table').waitFor();
      const actor = page.getByRole('combobox', { name: 'Medewerker' });
      await actor.pressSequentially('terps');
      await page.getByRole('option', { name: 'Anouk Terpstra' }).click();
      expect(await actor.inputValue()).toBe('Anouk Terpstra');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      const table = page.getByRole('table');
      await table
        .getByRole('cell', { name: /Audittrail bekeken/ })
        .first()
        .waitFor();
      const rows = (await table.getByRole('row').allInnerTexts()).slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.includes('Anouk Terpstra'))).toBe(true);
      // Words, not raw action codes (the code is the label's title, for hovering).
      expect(rows.some((row) => row.includes('Aangemeld'))).toBe(true);
      expect(rows.some((row) => /\bauth\.sign-in\b/.test(row))).toBe(false);
      expect(await table.getByText('Aangemeld', { exact: true }).first().getAttribute('title')).toBe(
        'auth.sign-in',
      );

      // The time is Dutch time, whatever the browser's zone (UTC here).
      const time = table.locator('time').first();
      const instant = new Date((await time.getAttribute('datetime')) as string);
      const hour = new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
      expect(await time.textContent()).toContain(hour);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).not.toBe(
        'Europe/Amsterdam',
      );

      // An object type reads as a word, and its id filters the trail.
      await page.getByRole('button', { name: 'Wissen' }).click();
      await page.getByRole('combobox', { name: 'Objecttype' }).click();
      await page.getByRole('option', { name: 'Medewerker' }).click();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await eventually(async () =>
        (await table.getByRole('row').allInnerTexts()).slice(1).every((r) => r.includes('Medewerker')),
      ).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'audit-words');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('pages back through the trail with "Meer laden"', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    // Pages of one event instead of 100, so that even a fresh trail (sign-in, this read) has two pages.
    await page.route('**/api/v1/audit-events?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '1');
      return route.continue({ url: url.toString() });
    });
    try {
      await page.goto(`${server.url}/beheer/audit`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByText('1 gebeurtenis getoond, nieuwste eerst').waitFor();
      const seqs = async () =>
        (await page.getByRole('row').allInnerTexts()).slice(1).map((row) => Number.parseInt(row, 10));
      const first = await seqs();
      await page.getByRole('button', { name: 'Meer laden' }).click();
      await page.getByText('2 gebeurtenissen getoond, nieuwste eerst').waitFor();
      const both = await seqs();
      // The next page continues where the first stopped: older rows, none twice, newest first throughout.
      expect(both.slice(0, 1)).toEqual(first);
      expect(both).toEqual([...both].sort((a, b) => b - a));
      expect(new Set(both).size).toBe(2);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows the form’s own and the API’s field errors next to the fields, keeping what was typed', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/audit`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('table').waitFor();
      // A name typed but not picked from the list would filter on nothing: the form says so.
      const actor = page.getByRole('combobox', { name: 'Medewerker' });
      await actor.fill('anouk');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.getByText('Kies een medewerker uit de lijst, of maak het veld leeg.').waitFor();
      expect(await actor.inputValue()).toBe('anouk');
      expect(await actor.getAttribute('aria-invalid')).toBe('true');

      // Only the API knows the longest object id it accepts; its field error lands under that field.
      await actor.fill('');
      const objectId = page.getByRole('textbox', { name: 'Object-id' });
      await objectId.fill('x'.repeat(201));
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.getByText('Pas de filters aan om de audittrail te tonen.').waitFor();
      expect(await objectId.getAttribute('aria-invalid')).toBe('true');
      expect(await objectId.inputValue()).toHaveLength(201);
      await screenshot(page, 'audit-field-errors');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(watched.consoleErrors.filter((text) => !/status of 400/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
