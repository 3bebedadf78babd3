import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { openBeheer, staffRow, toast } from './admin-pages.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';
import { networkIdOf } from './insight-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  // Joris holds an open action of a Haven meeting (fictional): the hand-over moves it to Petra.
  const db = server.database.db;
  const haven = await db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  const joris = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', 'Joris Amrani')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom('meetings')
    .select('id')
    .where('network_id', '=', haven.id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_actions')
    .values({
      meeting_id: meeting.id,
      network_id: haven.id,
      description: 'Fictief actiepunt: sleutel buurthuis ophalen',
      owner_user_id: joris.id,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the hand-over page (issue 19): what a leaving staff member holds goes to a colleague', () => {
  it('lets a coordinator hand everything of a colleague over from the network page, in Dutch and English', async () => {
    const { page, consoleErrors, close } = await openPage(browser, { viewport: { width: 400, height: 800 } });
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}?theme=light`);
      await page.getByRole('link', { name: 'Taken van Joris Amrani overdragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overdracht van Joris Amrani' }).waitFor();
      await page.getByText('Fictief actiepunt: sleutel buurthuis ophalen').waitFor();

      // Without a successor the form says what is missing and sends nothing.
      const form = page.getByRole('form', { name: 'Overdragen' });
      await form.getByRole('button', { name: 'Alles overdragen' }).click();
      await form.getByText('Kies een collega.').waitFor();

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'hand-over-400');

      await form.getByLabel('Wie neemt het over?').selectOption({ label: 'Petra Lindeboom' });
      await form.getByLabel(/Notitie voor de opvolger/).fill('Fictief: de sleutel ligt bij de balie.');
      await form.getByRole('button', { name: 'Alles overdragen' }).click();
      await page
        .getByText(/Overgedragen aan Petra Lindeboom: 1 actiepunt,/)
        .first()
        .waitFor();
      await page.getByText(/Laatste overdracht: aan Petra Lindeboom/).waitFor();
      expect(await page.getByText('Fictief actiepunt: sleutel buurthuis ophalen').count()).toBe(0);

      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Hand-over of Joris Amrani' }).waitFor();
      await page.getByText(/Last hand-over: to Petra Lindeboom/).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('asks the administrator for a successor when Haven’s last politie staff member loses the role', async () => {
    const { page, consoleErrors, close } = await openPage(browser);
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Anouk Terpstra');
      await openBeheer(page, 'Rollen');
      const joris = await staffRow(page, 'Joris Amrani');
      await joris
        .getByRole('button', { name: 'Verwijderen: rol van Joris Amrani in Bondgenoten Haven' })
        .click();
      const confirm = page.getByRole('alertdialog', { name: 'Rol verwijderen?' });
      const successor = confirm.getByLabel(
        'Laatste medewerker van de politie in Bondgenoten Haven: wie neemt het over?',
      );
      // Without a successor the server refuses, and the dialog says why.
      await confirm.getByRole('button', { name: 'Verwijderen' }).click();
      await confirm
        .getByText(/Dit is de laatste medewerker van de gemeente of de politie in dit netwerk/)
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await successor.selectOption({ label: 'Mehmet Kaya-de Bruin' });
      await confirm.getByRole('button', { name: 'Verwijderen' }).click();
      await toast(
        page,
        'De rol van Joris Amrani in Bondgenoten Haven is verwijderd; Mehmet Kaya-de Bruin heeft de rol en de taken overgenomen.',
      );
      expect(consoleErrors.filter((line) => !/status of 409/.test(line))).toEqual([]);
    } finally {
      await close();
    }
  });
});
