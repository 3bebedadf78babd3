import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { expectSaying } from '../helpers/expect-saying.js';
import type { TestServer } from '../helpers/test-server.js';
import { openBeheer, staffRow } from './admin-pages.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe('the Beheer pages in every theme and width', () => {
  it('fits a narrow Teams side panel in English, scrolling only the tables sideways', async () => {
    const watched = await openPage(browser, { viewport: { width: 420, height: 800 } });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/beheer/rollen`);
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('button', { name: /Anouk Terpstra/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Administration – Roles' }).waitFor();
      await staffRow(page, 'Dewi Sastromedjo');
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, 'roles-narrow-en');

      await page.getByRole('link', { name: 'Audit trail' }).click();
      await page.getByRole('table').waitFor();
      expect(await page.getByRole('columnheader').allInnerTexts()).toEqual([
        'No.',
        'Time',
        'Staff member',
        'Action',
        'Object',
        'Result',
        'Channel',
      ]);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, 'audit-narrow-en');
    } finally {
      await watched.close();
    }
  });
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility violations on Rollen and Audittrail in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Anouk Terpstra');
        await openBeheer(page, 'Rollen');
        await staffRow(page, 'Dewi Sastromedjo');
        expectSaying(await seriousA11yViolations(page), 'Rollen').toEqual([]);
        await screenshot(page, `roles-${theme}`);

        await page
          .getByRole('navigation', { name: 'Beheeronderdelen' })
          .getByRole('link', { name: 'Audittrail' })
          .click();
        await page.getByRole('table').waitFor();
        await page.getByRole('button', { name: 'Keten controleren' }).click();
        await page.getByText('De keten is intact.').waitFor();
        expectSaying(await seriousA11yViolations(page), 'Audittrail').toEqual([]);
        await screenshot(page, `audit-${theme}`);
        // The theme survived the navigation: the query stays in every menu link.
        expect(new URL(page.url()).search).toBe(`?theme=${theme}`);
      } finally {
        await watched.close();
      }
    });
  }
});

describe('Beheer for everyone else', () => {
  it('shows Sanne Verhoef no Beheer menu, and "Geen toegang" at /beheer/rollen without asking the API', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const adminCalls: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/(staff|audit-events|directory)/.test(request.url())) adminCalls.push(request.url());
    });
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      // Search, meetings, call-outs and signals are for everyone with a role in a network; Beheer only for administrators.
      expect(await menu.getByRole('link').allInnerTexts()).toEqual([
        'Netwerkkaart',
        'Zoeken',
        'Overleggen',
        'Crisisoproepen',
        'Signalen',
      ]);
      expect(await page.getByRole('banner').textContent()).not.toContain('Beheerder');

      await page.goto(`${server.url}/beheer/rollen`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      expect(await page.title()).toBe('Geen toegang – Bondgenoten');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'no-access');
      await page.getByRole('link', { name: 'Naar de netwerkkaart' }).click();
      await page.getByRole('heading', { level: 1, name: 'Netwerkkaart – overzicht' }).waitFor();

      expect(adminCalls).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
