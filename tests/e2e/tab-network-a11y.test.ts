import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
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
import { openNetworkFromOverview, openPerson, section } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe('the network, person and search pages for everyone', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`have no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Sanne Verhoef');
        await openNetworkFromOverview(page, 'Bondgenoten Haven');
        await section(page, 'Staf').getByText('Petra Lindeboom').waitFor();
        // The pointer still rests where the overview's link was, over a table row; its hover colour is not the page.
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'network page').toEqual([]);
        await screenshot(page, `network-${theme}`);

        await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
        const form = page.getByRole('dialog', { name: 'Persoon toevoegen aan Bondgenoten Haven' });
        await form.getByRole('combobox', { name: 'Wijk' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'person form').toEqual([]);
        await screenshot(page, `person-form-${theme}`);
        await form.getByRole('button', { name: 'Annuleren' }).click();
        await form.waitFor({ state: 'hidden' });

        await openPerson(page, 'Yasmina el Ouali');
        await section(page, 'Relaties').getByText('Moskee Al-Fajr (fictief)').waitFor();
        await section(page, 'Geschiedenis').getByRole('table').waitFor();
        expectSaying(await seriousA11yViolations(page), 'person page').toEqual([]);
        await screenshot(page, `person-${theme}`);

        await page
          .getByRole('navigation', { name: 'Hoofdmenu' })
          .getByRole('link', { name: 'Zoeken' })
          .click();
        await page.getByRole('searchbox', { name: 'Zoeken op naam' }).fill('ha');
        await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
        await section(page, 'Resultaten').getByRole('table').waitFor();
        expectSaying(await seriousA11yViolations(page), 'search page').toEqual([]);
        await screenshot(page, `search-${theme}`);
        expect(watched.consoleErrors).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});
