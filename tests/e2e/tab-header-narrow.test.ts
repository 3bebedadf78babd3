import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { menuLinksOutOfReach } from './narrow-layout.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

/** Teams mobile and the narrow side panel: 400 × 800 CSS pixels. */
const VIEWPORT = { width: 400, height: 800 };

describe('the header on a phone-sized screen (400 × 800)', () => {
  // The administrator has the most menu items; Sanne has roles shown as badges.
  for (const person of ['Anouk Terpstra', 'Sanne Verhoef']) {
    it(`takes less than 15% of the height for ${person}, and keeps every menu item, language and sign-out reachable`, async () => {
      const watched = await openPage(browser, { viewport: VIEWPORT });
      const { page } = watched;
      try {
        await page.goto(`${server.url}/`);
        await signInAs(page, person);
        const header = page.getByRole('banner');
        await header.getByRole('navigation').waitFor();
        const box = await header.boundingBox();
        console.info(`header height at 400×800 for ${person}: ${box?.height}px`);
        expect(box?.height).toBeLessThan(VIEWPORT.height * 0.15);
        expect(await header.getByRole('link', { name: 'Netwerkkaart' }).isVisible()).toBe(true);
        // Every menu item whole on the screen and tappable where it stands, none clipped at the edge ("Crisisoproe…").
        expect(await menuLinksOutOfReach(page)).toEqual([]);
        for (const name of [/Nederlands/, /English/]) {
          const box = await header.getByRole('button', { name }).boundingBox();
          // Both language buttons are whole and inside the screen, not squeezed away.
          expect(box?.width).toBeGreaterThanOrEqual(24);
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(VIEWPORT.width);
        }
        expect(await header.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(true);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `header-narrow-${person.split(' ')[0]?.toLowerCase()}`);
      } finally {
        await watched.close();
      }
    });
  }
});
