import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  downloadedText,
  openPage,
  SCREENSHOT_DIR,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { networkIdOf, networkPeople } from './insight-pages.js';
import {
  elementsPastWindow,
  menuLinksOutOfReach,
  phoneLinksOutOfPlace,
  wordsBrokenInside,
} from './narrow-layout.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

const HEADER = 'naam;soort;wijk;gemeenschappen;mobiel;voorkeurskanaal;grondslag';
const GOOD_ROW = 'Fictieve Import Een;sleutelfiguur;De Velden;Scholen;06-11112222;WhatsApp;publieke taak';
const csvWith = (mobile: string) =>
  `${HEADER}\r\n${GOOD_ROW}\r\nFictieve Import Twee;sleutelfiguur;De Werven;Protestants;${mobile};telefoon;publieke taak\r\n`;

describe('Importeren: all or nothing, with the errors per line and column', () => {
  it('names the bad line and column, imports nothing, and imports the file once it is fixed', async () => {
    const watched = await openPage(browser, { acceptDownloads: true });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/import`);
      await page
        .getByRole('heading', { level: 1, name: 'Importeren en exporteren – Bondgenoten Haven' })
        .waitFor();

      // The file picker reads the file in the browser (UTF-8) into the text area.
      // The Fluent button opens the browser's (hidden) file input; the test hands that input the file directly.
      await page.getByTestId('import-file').setInputFiles({
        name: 'haven.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csvWith('06-1'), 'utf8'),
      });
      await page.getByText('haven.csv ingelezen (3 regels).').waitFor();
      const importButton = page.getByRole('button', { name: 'Importeren', exact: true });
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');

      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByText('2 rijen gecontroleerd: 1 zonder fouten, 1 met fouten.').waitFor();
      const preview = page.getByRole('table', { name: 'Voorbeeld van de import, per regel van het bestand' });
      const bad = preview.getByRole('row', { name: /Fictieve Import Twee/ });
      expect(await bad.textContent()).toMatch(/Regel 3, kolom mobiel: /);
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');
      await screenshot(page, 'import-errors-light');
      // Nothing was stored: a preview only checks.
      const before = await networkPeople(page, haven);
      expect(before.keyFigures.map((person) => person.displayName)).not.toContain('Fictieve Import Een');

      // Fixing the row asks for a new preview; then the import runs.
      await page
        .getByRole('textbox', { name: 'Of plak de inhoud van het bestand' })
        .fill(csvWith('06-33334444'));
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByText('2 rijen gecontroleerd: 2 zonder fouten, 0 met fouten.').waitFor();
      await eventually(() => importButton.getAttribute('aria-disabled')).not.toBe('true');
      await importButton.click();
      await page.getByText('2 personen geïmporteerd.').first().waitFor();
      await screenshot(page, 'import-done-light');
      const after = await networkPeople(page, haven);
      expect(after.keyFigures.map((person) => person.displayName)).toEqual(
        expect.arrayContaining(['Fictieve Import Een', 'Fictieve Import Twee']),
      );

      // The export (local run: a plain link with the session cookie) holds them too.
      const link = page.getByRole('link', { name: 'Exporteren (CSV)' });
      expect(await link.getAttribute('href')).toBe(`/api/v1/networks/${haven}/export`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const csv = await downloadedText(download);
      expect(csv).toContain('Fictieve Import Twee');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('Importeren uit Excel', () => {
  it('reads a workbook picked from disk, previews it and imports it', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/import`);
      const workbook = await writeXlsxFile([
        HEADER.split(';').map((value) => ({ value })),
        [
          'Fictieve Excel Een',
          'sleutelfiguur',
          'De Velden',
          'Scholen',
          '06-55556666',
          'WhatsApp',
          'publieke taak',
        ].map((value) => ({ value })),
      ]).toBuffer();
      await page.getByTestId('import-file').setInputFiles({
        name: 'haven.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: workbook,
      });
      await page
        .getByText('Werkboek haven.xlsx ingelezen; het eerste werkblad wordt geïmporteerd.')
        .waitFor();
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByText('1 rij gecontroleerd: 1 zonder fouten, 0 met fouten.').waitFor();
      const importButton = page.getByRole('button', { name: 'Importeren', exact: true });
      await eventually(() => importButton.getAttribute('aria-disabled')).not.toBe('true');
      await importButton.click();
      await page.getByText('1 persoon geïmporteerd.').first().waitFor();
      const after = await networkPeople(page, haven);
      expect(after.keyFigures.map((person) => person.displayName)).toContain('Fictieve Excel Een');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('Crisiskaart', () => {
  it('shows who to call with tel: links, and prints on A4 without the app around it', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=dark`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/crisiskaart?theme=dark`);
      await page.getByRole('heading', { level: 1, name: 'Crisiskaart – Bondgenoten Haven' }).waitFor();
      await page.getByText(/bijzondere persoonsgegevens.*vernietig hem na gebruik/).waitFor();
      const staff = page.getByRole('table', { name: 'Medewerkers' });
      const sanne = staff.getByRole('row', { name: /^Sanne Verhoef/ });
      expect(await sanne.textContent()).toContain('Joris Amrani');
      // Her own work number and her back-up's, both callable.
      expect(
        await sanne.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual(['tel:+46701740686', 'tel:+46701740687']);
      const allies = page.getByRole('table', { name: 'Bondgenoten' });
      const yasmina = allies.getByRole('row', { name: /^Yasmina el Ouali/ });
      expect(await yasmina.getByRole('link').getAttribute('href')).toBe('tel:+46701740605');
      expect(await page.getByRole('table', { name: 'Sleutelfiguren' }).textContent()).toContain(
        'Ravi Ramsaran-Tol',
      );
      await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
      await screenshot(page, 'crisis-screen-dark');

      // On paper: no header, navigation or buttons; black on white even from the dark theme.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      const colours = await page
        .getByRole('heading', { level: 1 })
        .evaluate((heading) => [
          getComputedStyle(heading).color,
          getComputedStyle(document.body).backgroundColor,
        ]);
      expect(colours[0]).toBe('rgb(0, 0, 0)');
      await screenshot(page, 'crisis-print');
      // On A4 (210 mm less the sheet's 15 mm margins: 180 mm, 680 CSS px): every table fits the paper, each number is
      // one whole line in its cell, and no word ("Coördinator") is split over two lines.
      const sheetOnPaper = page.locator('[data-crisis-sheet]');
      const screenSize = page.viewportSize();
      await page.setViewportSize({ width: 680, height: 962 });
      expect(await elementsPastWindow(sheetOnPaper)).toEqual([]);
      expect(await phoneLinksOutOfPlace(sheetOnPaper)).toEqual([]);
      expect(await wordsBrokenInside(sheetOnPaper)).toEqual([]);
      if (screenSize) await page.setViewportSize(screenSize);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdfPath = join(SCREENSHOT_DIR, 'tab-crisis-sheet.pdf');
      await writeFile(pdfPath, pdf);
      // A page image for a person to look at, when poppler is installed.
      if (existsSync('/usr/bin/pdftoppm')) {
        await promisify(execFile)('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          '1',
          '-l',
          '1',
          pdfPath,
          pdfPath.replace(/\.pdf$/, ''),
        ]);
      }

      // On a phone (Teams mobile, the narrow side panel): nothing runs past the screen, every number stays one link
      // on one line inside its own cell, no word is split over two lines, and the whole menu can be reached.
      // Opened afresh on the narrow screen: right after page.pdf(), Chromium can still report the print layout's
      // width (CI once read a scrollWidth of 828 at a 400 px viewport).
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 400, height: 900 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Crisiskaart – Bondgenoten Haven' }).waitFor();
      const sheet = page.locator('[data-crisis-sheet]');
      await sanne.waitFor();
      await expect(sanne.getByRole('link').count()).resolves.toBe(2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      expect(await elementsPastWindow(sheet)).toEqual([]);
      expect(await phoneLinksOutOfPlace(sheet)).toEqual([]);
      expect(await wordsBrokenInside(sheet)).toEqual([]);
      expect(await menuLinksOutOfReach(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'crisis-screen-narrow-dark');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
