import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { callApi, signInAs as signInApi } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { toast } from './admin-pages.js';
import { assertTabBuilt, launchChromium, openPage, seriousA11yViolations, signInAs } from './browser.js';
import { dutchLongDate, meetingCard, openMeetings } from './meeting-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  // One planned meeting of Haven to move: 14 December 2027, 18:00–20:00 in Amsterdam (17:00Z).
  const petra = await signInApi(server.url, 'Petra Lindeboom');
  const haven = await server.database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  const created = await callApi(server.url, petra, 'POST', `/api/v1/networks/${haven.id}/meetings/series`, {
    meetings: [{ start: '2027-12-14T17:00:00Z', end: '2027-12-14T19:00:00Z' }],
  });
  if (created.status !== 201) throw new Error(`series not created: ${created.status}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the planner under bad input (Petra Lindeboom, Bondgenoten Haven)', () => {
  it('says what is wrong with a reversed range and clears old proposals and their button', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Petra Lindeboom');
      await openMeetings(page);
      await page.getByRole('link', { name: 'Overleggen plannen' }).click();
      const proposals = page.getByRole('table', { name: 'Voorgestelde data' });
      await proposals.waitFor();
      const planButton = page.getByRole('button', { name: /overleggen? inplannen$/ });
      expect(await planButton.count()).toBe(1);

      await page.getByLabel('Vanaf').fill('2027-07-19');
      await page.getByLabel('Tot en met').fill('2027-01-01');
      await page.getByRole('button', { name: 'Data voorstellen' }).click();
      await page
        .getByText(/^Deze datum ligt vóór de begindatum\. Kies (maandag )?19 juli 2027 of later\.$/)
        .waitFor();
      expect(await page.getByText('Vul een geldige datum in.').count()).toBe(0);
      expect(await proposals.count()).toBe(0);
      expect(await planButton.count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // A refusal by the server (a count above 12) clears the proposals too.
      await page.getByLabel('Tot en met').fill('2028-07-18');
      await page.getByRole('button', { name: 'Data voorstellen' }).click();
      await proposals.waitFor();
      await page.getByRole('spinbutton', { name: 'Aantal overleggen' }).fill('40');
      await page.getByRole('button', { name: 'Data voorstellen' }).click();
      await page.getByText('Kies een aantal van 1 tot en met 12.').waitFor();
      expect(await proposals.count()).toBe(0);
      expect(await planButton.count()).toBe(0);
    } finally {
      await watched.close();
    }
  });

  it('defaults to a cadence inside the method’s 4–6 a year, offers 6-weekly, and gives the reasons', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Petra Lindeboom');
      await openMeetings(page);
      const settings = page.getByRole('region', { name: 'Afspraken over het overleg' });
      await settings.getByText(/Elke 10 weken \(ongeveer 5,2 keer per jaar\)/).waitFor();
      await page.getByRole('button', { name: 'Afspraken wijzigen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Afspraken over het overleg wijzigen' });
      const recommended = dialog.getByRole('radio', {
        name: 'Elke 10 weken, ongeveer 5 keer per jaar (aanbevolen)',
      });
      expect(await recommended.isChecked()).toBe(true);
      await dialog.getByText(/De aanpak vraagt 4 tot 6 overleggen per jaar/).waitFor();
      await dialog.getByRole('radio', { name: 'Elke 6 weken, ongeveer 9 keer per jaar' }).check();
      expect(await dialog.getByRole('spinbutton', { name: 'Dagen tussen twee overleggen' }).count()).toBe(0);
      await dialog.getByRole('radio', { name: 'Een ander aantal dagen' }).check();
      await dialog.getByRole('spinbutton', { name: 'Dagen tussen twee overleggen' }).fill('91');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('moving a meeting to 25 December shows the reason and needs an explicit confirmation', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Petra Lindeboom');
      await openMeetings(page);
      const from = dutchLongDate('2027-12-14');
      await meetingCard(page, from).getByRole('button', { name: 'Verplaatsen' }).click();
      const move = page.getByRole('dialog', { name: `Overleg van ${from} verplaatsen` });
      await move.getByLabel('Nieuwe datum').fill('2027-12-25');
      await move.getByRole('button', { name: 'Verplaatsen' }).click();
      const alert = move.getByRole('alert');
      await alert.getByText('De planner slaat deze datum over').waitFor();
      expect(await alert.textContent()).toMatch(/25 december: Kerst/);
      // Not moved yet: the dialog stays open and asks for the second, explicit press.
      expect(await move.isVisible()).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await move.getByRole('button', { name: 'Toch verplaatsen' }).click();
      await move.waitFor({ state: 'hidden' });
      const to = dutchLongDate('2027-12-25');
      await toast(page, `Het overleg is verplaatst naar ${to}.`);
      await meetingCard(page, to).waitFor();
    } finally {
      await watched.close();
    }
  });

  it('adding a meeting on 25 December by hand shows the reason and needs an explicit confirmation', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Petra Lindeboom');
      await openMeetings(page);
      await page.getByRole('button', { name: 'Overleg toevoegen' }).click();
      const add = page.getByRole('dialog', { name: 'Overleg toevoegen op een datum die je zelf kiest' });
      await add.getByLabel('Datum').fill('2028-12-25');
      await add.getByRole('button', { name: 'Toevoegen' }).click();
      const alert = add.getByRole('alert');
      await alert.getByText('De planner slaat deze datum over').waitFor();
      expect(await alert.textContent()).toMatch(/25 december: Kerst/);
      expect(await alert.textContent()).toMatch(/Toch toevoegen/);
      // Not added yet: the dialog stays open and asks for the second, explicit press.
      const christmas = dutchLongDate('2028-12-25');
      expect(await meetingCard(page, christmas).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await add.getByRole('button', { name: 'Toch toevoegen' }).click();
      await add.waitFor({ state: 'hidden' });
      await toast(page, `Het overleg op ${christmas} is toegevoegd.`);
      await meetingCard(page, christmas).waitFor();
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
