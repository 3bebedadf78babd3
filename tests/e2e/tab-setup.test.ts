import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { choose } from './admin-pages.js';
import { assertTabBuilt, launchChromium, openPage, screenshot, seriousA11yViolations } from './browser.js';

/**
 * Day one in the tab (issue 11): an EMPTY local database (no demo seed) with one administrator. The tab opens
 * the checklist; the administrator creates the municipality, a district and a wijk by hand and imports two more.
 */
let database: DatabaseHandle;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  database = await createTestDatabase({ seed: false });
  // Local sign-in lists the staff in the database; an empty one has none, so the one administrator is put there.
  const admin = await database.db
    .insertInto('users')
    .values({
      tenant_id: '00000000-0000-4000-8000-0000000000a1',
      aad_object_id: '00000000-0000-4000-8000-00000000b001',
      display_name: 'Fictieve Beheerder',
      organisation: 'gemeente',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db.insertInto('administrators').values({ user_id: admin.id }).execute();
  server = await startTestServer({ database, env: { SEED_DEMO: 'false' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function signIn(page: Page, theme: string): Promise<void> {
  await page.goto(`${server.url}/?theme=${theme}`);
  await page.getByRole('button', { name: /Fictieve Beheerder/ }).click();
}

const checklistHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Beheer – Inrichting' });
const step = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Stappen van de inrichting' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

describe('Beheer → Inrichting on an empty local database', () => {
  it('lands on the checklist, and creates the municipality, a district and wijken by hand and by import', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 900 } });
    const { page } = watched;
    try {
      await signIn(page, 'light');
      await checklistHeading(page).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer/inrichting');
      await step(page, 'Gemeente').getByText('Te doen').waitFor();
      await screenshot(page, 'setup-checklist-400');

      await step(page, 'Gemeente').getByRole('link', { name: 'Gemeente' }).click();
      await page.getByRole('textbox', { name: /Naam van de gemeente/ }).fill('Fictiefstad');
      await page.getByRole('textbox', { name: /CBS-gemeentecode/ }).fill('GM99');
      await page.getByRole('radio', { name: 'Midden' }).check();
      await page.getByRole('textbox', { name: /Breedtegraad/ }).fill('52,09');
      await page.getByRole('textbox', { name: /Lengtegraad/ }).fill('5.12');
      await page.getByRole('button', { name: 'Gemeente aanmaken' }).click();
      // The malformed code is refused next to its field; nothing is created.
      await page.getByText('Verbeter de gemarkeerde velden.').waitFor();
      const code = page.getByRole('textbox', { name: /CBS-gemeentecode/ });
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'setup-municipality-400');
      await code.fill('GM9901');
      await page.getByRole('button', { name: 'Gemeente aanmaken' }).click();

      // On to the areas.
      await page.getByRole('heading', { level: 2, name: 'Stadsdelen en wijken' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer/inrichting/gebieden');
      await page.getByText('Fictiefstad (GM9901)').waitFor();
      await page.getByRole('textbox', { name: /Naam van het stadsdeel/ }).fill('Noordoost');
      await page
        .getByRole('form', { name: 'Stadsdeel toevoegen' })
        .getByRole('button', { name: 'Toevoegen' })
        .click();
      await page.getByText('Noordoost is toegevoegd.').waitFor();

      const wijkForm = page.getByRole('form', { name: 'Wijk toevoegen' });
      await wijkForm.getByRole('textbox', { name: /Naam van de wijk/ }).fill('Fictiefwijk');
      await choose(page, wijkForm.getByRole('combobox', { name: /Stadsdeel/ }), 'Noordoost');
      await wijkForm.getByRole('textbox', { name: /CBS-wijkcode/ }).fill('WK990101');
      await wijkForm.getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByText('Fictiefwijk is toegevoegd.').waitFor();

      // A small CSV from the CBS wijken table: one row of another gemeente is skipped, Oost is created.
      await page
        .getByRole('textbox', { name: 'Of plak de CSV-tekst hier' })
        .fill(
          'WK_CODE;WK_NAAM;GM_CODE;stadsdeel\nWK990102;Oosterpark;GM9901;Oost\nWK990103;Westerkwartier;GM9901;Noordoost\nWK003401;Elders;GM0034;Haven\n',
        );
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByText('2 nieuw, 1 overgeslagen, 0 met fouten. Nieuwe stadsdelen: Oost.').waitFor();
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.getByText('2 wijken en 1 stadsdelen geïmporteerd.').waitFor();
      await page.getByRole('listitem', { name: 'Stadsdeel Oost' }).getByText('Oosterpark').waitFor();
      await screenshot(page, 'setup-areas-400');

      await page.getByRole('link', { name: 'Terug naar de inrichting' }).click();
      await checklistHeading(page).waitFor();
      await step(page, 'Gemeente').getByText('Klaar').waitFor();
      await step(page, 'Stadsdelen en wijken').getByText('Klaar').waitFor();
      expect(watched.consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations on the setup pages in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        // Set up by now: the start page is the overview, and Beheer → Inrichting stays reachable.
        await signIn(page, theme);
        await page.getByRole('heading', { level: 1, name: /Netwerkkaart/ }).waitFor();
        await page.goto(`${server.url}/beheer/inrichting?theme=${theme}`);
        await step(page, 'Gemeente').getByText('Klaar').waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'checklist').toEqual([]);

        await page
          .getByRole('navigation', { name: 'Beheeronderdelen' })
          .getByRole('link', { name: 'Inrichting' })
          .waitFor();
        await step(page, 'Gemeente').getByRole('link', { name: 'Gemeente' }).click();
        await page.getByRole('button', { name: 'Opslaan' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'municipality').toEqual([]);
        await screenshot(page, `setup-municipality-${theme}`);

        await page.goto(`${server.url}/beheer/inrichting/gebieden?theme=${theme}`);
        await page.getByRole('listitem', { name: 'Stadsdeel Oost' }).waitFor();
        await page.getByRole('button', { name: 'Fictiefwijk wijzigen' }).click();
        await page.getByRole('form', { name: 'Fictiefwijk wijzigen' }).waitFor();
        await page.getByRole('textbox', { name: 'Of plak de CSV-tekst hier' }).fill('WK_NAAM\nKapot\u0001\n');
        await page.getByRole('button', { name: 'Controleren' }).click();
        await page.getByRole('table', { name: 'Rijen van het bestand' }).waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'areas').toEqual([]);
        await screenshot(page, `setup-areas-${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});
