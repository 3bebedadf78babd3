import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  SCREENSHOT_DIR,
  signInAs,
  VIOLATIONS_ONLY,
} from './browser.js';

/**
 * Correcting a signal (issue 17) at 400 px: Dewi Sastromedjo, coordinator of Bondgenoten Buiten, opens a demo
 * signal with "Bewerken", changes its text and urgency, saves and sees the change; a receipt time in the future
 * is refused with a Dutch error beside the field, and what she typed stays.
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

/** The newest signal of Buiten: the first card of the list. */
const newest = () =>
  server.database.db
    .selectFrom('signals')
    .select(['id', 'body', 'urgency', 'version', 'received_at'])
    .where('network_id', '=', buitenId)
    .orderBy('received_at', 'desc')
    .executeTakeFirstOrThrow();

describe('correcting a signal in the tab (Dewi Sastromedjo, coordinator of Bondgenoten Buiten)', () => {
  it('edits, saves and shows the change; a bad value shows a Dutch error and keeps the input', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 800 } });
    const { page } = watched;
    page.setDefaultTimeout(30_000);
    try {
      const before = await newest();
      expect(before.version).toBe(1);
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Dewi Sastromedjo');
      await page.goto(`${server.url}/signalen/netwerk/${buitenId}?theme=light`);
      await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
      const list = page.getByRole('list', { name: 'Signalen' });
      const first = list.getByRole('listitem').first();
      await first.getByRole('button', { name: /bewerken$/ }).click();

      const form = first.getByRole('form', { name: 'Signaal bewerken' });
      // Prefilled with what was recorded.
      expect(await form.getByLabel('Wat werd er gezegd?').inputValue()).toBe(before.body);
      expect(await form.getByLabel('Ontvangen op').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await form.getByLabel('Wat werd er gezegd?').fill('Fictief: gecorrigeerd, het ging om de speeltuin');
      await form.getByLabel('Urgentie').selectOption({ label: 'Urgent' });
      await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await first.getByText('Signaal bijgewerkt.').waitFor();
      await first.getByText('Fictief: gecorrigeerd, het ging om de speeltuin').waitFor();
      await first.getByText(/^Gecorrigeerd door Dewi Sastromedjo/).waitFor();
      const after = await newest();
      expect(after).toMatchObject({
        id: before.id,
        body: 'Fictief: gecorrigeerd, het ging om de speeltuin',
        urgency: 'urgent',
        version: 2,
      });
      expect(new Date(after.received_at).getTime()).toBe(new Date(before.received_at).getTime());

      // A receipt time in the future: refused beside the field, in Dutch; the typed text stays.
      await first.getByRole('button', { name: /bewerken$/ }).click();
      await form.getByLabel('Wat werd er gezegd?').fill('Fictief: nog niet opgeslagen');
      await form.getByLabel('Ontvangen op').fill('2099-01-01T10:00');
      await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await form.getByText('Deze datum ligt in de toekomst.').waitFor();
      expect(await form.getByLabel('Wat werd er gezegd?').inputValue()).toBe('Fictief: nog niet opgeslagen');
      expect(await form.getByLabel('Ontvangen op').inputValue()).toBe('2099-01-01T10:00');
      expect(await newest()).toMatchObject({
        body: 'Fictief: gecorrigeerd, het ging om de speeltuin',
        version: 2,
      });

      // At 400 px nothing sticks out sideways; the form passes axe (scanned alone: Buiten has a year of signals).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      const axe = await new AxeBuilder({ page })
        .include('form[aria-label="Signaal bewerken"]')
        .exclude('[data-tabster-dummy]')
        .options(VIOLATIONS_ONLY)
        .analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await form.getByLabel('Ontvangen op').scrollIntoViewIfNeeded();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'tab-signal-edit-400.png') });

      // Cancelling leaves the signal as saved.
      await form.getByRole('button', { name: 'Annuleren' }).click();
      await first.getByText('Fictief: gecorrigeerd, het ging om de speeltuin').waitFor();
      expect(watched.consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('keeps the thermometer’s period in the address bar and carries it to the sfeerbeeld', async () => {
    const watched = await openPage(browser, { viewport: { width: 400, height: 800 } });
    const { page } = watched;
    page.setDefaultTimeout(30_000);
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Dewi Sastromedjo');
      await page.goto(`${server.url}/signalen?theme=light`);
      await page.getByRole('heading', { level: 1, name: 'Thermometer' }).waitFor();
      const filters = page.getByRole('form', { name: 'Filters' });
      await filters.getByLabel('Van').fill('2026-03-01');
      await filters.getByLabel('Per').selectOption({ label: 'Week' });
      await filters.getByRole('button', { name: 'Tonen' }).click();
      await page.waitForURL(/van=2026-03-01/);
      expect(new URL(page.url()).searchParams.get('per')).toBe('week');
      expect(new URL(page.url()).searchParams.get('theme')).toBe('light');
      await page.getByRole('link', { name: 'Sfeerbeeld maken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sfeerbeeld' }).waitFor();
      expect(await page.getByRole('form', { name: 'Filters' }).getByLabel('Van').inputValue()).toBe(
        '2026-03-01',
      );
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sfeerbeeld' }).waitFor();
      expect(await page.getByRole('form', { name: 'Filters' }).getByLabel('Van').inputValue()).toBe(
        '2026-03-01',
      );
    } finally {
      await watched.close();
    }
  });
});
