import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
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
import { fillStartForm, openStartForm, reviewRecipients } from './call-out-pages.js';
import { openMeetings } from './meeting-pages.js';
import { section } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

const DRAFT = {
  summary: 'Fictief: onrust na een steekpartij bij het winkelcentrum.',
  ask: 'Kom om 20.00 uur naar Buurthuis De Schakel (fictief), of bel je bondgenoten.',
  places: ['Centrum Haven'],
  communities: [{ typed: 'Marok', option: 'Marokkaans' }],
};

/** The card adaptivecards rendered inside a preview. */
const renderedCard = (scope: Locator) => scope.locator('[data-card-preview] .ac-adaptiveCard');

/** The card's buttons (Action.OpenUrl ones are links): there, named, and disabled (the preview does not act). */
async function expectDisabledButtons(
  card: Locator,
  names: string[],
  role: 'button' | 'link' = 'button',
): Promise<void> {
  for (const name of names) {
    const button = card.getByRole(role, { name, exact: true });
    expectSaying(await button.count(), name).toBe(1);
    expectSaying(await button.isDisabled(), name).toBe(true);
    expectSaying(await button.getAttribute('aria-disabled'), name).toBe('true');
  }
}

async function startCallOutPreview(page: Page) {
  await signInAs(page, 'Sanne Verhoef');
  await openStartForm(page);
  await fillStartForm(page, DRAFT);
  await reviewRecipients(page);
  const cardSection = section(page, 'De kaart in Teams');
  const card = renderedCard(cardSection);
  await card.waitFor();
  return { cardSection, card };
}

describe('the card previews in the tab', () => {
  it('show the call-out card before Versturen as staff will get it (Sanne Verhoef, coordinator)', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      const { card } = await startCallOutPreview(page);
      // The bot's own card: its heading, the draft's texts, the wijk and community, every staff member pending.
      const heading = card.getByRole('heading', { name: 'Crisisoproep: incident · direct' });
      expect(await heading.count()).toBe(1);
      expect(await heading.getAttribute('aria-level')).toBe('3');
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(DRAFT.summary);
      expect(text).toContain(DRAFT.ask);
      expect(text).toContain('Centrum Haven');
      expect(text).toContain('Marokkaans');
      expect(text).toContain('Kaart bij 0 van 3 · 0 geantwoord');
      await expectDisabledButtons(card, [
        'Ik kom / ben beschikbaar',
        'Ik bel mijn bondgenoten',
        'Niet beschikbaar',
      ]);
      // The answer fields are shown but cannot be typed in.
      expect(await card.getByRole('textbox').first().isDisabled()).toBe(true);
      // Clicking a disabled button does nothing: still the start page, nothing was sent.
      await card.getByRole('button', { name: 'Ik kom / ben beschikbaar' }).click({ force: true });
      expect(await page.getByRole('heading', { level: 1, name: 'Crisisoproep starten' }).count()).toBe(1);
      // Versturen follows the card, so the starter sees the card before sending.
      expect(await page.getByRole('button', { name: 'Versturen' }).isEnabled()).toBe(true);

      await page.mouse.move(0, 0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'call-out-card-preview');
      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('follows the dark theme', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=dark`);
      const { card } = await startCallOutPreview(page);
      // The card's background and text come from the theme: a dark card with light text.
      const colours = await card.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          background: style.backgroundColor,
          text: getComputedStyle(element.querySelector('p, div') ?? element).color,
        };
      });
      const luminance = (rgb: string) => {
        const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
        return (r + g + b) / 3;
      };
      expect(luminance(colours.background)).toBeLessThan(80);
      expect(luminance(colours.text)).toBeGreaterThan(160);
      await page.mouse.move(0, 0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'call-out-card-preview-dark');
      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows the next-meeting proposal card as the secretary gets it (Petra Lindeboom)', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Petra Lindeboom');
      await openMeetings(page);
      const proposal = section(page, 'Kaart met het voorstel voor het volgende overleg');
      await proposal.getByRole('button', { name: 'Kaart bekijken' }).click();
      const card = renderedCard(proposal);
      await card.waitFor();
      expect(await card.getByRole('heading', { name: 'Voorstel volgende overleg' }).count()).toBe(1);
      expect(await card.textContent()).toContain('Bondgenoten Haven');
      await expectDisabledButtons(card, ['Plannen']);
      await expectDisabledButtons(card, ['Andere datum'], 'link');

      await page.mouse.move(0, 0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await proposal.screenshot({ path: 'test-results/tab-meeting-proposal-card-preview.png' });
      await screenshot(page, 'meeting-proposal-card-page');
      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
