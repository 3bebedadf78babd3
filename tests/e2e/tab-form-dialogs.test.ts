import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { openNetworkFromOverview } from './network-pages.js';

/**
 * Form dialogs never lose typed input by accident (issue 15 item 8): Escape in an open dropdown closes only the
 * dropdown; closing a dirty form (Escape, Annuleren) asks first and a click outside leaves it be. And the person form names a consent
 * date in the future or before 1900 before sending it (item 10).
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

const FORM = 'Persoon toevoegen aan Bondgenoten Haven';
const DISCARD = 'Wat je hebt ingevuld weggooien?';

async function openAddPerson(page: Page) {
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const form = page.getByRole('dialog', { name: FORM });
  await form.getByRole('textbox', { name: 'Naam' }).waitFor();
  return form;
}

describe('the "Persoon toevoegen" dialog keeps what was typed', () => {
  it('closes only the dropdown on Escape, and asks before throwing input away', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');

      // A clean form closes on Escape without a question.
      let form = await openAddPerson(page);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });

      form = await openAddPerson(page);
      await form.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Buurtmoeder');
      const communities = form.getByRole('combobox', { name: 'Gemeenschappen' });
      await communities.click();
      await communities.fill('Schol');
      await page.getByRole('option', { name: 'Scholen', exact: true }).waitFor();
      await page.keyboard.press('Escape');
      // The list closed; the dialog and the name stayed.
      await page.getByRole('option', { name: 'Scholen', exact: true }).waitFor({ state: 'hidden' });
      expect(await communities.getAttribute('aria-expanded')).toBe('false');
      expect(await form.getByRole('alert').filter({ hasText: DISCARD }).count()).toBe(0);
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('Fictieve Buurtmoeder');
      // The same for a plain dropdown (Wijk).
      const wijk = form.getByRole('combobox', { name: 'Wijk' });
      await wijk.click();
      await page.getByRole('option', { name: 'De Velden', exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('option', { name: 'De Velden', exact: true }).waitFor({ state: 'hidden' });
      expect(await form.getByRole('alert').filter({ hasText: DISCARD }).count()).toBe(0);
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('Fictieve Buurtmoeder');

      // Escape again, now that no list is open: the form asks, and "verder invullen" keeps everything.
      await page.keyboard.press('Escape');
      const question = form.getByRole('alert').filter({ hasText: DISCARD });
      await question.waitFor();
      // Focus goes to the safe choice, so Enter keeps the input.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verder invullen');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'form-dialog-discard-question');
      await question.getByRole('button', { name: 'Verder invullen' }).click();
      await question.waitFor({ state: 'hidden' });
      await form.waitFor();
      // Focus went back into the form, not to "Persoon toevoegen" behind it.
      expect(await form.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('Fictieve Buurtmoeder');

      // A click outside keeps the filled-in form as it is, without a question.
      await page.mouse.click(5, 5);
      await page.waitForTimeout(300);
      expect(await form.isVisible()).toBe(true);
      expect(await question.count()).toBe(0);
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('Fictieve Buurtmoeder');
      // Escape asks; Escape on the question means "keep editing", and the form stays reachable.
      await form.getByRole('textbox', { name: 'Naam' }).focus();
      await page.keyboard.press('Escape');
      await question.waitFor();
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'hidden' });
      // Focus is back in the field being edited. Before, removing the focused question let Fluent's focus restorer
      // send focus to the trigger behind the dialog, and the open form dialog became aria-hidden.
      const name = form.getByRole('textbox', { name: 'Naam' });
      expect(await name.evaluate((field) => field === document.activeElement)).toBe(true);
      expect(await page.locator('.fui-DialogSurface').getAttribute('aria-hidden')).toBeNull();
      // Answering with Escape again and again never loses the form.
      for (let round = 0; round < 3; round += 1) {
        await page.keyboard.press('Escape');
        await question.waitFor();
        await page.keyboard.press('Escape');
        await question.waitFor({ state: 'hidden' });
        expect(await name.evaluate((field) => field === document.activeElement)).toBe(true);
      }
      expect(await form.getAttribute('aria-hidden')).toBeNull();
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('Fictieve Buurtmoeder');

      // Annuleren asks; "weggooien" closes, and the next form starts empty.
      await form.getByRole('button', { name: 'Annuleren' }).click();
      await question.getByRole('button', { name: 'Weggooien' }).click();
      await form.waitFor({ state: 'hidden' });
      form = await openAddPerson(page);
      expect(await form.getByRole('textbox', { name: 'Naam' }).inputValue()).toBe('');
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('names a consent date in the future or before 1900 before sending anything', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/people')) posts.push(request.url());
      });
      const form = await openAddPerson(page);
      await form.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Toekomst');
      await form.getByLabel('Datum toestemming').fill('2999-01-01');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.getByText('De datum van toestemming kan niet in de toekomst liggen.').waitFor();
      await form.getByLabel('Datum toestemming').fill('1850-06-01');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.getByText('Vul een datum vanaf 1900 in.').waitFor();
      expect(posts).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['dark', 'contrast'] as const) {
    it(`shows the question without serious accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Sanne Verhoef');
        await openNetworkFromOverview(page, 'Bondgenoten Haven');
        const form = await openAddPerson(page);
        await form.getByRole('textbox', { name: 'Naam' }).fill('Fictieve Buurtvader');
        await page.keyboard.press('Escape');
        await form.getByRole('alert').filter({ hasText: DISCARD }).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `form-dialog-discard-question-${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});
