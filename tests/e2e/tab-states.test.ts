import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
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

describe('the tab’s other states', () => {
  it('says in Dutch what went wrong when the overview fails (never the English detail), and recovers with retry', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      let failuresLeft = 1;
      await page.route('**/api/v1/areas', async (route) => {
        if (failuresLeft-- <= 0) return route.continue();
        await route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'urn:bondgenoten:problem:not-ready',
            title: 'Service unavailable',
            status: 503,
            detail: 'The database cannot be reached.',
          }),
        });
      });
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: /Sanne Verhoef/ }).click();
      await page
        .getByText('De app is even niet bereikbaar. Probeer het over een paar minuten opnieuw.')
        .waitFor();
      expect(await page.getByText('Er ging iets mis').count()).toBe(1);
      expect(await page.getByText('The database cannot be reached.').count()).toBe(0);
      await screenshot(page, 'overview-error');

      await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
      await page.getByRole('heading', { level: 3, name: 'Haven' }).waitFor();
      expect(await page.getByText('De app is even niet bereikbaar', { exact: false }).count()).toBe(0);
    } finally {
      await watched.close();
    }
  });

  it('can be used with the keyboard alone: skip link, sign-in, sign-out', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: /Sanne Verhoef/ }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
      let focused = '';
      for (let step = 0; step < 20 && !focused.includes('Sanne Verhoef'); step++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(focused).toContain('Sanne Verhoef');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Netwerkkaart – overzicht' }).waitFor();
      // The clicked button is gone; focus moved to the new main content instead of getting lost.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.getByRole('button', { name: 'Afmelden' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
      // Signed out for real: a reload still shows the sign-in page.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    } finally {
      await watched.close();
    }
  });

  it('fits a narrow Teams side panel or phone without losing anything', async () => {
    const watched = await openPage(browser, { viewport: { width: 420, height: 800 } });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'overview-narrow');
    } finally {
      await watched.close();
    }
  });

  it('explains the channel-tab configuration page outside Teams', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/config`);
      await page.getByRole('heading', { level: 1, name: 'Bondgenoten toevoegen aan dit kanaal' }).waitFor();
      expect(await page.getByText('bedoeld voor Microsoft Teams').count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('does not hang when opened with ?inTeams=1 outside Teams, but carries on as a web page', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?inTeams=1`);
      await page.getByRole('button', { name: /Sanne Verhoef/ }).waitFor({ timeout: 15_000 });
    } finally {
      await watched.close();
    }
  });
});

/** The sign-in configuration the tab's page carries (src/server/tab-page.ts), and the page's Cache-Control. */
async function embeddedConfig(
  url: string,
  cookie?: string,
): Promise<{ config: unknown; cacheControl: string }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const match = /<script type="application\/json" id="bg-auth-config">(.*?)<\/script>/.exec(html);
  return {
    config: match ? JSON.parse(match[1] as string) : null,
    cacheControl: response.headers.get('cache-control') ?? '',
  };
}

const authConfig = async (base: string, cookie?: string) =>
  (await fetch(`${base}/api/v1/auth/config`, { headers: cookie ? { cookie } : {} })).json();

describe('the tab’s page', () => {
  it('carries what /auth/config answers the browser, is never stored with a session, and preloads the first page', async () => {
    const signedOut = await embeddedConfig(`${server.url}/`);
    expect(signedOut.config).toEqual(await authConfig(server.url));
    expect(signedOut.config).toEqual({ mode: 'local', clientId: null, session: { signedIn: false } });
    expect(signedOut.cacheControl).toBe('no-store');

    const staff = (await (await fetch(`${server.url}/api/v1/auth/local/staff`)).json()) as {
      id: string;
      displayName: string;
    }[];
    const sanne = staff.find((member) => member.displayName === 'Sanne Verhoef');
    const signIn = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: sanne?.id }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const signedIn = await embeddedConfig(`${server.url}/`, cookie);
    expect(signedIn.config).toMatchObject({
      session: { signedIn: true, me: { user: { displayName: 'Sanne Verhoef' } } },
    });
    expect(signedIn.config).toEqual(await authConfig(server.url, cookie));
    // An ended session: the page carries no session, so the tab asks /auth/config, which refuses it as ever.
    const ended = await embeddedConfig(`${server.url}/`, 'bg_session=not-a-session');
    expect(ended.config).toEqual({ mode: 'local', clientId: null });
    expect(ended.cacheControl).toBe('no-cache');

    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/setup-landing-[\w-]+\.js">/);
    expect(await (await fetch(`${server.url}/zoeken`)).text()).not.toMatch(/setup-landing/);
  });

  it('starts a signed-in tab without asking /auth/config', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.reload();
      await page.getByRole('heading', { level: 3 }).first().waitFor();
      expect(asked).toContain('/api/v1/areas');
      expect(asked).not.toContain('/api/v1/auth/config');
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('a server in Entra mode', () => {
  let entraServer: TestServer;
  beforeAll(async () => {
    entraServer = await startTestServer({
      env: {
        AUTH_MODE: 'entra',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'https://bondgenoten.example.org',
        AAD_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
        // Required in Entra mode; never used, since a plain browser gets no further than "open in Teams".
        AAD_CLIENT_SECRET: 'e2e-unused-secret',
        AAD_TENANT_ID: '22222222-2222-4222-8222-222222222222',
      },
    });
  });
  afterAll(async () => {
    await entraServer?.close();
  });

  it('carries its public sign-in configuration in the tab’s page', async () => {
    const embedded = await embeddedConfig(`${entraServer.url}/`);
    expect(embedded.config).toEqual({ mode: 'entra', clientId: '11111111-1111-4111-8111-111111111111' });
    expect(embedded.config).toEqual(await authConfig(entraServer.url));
    expect(embedded.cacheControl).toBe('no-cache');
  });

  it('tells a plain browser to open the app in Teams', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${entraServer.url}/?theme=dark`);
      await page.getByRole('heading', { level: 1, name: 'Open Bondgenoten in Microsoft Teams' }).waitFor();
      expect(await page.getByRole('button', { name: /Sanne Verhoef/ }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'open-in-teams-dark');
    } finally {
      await watched.close();
    }
  });
});
