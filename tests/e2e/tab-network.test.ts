import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import { choose, toast } from './admin-pages.js';
import { closeBrowserSuite, openPage, screenshot, signInAs, startBrowserSuite } from './browser.js';
import { openNetworkFromOverview, openPerson, pickTag, section } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

// The browser logs refused requests itself (the rule violation and the bad mobile); nothing else may go wrong.
const unexpected = (errors: string[]) => errors.filter((text) => !/status of (400|404|422)/.test(text));

describe('the network map for a coordinator (Sanne Verhoef, Bondgenoten Haven)', () => {
  it('adds a key figure, points to selection to make her an ally, and keeps input through a field error', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      expect(await page.getByRole('navigation', { name: 'Onderdelen van dit netwerk' }).textContent()).toBe(
        'DekkingAfspiegelingNetwerkgraafImporterenCrisiskaartSelectieEvaluatieAfwezigheidIntroductie',
      );
      await section(page, 'Staf').getByText('Petra Lindeboom').waitFor();
      await screenshot(page, 'network-light');

      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      const form = page.getByRole('dialog', { name: 'Persoon toevoegen aan Bondgenoten Haven' });
      // A new person is a key figure: ally comes through selection, a former kind through the farewell.
      expect(await form.getByRole('radio').count()).toBe(0);
      await form.getByText('Een bondgenoot wordt iemand alleen via de selectie van het netwerk').waitFor();
      await form.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Schoolleider');
      await choose(page, form.getByRole('combobox', { name: 'Wijk' }), 'De Velden');
      await pickTag(page, form.getByRole('combobox', { name: 'Gemeenschappen' }), 'Schol', 'Scholen');
      await form.getByRole('textbox', { name: 'Mobiel' }).fill('06-12345678');
      // Without the consent date the form says what is missing, next to the field, and keeps the rest.
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.getByText('Vul de datum in waarop de persoon toestemming gaf.').waitFor();
      await form.getByLabel('Datum toestemming').fill('2026-11-01');
      await screenshot(page, 'person-form-light');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.waitFor({ state: 'hidden' });
      await toast(page, 'Fictieve Schoolleider is toegevoegd.');
      await section(page, 'Sleutelfiguren').getByRole('link', { name: 'Fictieve Schoolleider' }).waitFor();

      await openPerson(page, 'Fictieve Schoolleider');
      expect(await page.getByRole('link', { name: /Bel Fictieve Schoolleider/ }).getAttribute('href')).toBe(
        'tel:+31612345678',
      );
      // Someone becomes an ally only through selection, approved by both parties: the page points there.
      expect(await page.getByRole('button', { name: 'Maak bondgenoot' }).count()).toBe(0);
      expect(
        await page.getByRole('link', { name: 'Bondgenoot maken via de selectie' }).getAttribute('href'),
      ).toMatch(/\/selectie/);

      // A bad mobile: the server's error appears under Mobiel, and nothing typed is lost.
      await page.getByRole('button', { name: 'Wijzigen' }).click();
      const edit = page.getByRole('dialog', { name: 'Fictieve Schoolleider wijzigen' });
      await edit.getByRole('textbox', { name: 'Bereikbaarheid' }).fill('Doordeweeks na 18.00 uur');
      await edit.getByRole('textbox', { name: 'Mobiel' }).fill('12');
      await edit.getByRole('button', { name: 'Opslaan' }).click();
      await edit.getByText('Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678').waitFor();
      expect(await edit.getByRole('textbox', { name: 'Mobiel' }).inputValue()).toBe('12');
      expect(await edit.getByRole('textbox', { name: 'Bereikbaarheid' }).inputValue()).toBe(
        'Doordeweeks na 18.00 uur',
      );
      await screenshot(page, 'person-form-error');
      await edit.getByRole('textbox', { name: 'Mobiel' }).fill('06-12345678');
      await edit.getByRole('button', { name: 'Opslaan' }).click();
      await edit.waitFor({ state: 'hidden' });
      await page.getByText('Doordeweeks na 18.00 uur').waitFor();

      await page.getByRole('link', { name: 'Bondgenoten Haven' }).click();
      await section(page, 'Sleutelfiguren').getByRole('link', { name: 'Fictieve Schoolleider' }).waitFor();

      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows an ally’s kind read-only in the form, with the way to the farewell (also at 400 px)', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 900 } });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await openPerson(page, 'Yasmina el Ouali');
      await page.getByRole('button', { name: 'Wijzigen' }).click();
      const edit = page.getByRole('dialog', { name: 'Yasmina el Ouali wijzigen' });
      await edit.getByRole('textbox', { name: 'Naam' }).waitFor();
      expect(await edit.getByRole('radio').count()).toBe(0);
      await edit.getByText('Bondgenoot', { exact: true }).waitFor();
      await screenshot(page, 'person-form-ally-400');
      await edit.getByRole('button', { name: 'Lidmaatschap beëindigen via Afscheid nemen' }).click();
      await edit.waitFor({ state: 'hidden' });
      const farewell = page.getByRole('dialog', { name: 'Afscheid nemen van Yasmina el Ouali' });
      await farewell.waitFor();
      await farewell.getByRole('button', { name: 'Annuleren' }).click();
      await farewell.waitFor({ state: 'hidden' });
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('adds a relation and ends it, which keeps it listed as ended', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await openPerson(page, 'Ravi Ramsaran-Tol');
      const relations = section(page, 'Relaties');
      await relations.getByText('Nog geen relaties vastgelegd.').waitFor();
      await relations.getByRole('button', { name: 'Relatie toevoegen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Relatie toevoegen voor Ravi Ramsaran-Tol' });
      await choose(page, dialog.getByRole('combobox', { name: 'Soort relatie' }), 'kent');
      await choose(page, dialog.getByRole('combobox', { name: 'Persoon' }), 'Ilse Brandsma');
      await dialog.getByLabel('Sinds').fill('2020-05-01');
      await dialog.getByRole('button', { name: 'Toevoegen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const item = relations.getByRole('listitem').filter({ hasText: 'Ilse Brandsma' });
      await item.waitFor();
      expect(await item.textContent()).toContain('sinds 1 mei 2020');

      await item.getByRole('button', { name: 'Beëindigen: kent Ilse Brandsma' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Relatie beëindigen?' });
      await confirm.getByRole('button', { name: 'Beëindigen' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await item.getByText('beëindigd', { exact: true }).waitFor();
      expect(await item.getByRole('button').count()).toBe(0);
      await section(page, 'Geschiedenis').getByText('Relatie toegevoegd').first().waitFor();
      await screenshot(page, 'person-relations');
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('keeps the input when someone else changed the person, and saves after loading the latest version', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    let conflictsLeft = 1;
    // Plays a colleague who saved Ilse in the meantime: the first save meets the server's 409.
    await page.route('**/api/v1/people/*', async (route) => {
      if (route.request().method() !== 'PATCH' || conflictsLeft-- <= 0) return route.continue();
      await route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:bondgenoten:problem:conflict',
          title: 'Conflict with the current state',
          status: 409,
          detail: 'Someone else changed this person since you opened it; reload and try again.',
        }),
      });
    });
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await openPerson(page, 'Ilse Brandsma');
      await page.getByRole('button', { name: 'Wijzigen' }).click();
      const edit = page.getByRole('dialog', { name: 'Ilse Brandsma wijzigen' });
      await edit.getByRole('textbox', { name: 'Talen' }).fill('Nederlands, Fries');
      await edit.getByRole('button', { name: 'Opslaan' }).click();
      await edit.getByText('Iemand anders heeft deze persoon intussen gewijzigd').waitFor();
      expect(await edit.getByRole('textbox', { name: 'Talen' }).inputValue()).toBe('Nederlands, Fries');
      await screenshot(page, 'person-form-conflict');
      await edit.getByRole('button', { name: 'Nieuwste versie laden' }).click();
      await edit.getByText('De nieuwste versie is geladen.', { exact: false }).waitFor();
      await edit.getByRole('button', { name: 'Opslaan' }).click();
      await edit.waitFor({ state: 'hidden' });
      await toast(page, 'De wijzigingen van Ilse Brandsma zijn opgeslagen.');
      await page.getByText('Nederlands, Fries').waitFor();
      expect(unexpected(watched.consoleErrors).filter((text) => !/status of 409/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('searches people in her networks and explains what a search needs', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByText('Typ een zoektekst of kies minstens één filter.').waitFor();

      await page.getByRole('searchbox', { name: 'Zoeken op naam' }).fill('yasmina');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      const results = section(page, 'Resultaten');
      await results.getByRole('link', { name: 'Yasmina el Ouali' }).waitFor();
      expect(await results.textContent()).toContain('Bondgenoten Haven');
      expect(await results.textContent()).toContain('Centrum Haven');
      await screenshot(page, 'search-light');

      await page.getByRole('searchbox', { name: 'Zoeken op naam' }).fill('niemandhier');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await results.getByText('Niemand gevonden.', { exact: false }).waitFor();
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('need-to-know for a coordinator of another network (Fleur Oosterhout, Stad)', () => {
  it('shows a friendly "not found" for a person of Haven, and Haven is no link for her', async () => {
    const sanne = await openPage(browser);
    let personPath = '';
    try {
      await sanne.page.goto(`${server.url}/`);
      await signInAs(sanne.page, 'Sanne Verhoef');
      await openNetworkFromOverview(sanne.page, 'Bondgenoten Haven');
      personPath =
        (await sanne.page.getByRole('link', { name: 'Yasmina el Ouali' }).getAttribute('href')) ?? '';
    } finally {
      await sanne.close();
    }
    expect(personPath).toMatch(/^\/personen\/[0-9a-f-]{36}$/);

    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Fleur Oosterhout');
      expect(await page.getByRole('link', { name: 'Bondgenoten Haven' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Bondgenoten Stad' }).waitFor();

      await page.goto(`${server.url}${personPath}`);
      await page.getByRole('heading', { level: 1, name: 'Persoon niet gevonden' }).waitFor();
      expect(await page.getByText('Yasmina').count()).toBe(0);
      await screenshot(page, 'person-not-found');
      expect(watched.consoleErrors.filter((text) => !/status of 404/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
