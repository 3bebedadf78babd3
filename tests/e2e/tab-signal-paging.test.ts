import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertTabBuilt, launchChromium, openPage, seriousA11yViolations, signInAs } from './browser.js';

/**
 * The signals list a page at a time: Dewi Sastromedjo's Buiten holds ~180 demo signals; the page shows 25,
 * "Meer laden" adds 25 more and moves the focus to the first new one, and axe stays quick and clean.
 */
let server: TestServer;
let browser: Browser;
let buitenId: string;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  buitenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Buiten')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const items = (page: Page) => page.getByRole('list', { name: 'Signalen' }).locator(':scope > li');

describe('the signals list, a page at a time (Dewi Sastromedjo, coordinator of Bondgenoten Buiten)', () => {
  it('shows 25, loads 25 more on "Meer laden" with the focus on the first new one, and passes axe', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Dewi Sastromedjo');
      await page.goto(`${server.url}/signalen/netwerk/${buitenId}`);
      await page.getByRole('list', { name: 'Signalen' }).waitFor();
      expect(await items(page).count()).toBe(25);
      await eventually(() => page.getByRole('status').filter({ hasText: 'getoond' }).textContent()).toBe(
        '25 signalen getoond; er zijn er meer.',
      );
      const started = Date.now();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const axeSeconds = (Date.now() - started) / 1000;
      expect(axeSeconds).toBeLessThan(30);
      await page.getByRole('button', { name: 'Meer laden' }).click();
      await eventually(() => items(page).count()).toBe(50);
      await eventually(() =>
        items(page)
          .nth(25)
          .evaluate((el) => el === document.activeElement),
      ).toBe(true);
      const all = await server.database.db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('network_id', '=', buitenId)
        .executeTakeFirstOrThrow();
      // Load the rest: the last page ends the button and says all are shown.
      while (await page.getByRole('button', { name: 'Meer laden' }).isVisible()) {
        const before = await items(page).count();
        await page.getByRole('button', { name: 'Meer laden' }).click();
        await eventually(() => items(page).count()).toBeGreaterThan(before);
      }
      expect(await items(page).count()).toBe(Number(all.n));
      await eventually(() => page.getByRole('status').filter({ hasText: 'getoond' }).textContent()).toBe(
        `Alle ${all.n} signalen getoond.`,
      );
      expect(watched.consoleErrors).toEqual([]);
      console.info(`axe on the first page of Buiten's signals: ${axeSeconds.toFixed(1)} s`);
    } finally {
      await watched.close();
    }
  });
});
