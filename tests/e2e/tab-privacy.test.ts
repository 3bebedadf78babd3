import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import { openBeheer } from './admin-pages.js';
import {
  closeBrowserSuite,
  downloadedBytes,
  downloadedText,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

/** The JSON of the download a click starts. */
/** A PDF downloaded by a click: its file name and whether it starts as a PDF does. */
async function downloadedPdf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await downloadedBytes(download);
  return { name: download.suggestedFilename(), header: bytes.subarray(0, 5).toString('latin1') };
}

async function downloadedJson(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), json: JSON.parse(await downloadedText(download)) };
}

const privacyNav = (page: Page) => page.getByRole('navigation', { name: 'Privacy-onderdelen' });

describe('Beheer → Privacy for a functional administrator', () => {
  it('changes a retention rule (keeping a refused value), previews, reads the register and erases a person', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Anouk Terpstra');
      await openBeheer(page, 'Rollen');
      await page
        .getByRole('navigation', { name: 'Beheeronderdelen' })
        .getByRole('link', { name: 'Privacy' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Beheer – Privacy' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer/privacy');

      // Bewaartermijnen: an out-of-range value is refused in Dutch next to its field, and stays typed.
      const rule = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Contactnotities' }) });
      const days = rule.getByRole('spinbutton', { name: /Bewaartermijn in dagen/ });
      await days.waitFor();
      expect(await days.inputValue()).toBe('730');
      await rule.getByText(/Vanaf de dag van het contact/).waitFor();
      await days.fill('20');
      await rule.getByRole('button', { name: 'Bewaartermijn opslaan: Contactnotities' }).click();
      const error = rule.getByText('Kies een bewaartermijn van 30 tot 3650 dagen, in hele dagen.');
      await error.waitFor();
      expect(await days.inputValue()).toBe('20');
      expect(await days.getAttribute('aria-invalid')).toBe('true');
      expect((await days.getAttribute('aria-describedby')) ?? '').toContain(
        (await error.getAttribute('id')) ?? '-',
      );

      // Shorter than the inactivity window of key figures (730): refused with its own limit, in Dutch.
      await days.fill('400');
      await rule.getByRole('button', { name: 'Bewaartermijn opslaan: Contactnotities' }).click();
      await rule.getByText(/^Minimaal 730 dagen: zo lang meet de app/).waitFor();
      expect(await days.inputValue()).toBe('400');

      await days.fill('800');
      await rule.getByRole('button', { name: 'Bewaartermijn opslaan: Contactnotities' }).click();
      await rule.getByText('De bewaartermijn is opgeslagen: 800 dagen.').waitFor();
      await rule.getByText('Aangepast').waitFor();

      // The preview follows the saved rule: counts per kind, today and within N days.
      const preview = page.getByRole('table', { name: 'Aantallen die worden opgeschoond' });
      const notesRow = preview.getByRole('row').filter({ hasText: 'Contactnotities' });
      await notesRow.getByRole('cell', { name: '800 dagen' }).waitFor();
      expect(await preview.getByRole('row').count()).toBe(9);
      const within = page.getByRole('spinbutton', { name: /Binnen hoeveel dagen/ });
      await within.fill('400');
      await page.getByRole('button', { name: 'Bekijken' }).click();
      await page.getByText('Kies 1 tot 365 dagen, in hele dagen.').waitFor();
      expect(await within.inputValue()).toBe('400');
      await within.fill('60');
      await page.getByRole('button', { name: 'Bekijken' }).click();
      await preview.getByRole('columnheader', { name: 'Binnen 60 dagen' }).waitFor();
      for (const text of await preview
        .getByRole('row')
        .filter({ hasText: 'Contactnotities' })
        .getByRole('cell')
        .allInnerTexts()) {
        expect(text).toMatch(/^(Contactnotities|800 dagen|\d+)$/);
      }
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Verwerkingsregister: readable, with the rule in force, and as a download.
      await privacyNav(page).getByRole('link', { name: 'Verwerkingsregister' }).click();
      await page.getByRole('heading', { level: 2, name: 'Verwerkingsregister' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer/privacy/verwerkingsregister');
      // The fixed texts (purposes, categories, measures) in Dutch, by their keys.
      await page.getByText(/^Bijzondere persoonsgegevens \(AVG art\. 9\)/).waitFor();
      await page
        .getByText('Microsoft (Microsoft 365, Teams, Graph, Azure) als verwerker, binnen de EU-datagrens')
        .waitFor();
      expect(await page.locator('li[lang="en"]').count()).toBe(0);
      const registerRetention = page.getByRole('table', { name: 'Bewaartermijnen in het register' });
      await registerRetention
        .getByRole('row')
        .filter({ hasText: 'Contactnotities' })
        .getByRole('cell', { name: '800 dagen (standaard 730)' })
        .waitFor();
      await page.getByRole('heading', { level: 2, name: 'Beveiligingsmaatregelen' }).waitFor();
      const register = await downloadedJson(page, () =>
        page.getByRole('button', { name: 'Register downloaden (JSON)' }).click(),
      );
      expect(register.name).toMatch(/^verwerkingsregister-\d{4}-\d{2}-\d{2}\.json$/);
      expect(register.json.retention).toContainEqual(
        expect.objectContaining({ kind: 'contact-notes', days: 800 }),
      );
      // The register as a readable PDF for the FG, in the tab's language.
      const registerPdf = page.getByRole('link', { name: 'Register downloaden (PDF)' });
      expect(await registerPdf.getAttribute('href')).toBe('/api/v1/privacy/register.pdf?lang=nl');
      expect(await downloadedPdf(page, () => registerPdf.click())).toEqual({
        name: 'verwerkingsregister.pdf',
        header: '%PDF-',
      });
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Persoon: find, inzage, consent withdrawal (a future date refused in Dutch), erasure with a reason.
      await privacyNav(page).getByRole('link', { name: 'Persoon' }).click();
      const name = page.getByRole('searchbox', { name: /Naam/ });
      await name.fill('B');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText('Vul minstens 2 tekens van de naam in.').waitFor();
      await name.fill('Wolters');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      const results = page.getByRole('list', { name: 'Gevonden personen' });
      await results.getByText('Bas Wolters').waitFor();
      await results.getByRole('button', { name: 'Kiezen: Bas Wolters' }).click();
      await page.getByRole('heading', { level: 2, name: 'Bas Wolters' }).waitFor();
      await page.getByText('Toestemming (AVG art. 6 lid 1a en art. 9 lid 2a)').waitFor();

      const inzage = await downloadedJson(page, () =>
        page.getByRole('button', { name: 'Inzage downloaden (JSON)' }).click(),
      );
      expect(inzage.json.person.displayName).toBe('Bas Wolters');
      expect(inzage.json.accessLog).toContainEqual(expect.objectContaining({ action: 'person.inzage' }));
      await page.getByText(/De inzage is gedownload/).waitFor();
      const inzagePdf = page.getByRole('link', { name: 'Inzage downloaden (PDF)' });
      expect(await downloadedPdf(page, () => inzagePdf.click())).toEqual({
        name: 'inzage.pdf',
        header: '%PDF-',
      });

      const withdrawnOn = page.getByLabel(/Datum van intrekking/);
      await withdrawnOn.fill('2099-01-01');
      await page.getByRole('button', { name: 'Intrekking vastleggen' }).click();
      await page.getByText('Deze datum ligt in de toekomst.').waitFor();
      await withdrawnOn.fill('2026-01-02');
      await page.getByRole('button', { name: 'Intrekking vastleggen' }).click();
      await page.getByText(/De intrekking is vastgelegd op 2026-01-02/).waitFor();

      await page.getByRole('button', { name: 'Persoon wissen…' }).click();
      await page.getByText('Kies een reden.').waitFor();
      await page.getByRole('radio', { name: 'Op verzoek van de persoon zelf' }).check();
      await page.getByRole('button', { name: 'Persoon wissen…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Bas Wolters definitief wissen?' });
      await dialog.getByText(/vervangen door ‘Gewiste persoon’/).waitFor();
      await dialog.getByText('Reden: Op verzoek van de persoon zelf.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
      await page.getByText(/Bas Wolters is gewist \(Op verzoek van de persoon zelf\)/).waitFor();
      await page.getByText('Niemand gevonden met ‘Wolters’.').waitFor();

      // Searching again finds nobody: the person is a tombstone without a name.
      await name.fill('Bas Wolters');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText('Niemand gevonden met ‘Bas Wolters’.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The refused saves (retention, preview, the future date) are the only errors the browser logged.
      expect(watched.consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('fits 400 px wide in every privacy page, scrolling only the tables sideways', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 800 } });
    const { page } = watched;
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      await page.goto(`${server.url}/beheer/privacy?theme=light`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Beheer – Privacy' }).waitFor();
      await page.getByRole('table', { name: 'Aantallen die worden opgeschoond' }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/h18tab-retention-400.png' });
      await screenshot(page, 'privacy-retention-narrow');

      await privacyNav(page).getByRole('link', { name: 'Verwerkingsregister' }).click();
      await page.getByRole('table', { name: 'Bewaartermijnen in het register' }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, 'privacy-register-narrow');

      await privacyNav(page).getByRole('link', { name: 'Persoon' }).click();
      await page.getByRole('searchbox', { name: /Naam/ }).fill('Yasmina');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('button', { name: 'Kiezen: Yasmina el Ouali' }).click();
      await page.getByRole('heading', { level: 2, name: 'Yasmina el Ouali' }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/h18tab-person-400.png' });
      await screenshot(page, 'privacy-person-narrow');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('speaks English as the second locale', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/privacy`);
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Administration – Privacy' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Contact notes' }).waitFor();
      await page.getByRole('table', { name: 'Counts that will be cleaned up' }).waitFor();
    } finally {
      await watched.close();
    }
  });
});

describe('Beheer → Privacy for everyone else', () => {
  it('shows Sanne Verhoef no Beheer entry and "Geen toegang" at /beheer/privacy without asking the API', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const privacyCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/privacy/')) privacyCalls.push(request.url());
    });
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await menu.getByRole('link', { name: 'Netwerkkaart' }).waitFor();
      expect(await menu.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Privacy' }).count()).toBe(0);

      await page.goto(`${server.url}/beheer/privacy/persoon`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(privacyCalls).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
