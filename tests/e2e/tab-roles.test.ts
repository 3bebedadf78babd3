import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import { choose, openBeheer, staffRow, toast } from './admin-pages.js';
import { closeBrowserSuite, openPage, screenshot, signInAs, startBrowserSuite } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe('Beheer – Rollen for a functional administrator', () => {
  it('gives Dewi Sastromedjo the role Meekijker in Haven, shows it, removes it after confirming, and audits it', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Anouk Terpstra');
      expect(await page.getByRole('banner').textContent()).toContain('Beheerder');
      await openBeheer(page, 'Rollen');
      expect(new URL(page.url()).pathname).toBe('/beheer/rollen');
      // Following the menu moved focus to the new page, not into nowhere.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      const dewi = await staffRow(page, 'Dewi Sastromedjo');
      await dewi.getByRole('button', { name: 'Rol toevoegen voor Dewi Sastromedjo' }).click();
      const addDialog = page.getByRole('dialog', { name: 'Rol toevoegen voor Dewi Sastromedjo' });
      // Submitting without choices explains what is missing next to each field.
      await addDialog.getByRole('button', { name: 'Toevoegen' }).click();
      await addDialog.getByText('Kies het netwerk waarin de rol geldt.').waitFor();
      await choose(page, addDialog.getByRole('combobox', { name: 'Netwerk' }), 'Bondgenoten Haven');
      await choose(page, addDialog.getByRole('combobox', { name: 'Rol' }), 'Meekijker');
      await screenshot(page, 'roles-add-dialog-light');
      await addDialog.getByRole('button', { name: 'Toevoegen' }).click();
      await addDialog.waitFor({ state: 'hidden' });

      const havenRole = dewi.getByRole('combobox', { name: 'Rol van Dewi Sastromedjo in Bondgenoten Haven' });
      await havenRole.waitFor();
      expect(await havenRole.textContent()).toBe('Meekijker');
      await toast(page, 'Dewi Sastromedjo is nu Meekijker in Bondgenoten Haven.');
      await screenshot(page, 'roles-light');

      await dewi
        .getByRole('button', { name: 'Verwijderen: rol van Dewi Sastromedjo in Bondgenoten Haven' })
        .click();
      const confirm = page.getByRole('alertdialog', { name: 'Rol verwijderen?' });
      expect(await confirm.textContent()).toContain(
        'Dewi Sastromedjo verliest de rol Meekijker in Bondgenoten Haven',
      );
      await confirm.getByRole('button', { name: 'Verwijderen' }).click();
      await havenRole.waitFor({ state: 'detached' });
      expect(await dewi.getByRole('combobox', { name: /in Bondgenoten Buiten/ }).textContent()).toBe(
        'Coördinator',
      );
      // The removed role's button is gone; focus went to the row's "Rol toevoegen" instead of the page's start.
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Rol toevoegen voor Dewi Sastromedjo',
      );

      await openBeheer(page, 'Audittrail');
      // The action is picked by its words; the filter sends its code (network-role.grant).
      await page.getByRole('combobox', { name: 'Actie' }).pressSequentially('rol in netwerk gegeven');
      await page.getByRole('option', { name: /^Rol in netwerk gegeven/ }).click();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.getByRole('table').getByText('1 gebeurtenis getoond, nieuwste eerst').waitFor();
      const grant = page.getByRole('row').filter({ hasText: 'Rol in netwerk gegeven' });
      expect(await grant.count()).toBe(1);
      expect(await grant.textContent()).toContain('Gelukt');
      expect(await grant.textContent()).toContain('Tabblad');
      // Choosing the actor's name narrows the trail to that staff member, named in the filter form.
      await grant.getByRole('button', { name: /^Filter op Anouk Terpstra/ }).click();
      await eventually(() => page.getByRole('combobox', { name: 'Medewerker' }).inputValue()).toContain(
        'Anouk Terpstra',
      );
      await page.getByRole('table').getByText('1 gebeurtenis getoond, nieuwste eerst').waitFor();
      await screenshot(page, 'audit-filtered-light');

      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
  it('searches the organisation’s directory as one types and adds a colleague as staff', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const searches: string[] = [];
    // The local directory is the demo staff table, so everyone found is staff already. This one answer plays a
    // directory that also knows Dewi's Entra account but not yet her staff row; adding her then runs for real.
    // It also plays a police tenant that throttled the search, which the tab must name rather than hide.
    await page.route('**/api/v1/directory/users?*', async (route) => {
      searches.push(new URL(route.request().url()).searchParams.get('q') ?? '');
      const response = await route.fetch();
      const answer = (await response.json()) as { users: { displayName: string; userId: string | null }[] };
      const users = answer.users.map((hit) =>
        hit.displayName === 'Dewi Sastromedjo' ? { ...hit, userId: null } : hit,
      );
      const unsearched = [
        {
          tenantId: '44444444-4444-4444-8444-444444444444',
          organisation: 'politie',
          reason: 'throttled',
          retryAfterSeconds: 30,
        },
      ];
      await route.fulfill({ response, json: { users, unsearched } });
    });
    try {
      await page.goto(`${server.url}/beheer/rollen`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      const search = page.getByRole('searchbox', { name: 'Medewerker zoeken bij gemeente en politie' });
      await search.pressSequentially('D');
      // Longer than the 300 ms debounce: one letter is too short to search for, so nothing may be asked.
      await page.waitForTimeout(600);
      expect(searches).toEqual([]);
      await search.pressSequentially('ewi');
      const results = page.getByRole('list', { name: 'Gevonden bij gemeente en politie' });
      await results.waitFor();
      // Debounced: one request for the settled text, none per keystroke.
      expect(searches).toEqual(['Dewi']);
      await page.getByText('1 persoon gevonden.').waitFor();
      // Whose staff she is, and which tenant's people are missing from the list, and why.
      await results.getByText('Politie', { exact: true }).waitFor();
      await page.getByText('Politie niet doorzocht').waitFor();
      await page.getByText('Microsoft 365 vraagt de app 30 seconden te wachten.', { exact: false }).waitFor();
      await screenshot(page, 'roles-directory');

      await results.getByRole('button', { name: 'Toevoegen: Dewi Sastromedjo' }).click();
      await toast(page, 'Dewi Sastromedjo is toegevoegd als medewerker.');
      await results.getByText('Al medewerker').waitFor();
      expect(await search.inputValue()).toBe('Dewi');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
  it('changes a role with the keyboard alone', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/rollen`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      const dewi = await staffRow(page, 'Dewi Sastromedjo');
      const buiten = dewi.getByRole('combobox', { name: 'Rol van Dewi Sastromedjo in Bondgenoten Buiten' });
      await buiten.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('option', { name: 'Lid' }).waitFor();
      // The options are Coördinator, Lid, Secretaris, Meekijker; the current one (Coördinator) is active.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await toast(page, 'Dewi Sastromedjo is nu Lid in Bondgenoten Buiten.');
      await eventually(() => buiten.textContent()).toBe('Lid');

      await choose(page, buiten, 'Coördinator');
      await toast(page, 'Dewi Sastromedjo is nu Coördinator in Bondgenoten Buiten.');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
  it('shows why the last administrator cannot be removed, keeping the dialog open', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/rollen`);
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      const anouk = await staffRow(page, 'Anouk Terpstra');
      await anouk.getByRole('button', { name: 'Beheerrechten intrekken: Anouk Terpstra' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Beheerrechten intrekken?' });
      await confirm.getByRole('button', { name: 'Intrekken' }).click();
      await confirm
        .getByText('Dit is de laatste beheerder. Wijs eerst iemand anders aan als beheerder.')
        .waitFor();
      await screenshot(page, 'roles-last-administrator');
      await confirm.getByRole('button', { name: 'Annuleren' }).click();
      await confirm.waitFor({ state: 'hidden' });
      expect(await anouk.textContent()).toContain('Ja');
      // The browser logs the refused request itself; nothing else may have gone wrong.
      expect(watched.consoleErrors.filter((text) => !/status of 409/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
