import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { areaId } from '../call-outs/fixtures.js';
import { callApi, signInAs as signInApi } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { choose } from './admin-pages.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';

/**
 * Closed call-outs can be found (issue 15 item 5): reachable from the call-outs page, filtered by period, kind and
 * network, a page at a time, and only those of the user's networks.
 */
let server: TestServer;
let browser: Browser;

async function startAndClose(
  cookie: string,
  place: string,
  kind: string,
  summary: string,
  startedAt: string,
) {
  const started = await callApi(server.url, cookie, 'POST', '/api/v1/call-outs', {
    kind,
    urgency: 'today',
    summary,
    ask: 'Peil de achterban (fictief)',
    placeIds: [await areaId(server.database.db, place)],
    communityIds: [],
  });
  if (started.status !== 201) throw new Error(`call-out not started: ${started.status}`);
  const closed = await callApi(server.url, cookie, 'POST', `/api/v1/call-outs/${started.body.id}/close`, {
    evaluationNote: 'Fictieve evaluatie',
  });
  if (closed.status !== 200) throw new Error(`call-out not closed: ${closed.status}`);
  await server.database.db
    .updateTable('call_outs')
    .set({ started_at: new Date(startedAt) })
    .where('id', '=', started.body.id)
    .execute();
}

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  const [sanne, fleur] = await Promise.all([
    signInApi(server.url, 'Sanne Verhoef'),
    signInApi(server.url, 'Fleur Oosterhout'),
  ]);
  await startAndClose(
    sanne,
    'Centrum Haven',
    'tension',
    'Fictief: spanning na een demonstratie',
    '2026-03-12T18:00:00Z',
  );
  await startAndClose(
    sanne,
    'De Werven',
    'incident',
    'Fictief: vechtpartij bij de haven',
    '2026-05-10T20:00:00Z',
  );
  await startAndClose(fleur, 'Muziekwijk', 'incident', 'Fictief: incident in Stad', '2026-06-01T10:00:00Z');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rowTexts = (table: ReturnType<Page['getByRole']>) =>
  table
    .getByRole('row')
    .allInnerTexts()
    .then((rows) => rows.slice(1).map((row) => row.replace(/\s+/g, ' ').trim()));

async function openClosed(page: Page, theme: string) {
  await page.goto(`${server.url}/?theme=${theme}`);
  await signInAs(page, 'Sanne Verhoef');
  await page.goto(`${server.url}/crisisoproepen?theme=${theme}`);
  await page.getByRole('heading', { level: 1, name: 'Crisisoproepen' }).waitFor();
  await page.getByRole('link', { name: 'Afgesloten crisisoproepen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Afgesloten crisisoproepen' }).waitFor();
  const table = page.getByRole('table', { name: 'Afgesloten crisisoproepen' });
  await table.getByRole('row').nth(1).waitFor();
  return table;
}

describe('closed call-outs in the tab (Sanne Verhoef, coordinator of Bondgenoten Haven)', () => {
  it('lists the closed call-outs of her networks and filters them by period, kind and network', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      const table = await openClosed(page, 'light');
      await page.getByText('2 afgesloten crisisoproepen gevonden.').waitFor();
      const rows = await rowTexts(table);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('Fictief: vechtpartij bij de haven');
      expect(rows[0]).toContain('Bondgenoten Haven');
      expect(rows[1]).toContain('Fictief: spanning na een demonstratie');
      // Need-to-know: Stad's call-out is not hers to see.
      expect(rows.join(' ')).not.toContain('Fictief: incident in Stad');
      await screenshot(page, 'closed-call-outs-light');

      // Kind and network.
      const form = page.getByRole('form', { name: 'Zoeken in afgesloten crisisoproepen' });
      await choose(page, form.getByRole('combobox', { name: 'Soort' }), 'Spanning');
      await choose(page, form.getByRole('combobox', { name: 'Netwerk' }), 'Bondgenoten Haven');
      await form.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText('1 afgesloten crisisoproep gevonden.').waitFor();
      expect(await rowTexts(table)).toEqual([
        expect.stringContaining('Fictief: spanning na een demonstratie'),
      ]);

      // A reversed period is named before anything is sent, and no old results stay under it.
      await form.getByRole('button', { name: 'Alles wissen' }).click();
      await page.getByText('2 afgesloten crisisoproepen gevonden.').waitFor();
      await form.getByLabel('Gestart vanaf').fill('2026-05-01');
      await form.getByLabel('Gestart tot en met').fill('2026-04-01');
      await form.getByRole('button', { name: 'Zoeken' }).click();
      await form.getByText('Deze datum ligt vóór de begindatum. Kies 1 mei 2026 of later.').waitFor();
      expect(await table.count()).toBe(0);

      // A period: May only.
      await form.getByLabel('Gestart tot en met').fill('2026-05-31');
      await form.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText('1 afgesloten crisisoproep gevonden.').waitFor();
      expect(await rowTexts(table)).toEqual([expect.stringContaining('Fictief: vechtpartij bij de haven')]);

      // The row leads to the call-out's own page.
      await table.getByRole('link', { name: 'Fictief: vechtpartij bij de haven' }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Incident' }).waitFor();
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
        await openClosed(page, theme);
        await page.mouse.move(0, 0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `closed-call-outs-${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});
