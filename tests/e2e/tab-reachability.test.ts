import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertTabBuilt, launchChromium, openPage, seriousA11yViolations, signInAs } from './browser.js';
import { networkIdOf } from './insight-pages.js';
import { openNetworkFromOverview } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  // Two of Haven's allies lose their number, one of them also its wijk (as a careless import could leave them).
  const db = server.database.db;
  const haven = await db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  const allies = await db
    .selectFrom('people')
    .innerJoin('network_people', 'network_people.person_id', 'people.id')
    .select('people.id')
    .where('network_people.network_id', '=', haven.id)
    .where('people.kind', '=', 'ally')
    .orderBy('people.display_name')
    .limit(2)
    .execute();
  await db
    .updateTable('people')
    .set({ mobile: null })
    .where(
      'id',
      'in',
      allies.map((ally) => ally.id),
    )
    .execute();
  await db
    .updateTable('people')
    .set({ neighbourhood_id: null })
    .where('id', '=', allies[0]?.id as string)
    .execute();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('allies a crisis cannot reach', () => {
  it('are counted on the network page and on the crisis sheet, with Dutch plurals', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await page.getByText('2 bondgenoten zonder 06-nummer: niet te bellen bij een crisis').waitFor();
      await page
        .getByText('1 bondgenoot zonder wijk: bij een crisis zie je niet in welke wijk hij of zij actief is')
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto(`${server.url}/netwerken/${haven}/crisiskaart`);
      await page.getByRole('heading', { level: 1, name: 'Crisiskaart – Bondgenoten Haven' }).waitFor();
      await page.getByText('2 bondgenoten zonder 06-nummer: niet te bellen bij een crisis').waitFor();
      await page
        .getByText('1 bondgenoot zonder wijk: bij een crisis zie je niet in welke wijk hij of zij actief is')
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
