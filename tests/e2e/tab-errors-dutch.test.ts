import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import { closeBrowserSuite, openPage, screenshot, signInAs, startBrowserSuite } from './browser.js';
import { networkIdOf } from './insight-pages.js';
import { openNetworkFromOverview } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

// What the API's English field messages and codes look like; none of it may reach the Dutch tab.
const ENGLISH = /is required|is not a wijk|the limit is|must be|not valid|CSV_|Invalid|expected/;

// The browser logs the refused requests itself; nothing else may go wrong.
const unexpected = (errors: string[]) => errors.filter((text) => !/status of (400|422)/.test(text));

const HEADER = 'naam;soort;wijk;gemeenschappen;mobiel;voorkeurskanaal;grondslag';

describe('errors in Dutch, by code', () => {
  it('shows the import preview’s cell errors and an unreadable file in Dutch', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/import`);
      const text = page.getByRole('textbox', { name: 'Of plak de inhoud van het bestand' });
      await text.fill(
        [
          HEADER,
          ';sleutelfiguur;De Velden;Scholen;06-11112222;WhatsApp;publieke taak',
          'Fictieve Importfout;vriend;Nergenshuizen;Scholen;06-1;WhatsApp;publieke taak',
          'Fictieve Dubbel;sleutelfiguur;De Velden;Scholen;06-22223333;WhatsApp;publieke taak',
          'Fictieve Dubbel;sleutelfiguur;De Velden;Scholen;06-22223333;WhatsApp;publieke taak',
        ].join('\r\n'),
      );
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      const preview = page.getByRole('table', { name: 'Voorbeeld van de import, per regel van het bestand' });
      await preview.waitFor();
      const rows = await preview.textContent();
      expect(rows).toContain('Regel 2, kolom naam: Vul dit in.');
      expect(rows).toContain(
        'Regel 3, kolom soort: Kies een van deze waarden: sleutelfiguur, bondgenoot, oud-bondgenoot, oud-sleutelfiguur.',
      );
      expect(rows).toContain('Regel 3, kolom wijk: Deze wijk hoort niet bij deze gemeente.');
      expect(rows).toContain('Regel 3, kolom mobiel: Vul een geldig telefoonnummer in');
      expect(rows).toContain('Regel 5, kolom naam: Dit staat ook op regel 4.');
      expect(rows).not.toMatch(ENGLISH);
      await screenshot(page, 'import-errors-dutch');

      // A file that is no CSV at all: the reason in Dutch, not the parser's code.
      await text.fill(`${HEADER}\r\n"Fictief Open Citaat;sleutelfiguur;De Velden\r\n`);
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByText(/Het bestand is geen leesbare CSV/).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(ENGLISH);
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('moves focus to the first field the server refused, out of sight in a long dialog', async () => {
    const watched = await openPage(browser, { viewport: { width: 1000, height: 560 } });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      const form = page.getByRole('dialog', { name: 'Persoon toevoegen aan Bondgenoten Haven' });
      await form.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Focus');
      // A number the browser cannot judge; the server refuses it.
      await form.getByRole('textbox', { name: 'Mobiel' }).fill('06-1');
      await form.getByLabel('Datum toestemming').fill('2026-11-01');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.getByText(/Vul een geldig telefoonnummer in/).waitFor();

      const mobile = form.getByRole('textbox', { name: 'Mobiel' });
      await eventually(() => mobile.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await mobile.getAttribute('aria-invalid')).toBe('true');
      // In sight: inside the viewport, not hidden below the dialog's scrolled content.
      const box = await mobile.boundingBox();
      expect(box).not.toBeNull();
      expect(box && box.y >= 0 && box.y + box.height <= 560).toBe(true);
      expect(await form.textContent()).not.toMatch(ENGLISH);
      await screenshot(page, 'person-form-focus-error');
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
