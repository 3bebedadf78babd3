import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { choose } from './admin-pages.js';
import { assertTabBuilt, launchChromium, openPage, screenshot, seriousA11yViolations } from './browser.js';

/**
 * Day one, the networks step (issue 11): on a database without the demo seed, holding a fictional
 * municipality with a district, an active and an archived wijk, the administrator starts, renames, pauses,
 * resumes and archives a network and sets the ally limits, all in the tab.
 */
let database: DatabaseHandle;
let server: TestServer;
let browser: Browser;
let municipalityId: string;

beforeAll(async () => {
  assertTabBuilt();
  database = await createTestDatabase({ seed: false });
  const db = database.db;
  const admin = await db
    .insertInto('users')
    .values({
      tenant_id: '00000000-0000-4000-8000-0000000000a1',
      aad_object_id: '00000000-0000-4000-8000-00000000b002',
      display_name: 'Fictieve Beheerder',
      organisation: 'gemeente',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('administrators').values({ user_id: admin.id }).execute();
  municipalityId = (
    await db
      .insertInto('municipalities')
      .values({ name: 'Fictiefstad', cbs_code: 'GM9902', latitude: 52.09, longitude: 5.12 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const district = await db
    .insertInto('areas')
    .values({ municipality_id: municipalityId, kind: 'district', name: 'Noordoost' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('areas')
    .values([
      { municipality_id: municipalityId, kind: 'neighbourhood', name: 'Fictiefwijk', parent_id: district.id },
      {
        municipality_id: municipalityId,
        kind: 'neighbourhood',
        name: 'Oudewijk',
        parent_id: district.id,
        archived: true,
      },
    ])
    .execute();
  server = await startTestServer({ database, env: { SEED_DEMO: 'false' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function openNetworksPage(page: Page, theme: string): Promise<void> {
  await page.goto(`${server.url}/?theme=${theme}`);
  await page.getByRole('button', { name: /Fictieve Beheerder/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.goto(`${server.url}/beheer/inrichting/netwerken?theme=${theme}`);
  await page.getByRole('heading', { level: 2, name: 'Netwerk starten' }).waitFor();
}

const row = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Netwerken van Fictiefstad' })
    .getByRole('listitem')
    .filter({ hasText: name });

describe('Beheer → Inrichting → Netwerken', () => {
  it('starts, renames, pauses, resumes and archives a network, and sets the ally limits', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 900 } });
    const { page } = watched;
    try {
      await openNetworksPage(page, 'light');
      await page.getByText('Er zijn nog geen netwerken.').waitFor();

      // The archived wijk is not offered.
      const form = page.getByRole('form', { name: 'Netwerk starten' });
      await form.getByRole('combobox', { name: /Stadsdeel of wijk/ }).click();
      await page.getByRole('option', { name: 'Fictiefwijk (wijk in Noordoost)' }).waitFor();
      expect(await page.getByRole('option', { name: /Oudewijk/ }).count()).toBe(0);
      await page.keyboard.press('Escape');

      // Without an area the form says so and sends nothing.
      await form.getByRole('textbox', { name: /Naam van het netwerk/ }).fill('Bondgenoten Noordoost');
      await form.getByRole('button', { name: 'Netwerk starten' }).click();
      await form.getByText('Kies een stadsdeel of wijk').waitFor();
      await choose(page, form.getByRole('combobox', { name: /Stadsdeel of wijk/ }), 'Noordoost (stadsdeel)');
      await form.getByRole('button', { name: 'Netwerk starten' }).click();
      await page.getByText('Netwerk Bondgenoten Noordoost is gestart.').waitFor();
      await row(page, 'Bondgenoten Noordoost').getByText('In opbouw').waitFor();

      // Rename.
      await page.getByRole('button', { name: 'Naam van Bondgenoten Noordoost wijzigen' }).click();
      const rename = page.getByRole('form', { name: 'Naam van Bondgenoten Noordoost wijzigen' });
      await rename.getByRole('textbox', { name: /Naam/ }).fill('Bondgenoten Fictiefwijk-Noord');
      await rename.getByRole('button', { name: 'Opslaan' }).click();
      const renamed = row(page, 'Bondgenoten Fictiefwijk-Noord');
      await renamed.getByText('In opbouw').waitFor();

      // Activate, pause, resume.
      await page.getByRole('button', { name: 'Bondgenoten Fictiefwijk-Noord actief maken' }).click();
      await renamed.getByText('Actief').waitFor();
      await page.getByRole('button', { name: 'Bondgenoten Fictiefwijk-Noord pauzeren' }).click();
      await renamed.getByText('Gepauzeerd').waitFor();
      await screenshot(page, 'setup-networks-400');
      await page.getByRole('button', { name: 'Bondgenoten Fictiefwijk-Noord hervatten' }).click();
      await renamed.getByText('Actief').waitFor();

      // Archive, after confirming.
      await page.getByRole('button', { name: 'Bondgenoten Fictiefwijk-Noord archiveren' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Bondgenoten Fictiefwijk-Noord archiveren?' });
      await dialog.getByRole('button', { name: 'Archiveren' }).click();
      await renamed.getByText('Gearchiveerd').waitFor();
      await page.getByRole('button', { name: 'Bondgenoten Fictiefwijk-Noord terugzetten' }).waitFor();
      const stored = await database.db
        .selectFrom('networks')
        .select(['name', 'status'])
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ name: 'Bondgenoten Fictiefwijk-Noord', status: 'archived' });

      // Limits: a hard limit below the soft one is refused next to its field; then saved.
      const limits = page.getByRole('form', { name: 'Grenzen voor bondgenoten' });
      await limits.getByRole('spinbutton', { name: /Zachte grens/ }).fill('12');
      await limits.getByRole('spinbutton', { name: /Harde grens/ }).fill('9');
      await limits.getByRole('button', { name: 'Grenzen opslaan' }).click();
      await limits.getByText('De harde grens moet minstens de zachte grens zijn').waitFor();
      expect(await limits.getByRole('spinbutton', { name: /Harde grens/ }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      await limits.getByRole('spinbutton', { name: /Harde grens/ }).fill('14');
      await limits.getByRole('button', { name: 'Grenzen opslaan' }).click();
      await limits.getByText('De grenzen zijn opgeslagen.').waitFor();
      const saved = await database.db
        .selectFrom('municipalities')
        .select(['ally_soft_limit', 'ally_hard_limit'])
        .where('id', '=', municipalityId)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({ ally_soft_limit: 12, ally_hard_limit: 14 });
      await screenshot(page, 'setup-networks-limits-400');

      expect(watched.consoleErrors.filter((line) => !line.includes('status of 400'))).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await openNetworksPage(page, theme);
        await page.getByRole('list', { name: 'Netwerken van Fictiefstad' }).waitFor();
        await page
          .getByRole('button', { name: /wijzigen$/ })
          .first()
          .click();
        await page.mouse.move(0, 0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `setup-networks-${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});
