import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectSaying } from '../helpers/expect-saying.js';
import type { TestServer } from '../helpers/test-server.js';
import { openBeheer, toast } from './admin-pages.js';
import {
  closeBrowserSuite,
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

/** The checklist's step that leads to each of these setup pages. */
const stepOf = {
  Gemeenschappen: 'Gemeenschappen en groepen',
  Organisaties: 'Organisaties en soorten relaties',
} as const;

/** Follows Beheer → Inrichting and the checklist's step to one of the setup pages. */
async function openSetup(page: Page, name: 'Gemeenschappen' | 'Organisaties'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Beheeronderdelen' })
    .getByRole('link', { name: 'Inrichting' })
    .click();
  await page
    .getByRole('list', { name: 'Stappen van de inrichting' })
    .getByRole('link', { name: stepOf[name], exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: `Beheer – ${name}` }).waitFor();
}

describe('Beheer → Inrichting: communities, organisations and relation types', () => {
  it('adds a community with a tradition, an organisation and a relation type through the tab', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Anouk Terpstra');
      await openBeheer(page, 'Rollen');
      await openSetup(page, 'Gemeenschappen');
      expect(new URL(page.url()).pathname).toBe('/beheer/inrichting/gemeenschappen');

      await page.getByRole('textbox', { name: 'Naam' }).first().fill('Fictieve Gebedsgroep');
      await page
        .getByRole('checkbox', { name: /^Joods/ })
        .first()
        .check();
      await page.getByRole('button', { name: 'Toevoegen' }).click();
      await toast(page, 'Fictieve Gebedsgroep is toegevoegd.');
      const item = page.getByRole('listitem').filter({ hasText: 'Fictieve Gebedsgroep' });
      await item.getByText('Joods', { exact: true }).waitFor();

      // A faith community without observances is flagged, and the flag goes once one is chosen.
      await page.getByRole('textbox', { name: 'Naam' }).first().fill('Fictieve Moslims');
      await page
        .getByRole('checkbox', { name: /^Joods/ })
        .first()
        .uncheck();
      await page.getByRole('button', { name: 'Toevoegen' }).click();
      const flagged = page.getByRole('listitem').filter({ hasText: 'Fictieve Moslims' });
      await flagged.getByText('Geen vieringen ingesteld').waitFor();
      await page.getByText(/geloofsgemeenschap heeft geen vieringen/).waitFor();
      await flagged.getByRole('button', { name: 'Wijzigen: Fictieve Moslims' }).click();
      await flagged.getByRole('checkbox', { name: /^Islamitisch/ }).check();
      await flagged.getByRole('button', { name: 'Opslaan' }).click();
      await flagged.getByText('Islamitisch', { exact: true }).waitFor();
      expect(await flagged.getByText('Geen vieringen ingesteld').count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await openSetup(page, 'Organisaties');
      const organisations = page.getByRole('region', { name: 'Organisaties' });
      await organisations.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Schaakclub');
      await organisations.getByRole('textbox', { name: /Soort organisatie/ }).fill('vereniging');
      await organisations.getByRole('button', { name: 'Toevoegen' }).click();
      await organisations
        .getByRole('list', { name: 'Organisaties' })
        .getByText('Fictieve Schaakclub')
        .waitFor();

      const types = page.getByRole('region', { name: 'Relatiesoorten' });
      await types.getByRole('textbox', { name: /^Omschrijving/ }).fill('is penningmeester van');
      await types.getByRole('textbox', { name: /^Omgekeerde omschrijving/ }).fill('heeft als penningmeester');
      await types.getByRole('button', { name: 'Toevoegen' }).click();
      await types
        .getByRole('list', { name: 'Relatiesoorten' })
        .getByText('is penningmeester van / heeft als penningmeester')
        .waitFor();
      // An organisation in use offers no delete; an unused one does.
      const mosque = organisations.getByRole('listitem').filter({ hasText: 'Moskee Al-Fajr (fictief)' });
      await mosque.getByRole('button', { name: 'Archiveren: Moskee Al-Fajr (fictief)' }).waitFor();
      expect(await mosque.getByRole('button', { name: /^Verwijderen/ }).count()).toBe(0);
      await organisations.getByRole('button', { name: 'Verwijderen: Fictieve Schaakclub' }).click();
      await toast(page, 'Fictieve Schaakclub is verwijderd.');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations in the ${theme} theme, also at 400 px`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Anouk Terpstra');
        for (const [path, name] of [
          ['/beheer/inrichting/gemeenschappen', 'Gemeenschappen'],
          ['/beheer/inrichting/organisaties', 'Organisaties'],
        ] as const) {
          await page.goto(`${server.url}${path}?theme=${theme}`);
          await page.getByRole('heading', { level: 1, name: `Beheer – ${name}` }).waitFor();
          await page.getByRole('listitem').first().waitFor();
          await page.mouse.move(0, 0);
          expectSaying(await seriousA11yViolations(page), `${name} ${theme}`).toEqual([]);
          await screenshot(page, `setup-${name.toLowerCase()}-${theme}`);
          await page.setViewportSize({ width: 400, height: 900 });
          expectSaying(await seriousA11yViolations(page), `${name} ${theme} 400px`).toEqual([]);
          await screenshot(page, `setup-${name.toLowerCase()}-${theme}-400`);
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      } finally {
        await watched.close();
      }
    });
  }
});
