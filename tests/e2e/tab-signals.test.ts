import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../src/platform/time.js';
import { callApi, signInAs as signInApi } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';

/**
 * Signals (issue 17): a signal is logged in the tab, followed up and fed back, counted in the thermometer, and
 * shown in the sfeerbeeld without names; the pages pass axe in three themes.
 */
let server: TestServer;
let browser: Browser;
let havenId: string;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, path: string, theme = 'light') {
  await page.goto(`${server.url}/?theme=${theme}`);
  await signInAs(page, 'Sanne Verhoef');
  await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
}

const rows = (table: ReturnType<Page['getByRole']>) =>
  table
    .getByRole('row')
    .allInnerTexts()
    .then((all) => all.slice(1).map((row) => row.replace(/\s+/g, ' ').trim()));

describe('signals in the tab (Sanne Verhoef, coordinator of Bondgenoten Haven)', () => {
  it('logs a signal, follows it up to the feedback, and finds it in the thermometer and the sfeerbeeld', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await open(page, `/signalen/netwerk/${havenId}`);
      await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
      const form = page.getByRole('form', { name: 'Signaal vastleggen' });
      await form.getByLabel('Van wie').selectOption({ label: 'Yasmina el Ouali' });
      await form.getByLabel('Urgentie').selectOption({ label: 'Aandacht' });
      await form.getByRole('checkbox', { name: 'Centrum Haven' }).check();
      await form.getByRole('checkbox', { name: 'Armoede' }).check();
      await form
        .getByLabel('Wat werd er gezegd?')
        .fill('Fictief: gezinnen kunnen de energierekening niet betalen');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByText('Signaal vastgelegd.').waitFor();
      const list = page.getByRole('list', { name: 'Signalen' });
      await list.getByText('Fictief: gezinnen kunnen de energierekening niet betalen').waitFor();
      await list.getByText('Nog niet teruggekoppeld').waitFor();
      await screenshot(page, 'signals-network');

      // The network page shows the open follow-up; the person page keeps the contact log.
      await page.goto(`${server.url}/netwerken/${havenId}?theme=light`);
      await page.getByText('1 signaal open, waarvan 0 te laat').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const yasmina = await server.database.db
        .selectFrom('people')
        .select('id')
        .where('display_name', '=', 'Yasmina el Ouali')
        .executeTakeFirstOrThrow();
      await page.goto(`${server.url}/personen/${yasmina.id}?theme=light`);
      const contact = page.getByRole('form', { name: 'Contact vastleggen' });
      await contact.getByLabel('Waar ging het over?').fill('Fictief: koffie na het vrijdaggebed');
      await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
      await page
        .getByRole('table', { name: 'Contactlog' })
        .getByText('Fictief: koffie na het vrijdaggebed')
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto(`${server.url}/signalen/netwerk/${havenId}?theme=light`);
      await list.getByText('Nog niet teruggekoppeld').waitFor();

      // Follow-up: done, and fed back today.
      const followUp = list.getByRole('form').first();
      await followUp.getByLabel('Status').selectOption({ label: 'Afgerond' });
      await followUp.getByLabel('Acties').fill('Fictief: buurtteam ingeschakeld');
      await followUp.getByLabel('Teruggekoppeld aan de melder op').fill(localDate(new Date()));
      await followUp.getByRole('button', { name: 'Opvolging opslaan' }).click();
      await list.getByText(/Teruggekoppeld op/).waitFor();
      const stored = await server.database.db.selectFrom('signal_follow_ups').selectAll().execute();
      expect(
        stored.filter((f) => f.status === 'done' && f.fed_back_on === localDate(new Date())),
      ).toHaveLength(1);

      // The thermometer counts it.
      await page.goto(`${server.url}/signalen?theme=light`);
      await page.getByRole('heading', { level: 1, name: 'Thermometer' }).waitFor();
      const table = page.getByRole('table', { name: 'Tabel: signalen per wijk en thema' });
      await table.getByRole('row').nth(1).waitFor();
      expect(await rows(table)).toContainEqual(
        expect.stringMatching(/^Centrum Haven Armoede 1 0 ↑ stijgend$/),
      );
      await screenshot(page, 'signals-thermometer');

      // Four more make the cell big enough to show in the sfeerbeeld; names never appear there.
      const sanne = await signInApi(server.url, 'Sanne Verhoef');
      const wijk = await server.database.db
        .selectFrom('areas')
        .select('id')
        .where('name', '=', 'Centrum Haven')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 4; i++) {
        const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/signals`, {
          personId: null,
          channel: 'phone',
          urgency: 'information',
          wijkIds: [wijk.id],
          themes: ['armoede'],
          text: 'Fictief: nog een signaal over armoede',
        });
        expect(created.status).toBe(201);
      }
      await page.getByRole('link', { name: 'Sfeerbeeld maken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sfeerbeeld' }).waitFor();
      const report = page.getByRole('table', { name: 'Sfeerbeeld per wijk en thema' });
      await report.getByRole('row').nth(1).waitFor();
      expect(await rows(report)).toContainEqual(expect.stringMatching(/^Centrum Haven Armoede 5 0/));
      const text = (await page.locator('main').textContent()) ?? '';
      for (const name of ['Yasmina', 'Sanne Verhoef', 'energierekening']) expect(text).not.toContain(name);
      await screenshot(page, 'signals-sfeerbeeld');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await open(page, `/signalen/netwerk/${havenId}`, theme);
        await page.getByRole('form', { name: 'Signaal vastleggen' }).waitFor();
        await page
          .getByRole('list', { name: 'Signalen' })
          .or(page.getByText('Nog geen signalen.'))
          .first()
          .waitFor();
        await page.mouse.move(0, 0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.goto(`${server.url}/signalen?theme=${theme}`);
        await page.getByRole('heading', { level: 1, name: 'Thermometer' }).waitFor();
        await page.getByRole('table').or(page.getByText('Geen signalen in deze periode.')).first().waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.goto(`${server.url}/signalen/sfeerbeeld?theme=${theme}`);
        await page.getByRole('table', { name: 'Stemming in de overleggen per wijk' }).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `signals-sfeerbeeld-${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});
