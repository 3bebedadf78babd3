import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
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

let server: TestServer;
let browser: Browser;
let havenId: string;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const dewiId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow()
  ).id;
  // The administrator gives Dewi a role in Haven: her introduction starts.
  const anouk = await signInApi(server.url, 'Anouk Terpstra');
  const granted = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
    role: 'member',
  });
  expect(granted.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the introduction page (issue 19): a newcomer gets to know the network', () => {
  it('shows the coordinator the newcomer’s checklist and lets them tick an item with the date', async () => {
    const { page, consoleErrors, close } = await openPage(browser, { viewport: { width: 400, height: 800 } });
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await page.goto(`${server.url}/netwerken/${havenId}?theme=light`);
      await page.getByRole('link', { name: 'Introductie' }).click();
      await page.getByRole('heading', { level: 1, name: 'Introductie – Bondgenoten Haven' }).waitFor();
      const section = page.getByRole('region', { name: 'Introductie van Dewi Sastromedjo' });
      await section.waitFor();
      const progress = section.getByText(/^0 van \d+ gedaan/);
      await progress.waitFor();
      const crisisSheet = section.getByRole('checkbox', { name: 'De crisiskaart gelezen' });
      expect(await crisisSheet.isChecked()).toBe(false);
      expect(await section.getByRole('checkbox', { name: /^Kennisgemaakt met / }).count()).toBeGreaterThan(0);
      await crisisSheet.click();
      await section.getByText(/^1 van \d+ gedaan/).waitFor();
      expect(await crisisSheet.isChecked()).toBe(true);
      await section.getByText(/^gedaan op /).waitFor();

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'introduction-400');
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the newcomer their own checklist, in English too', async () => {
    const { page, consoleErrors, close } = await openPage(browser);
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Dewi Sastromedjo');
      await page.goto(`${server.url}/netwerken/${havenId}/introductie?theme=light`);
      const section = page.getByRole('region', { name: 'Mijn introductie' });
      await section.waitFor();
      await section.getByRole('checkbox', { name: 'De netwerkpagina gelezen' }).click();
      await section.getByText(/^2 van \d+ gedaan/).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Introduction – Bondgenoten Haven' }).waitFor();
      await page
        .getByRole('region', { name: 'My introduction' })
        .getByText(/^2 of \d+ done/)
        .waitFor();
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
