import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectSaying } from '../helpers/expect-saying.js';
import type { TestServer } from '../helpers/test-server.js';
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

/** The text of the network's card, found by its heading. */
async function networkText(page: Page, name: string): Promise<string> {
  return (
    (await page.locator('article', { has: page.getByRole('heading', { level: 4, name }) }).textContent()) ??
    ''
  );
}

describe('the tab in a plain browser, local sign-in', () => {
  it('signs in as Sanne Verhoef and shows the network map in Dutch, then in English', async () => {
    // A zone far west of UTC: a date-only value parsed or shown in local time would slip to 13 March.
    const watched = await openPage(browser, { timezoneId: 'Pacific/Honolulu' });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await page.getByText('Lokale demo-omgeving — alle gegevens zijn fictief.').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      await screenshot(page, 'sign-in-light');

      await signInAs(page, 'Sanne Verhoef');
      const header = (await page.getByRole('banner').textContent()) ?? '';
      expect(header).toContain('Sanne Verhoef');
      expect(header).toContain('Gemeente');
      expect(header).toContain('Coördinator · Bondgenoten Haven');

      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Almere']);
      expect(await page.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
        'Buiten',
        'Haven',
        'Hout',
        'Poort',
        'Stad',
      ]);
      const haven = await networkText(page, 'Bondgenoten Haven');
      expect(haven).toContain('Actief');
      expect(haven).toContain('5 bondgenoten');
      expect(haven).toContain('14 maart 2019');
      expect(haven).toContain('Coördinator');
      // What needs fixing, without opening the network: Petra (secretary) has no back-up, and relevant
      // communities have no ally yet.
      expect(haven).toContain('Aandachtspunten');
      expect(haven).toContain('1 stafmedewerker heeft geen back-up');
      expect(haven).toMatch(/\d+ relevante gemeenschappen? (heeft|hebben) nog geen bondgenoot/);
      // Need-to-know: no count for a network Sanne has no role in, and an explanation instead of a "0".
      const stad = await networkText(page, 'Bondgenoten Stad');
      expect(stad).toContain('Geen toegang');
      expect(stad).toContain('Alleen wie een rol in dit netwerk heeft, ziet wie erin zitten.');
      expect(stad).not.toContain('Aandachtspunten');
      expect(await networkText(page, 'Bondgenoten Buiten')).toContain('In opbouw');
      expect(await page.getByText('Nog geen netwerk').count()).toBe(2);

      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Network map – overview' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await networkText(page, 'Bondgenoten Haven')).toContain('5 allies');
      expect(await networkText(page, 'Bondgenoten Haven')).toContain('14 March 2019');
      expect(await networkText(page, 'Bondgenoten Stad')).toContain('No access');
      expect(await page.getByRole('banner').textContent()).toContain('Coordinator · Bondgenoten Haven');
      expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, 'overview-light-en');

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
        await page.goto(`${server.url}/?theme=${theme}`);
        await page.getByRole('button', { name: /Sanne Verhoef/ }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'sign-in page').toEqual([]);

        await signInAs(page, 'Sanne Verhoef');
        expectSaying(await seriousA11yViolations(page), 'overview').toEqual([]);
        await screenshot(page, `overview-${theme}`);

        // The theme really changed: dark and high contrast paint a dark page, light a light one.
        const background = await page.locator('main').evaluate((main) => {
          const [r, g, b] = (
            getComputedStyle(main.parentElement as Element).backgroundColor.match(/\d+/g) ?? []
          ).map(Number);
          return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
        });
        if (theme === 'light') expect(background).toBeGreaterThan(200);
        else expect(background).toBeLessThan(60);
      } finally {
        await watched.close();
      }
    });
  }

  it('runs under the server’s real CSP without a single violation or console error', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      const response = await page.goto(`${server.url}/`);
      // Guard against testing nothing: the document must really carry the strict policy.
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      await signInAs(page, 'Sanne Verhoef');
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: /Sanne Verhoef/ }).waitFor();

      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.consoleErrors.filter((text) => /Content Security Policy|CSP/i.test(text))).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
