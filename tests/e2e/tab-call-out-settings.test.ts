import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import { choose, openBeheer } from './admin-pages.js';
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

describe('Beheer – Crisisoproepen: escalatie for a functional administrator', () => {
  it('changes N, refuses a reminder after the check with a linked field error, adds to the crisis team, and keeps both after a reload', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Anouk Terpstra');
      await openBeheer(page, 'Rollen');
      await page
        .getByRole('navigation', { name: 'Beheeronderdelen' })
        .getByRole('link', { name: 'Crisisoproepen: escalatie' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Beheer – Crisisoproepen: escalatie' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer/crisisoproepen');

      const backup = page.getByRole('spinbutton', {
        name: /Na hoeveel minuten zonder antwoord krijgt de back-up de kaart\?/,
      });
      const reminder = page.getByRole('spinbutton', { name: /een herinnering\?/ });
      await backup.waitFor();
      expect(await backup.inputValue()).toBe('10');
      await page.getByText(/Nu gelden de standaardwaarden/).waitFor();

      // A reminder after the check for the crisis team is refused next to its field, and linked to it.
      await reminder.fill('30');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const reminderError = page.getByText(/minder dan de minuten tot de controle voor het crisisteam/);
      await reminderError.waitFor();
      expect(await reminder.getAttribute('aria-invalid')).toBe('true');
      const errorId = await reminderError.getAttribute('id');
      expect(errorId).toBeTruthy();
      expect((await reminder.getAttribute('aria-describedby')) ?? '').toContain(errorId as string);

      await reminder.fill('5');
      await backup.fill('15');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('De escalatie-instellingen zijn opgeslagen.').waitFor();

      await choose(
        page,
        page.getByRole('combobox', { name: /Medewerker toevoegen aan het crisisteam/ }),
        'Fleur Oosterhout',
      );
      await page.getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByText('Het crisisteam is opgeslagen.').waitFor();
      const team = page.getByRole('list', { name: 'Leden van het crisisteam' });
      await team.getByText('Fleur Oosterhout').waitFor();

      await page.reload();
      await backup.waitFor();
      expect(await backup.inputValue()).toBe('15');
      expect(await page.getByText(/Nu gelden de standaardwaarden/).count()).toBe(0);
      const member = team.getByRole('listitem').filter({ hasText: 'Fleur Oosterhout' });
      await member.waitFor();
      expect(await member.textContent()).toContain('+46701740690');
      expect(await member.textContent()).toContain('Niet bereikbaar via Teams');
      await member
        .getByRole('button', { name: 'Verwijderen uit het crisisteam: Fleur Oosterhout' })
        .waitFor();

      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/settings.png', fullPage: true });
      await screenshot(page, 'call-out-settings-light');
      // The one refused save (the reminder) is the only error the browser logged.
      expect(watched.consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
