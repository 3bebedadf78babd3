import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { admitAllyForTest } from '../helpers/admit-ally.js';
import { eventually } from '../helpers/eventually.js';
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
import { apiUrl, networkIdOf, shownGaps } from './insight-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

/** Each insight page with the heading it opens with. */
const PAGES = [
  { segment: 'dekking', heading: 'Dekking – Bondgenoten Haven', ready: 'table' },
  { segment: 'afspiegeling', heading: 'Afspiegeling – Bondgenoten Haven', ready: 'table' },
  { segment: 'graaf', heading: 'Netwerkgraaf – Bondgenoten Haven', ready: 'table' },
  { segment: 'import', heading: 'Importeren en exporteren – Bondgenoten Haven', ready: 'button' },
  { segment: 'crisiskaart', heading: 'Crisiskaart – Bondgenoten Haven', ready: 'table' },
] as const;

describe('Dekking: a coverage gap closes', () => {
  it('shows Haven’s gaps, and fewer once the key figure Ravi Ramsaran-Tol becomes an ally', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/dekking?theme=light`);
      await page.getByRole('heading', { level: 1, name: 'Dekking – Bondgenoten Haven' }).waitFor();
      const table = page.getByRole('table', { name: /^Dekking van Bondgenoten Haven/ });
      await table.waitFor();
      // Surinaams and Hindoestaans in De Marken (only Ravi, a key figure) and Scholen in De Velden (only Ilse).
      expect(await shownGaps(page)).toBe(3);
      const surinaams = table.getByRole('row', { name: /^Surinaams/ });
      const columns = await table.getByRole('columnheader').allInnerTexts();
      const marken = columns.indexOf('De Marken');
      expect(marken).toBeGreaterThan(0);
      const cell = surinaams.getByRole('cell').nth(marken - 1);
      expect(await cell.textContent()).toContain('Alleen sleutelfiguur');
      expect(await cell.textContent()).toContain('Gat');
      await screenshot(page, 'coverage-before-light');

      // Ravi becomes an ally the way selection's second approval admits him (the people API refuses it).
      const detail = await page.request.get(apiUrl(page, `/networks/${haven}`));
      const network = (await detail.json()) as { keyFigures: { id: string; displayName: string }[] };
      const ravi = network.keyFigures.find((person) => person.displayName === 'Ravi Ramsaran-Tol');
      expect(ravi).toBeDefined();
      await admitAllyForTest(server.database.db, haven, { personId: ravi?.id ?? '' });

      await page.reload();
      await table.waitFor();
      expect(await shownGaps(page)).toBe(1);
      expect(await cell.textContent()).toContain('Bondgenoot (1)');
      expect(await cell.textContent()).not.toContain('Gat');
      await screenshot(page, 'coverage-after-light');

      // "Alleen relevante gemeenschappen" leaves out the communities nobody marked relevant.
      const rowsBefore = await table.getByRole('row').count();
      await page.getByRole('switch', { name: 'Alleen relevante gemeenschappen' }).click();
      await eventually(() => table.getByRole('row').count()).toBeLessThan(rowsBefore);
      expect(await table.getByRole('row', { name: /^Joods/ }).count()).toBe(0);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('lets the coordinator mark a community relevant in a wijk, which adds a gap', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/dekking`);
      await page.getByRole('table').waitFor();
      const before = await shownGaps(page);
      await page.getByRole('button', { name: 'Relevantie aanpassen' }).click();
      const joods = page.getByRole('checkbox', { name: 'Joods relevant in De Werven' });
      await joods.check();
      await page.getByText('Relevantie in De Werven opgeslagen.').first().waitFor();
      await eventually(() => shownGaps(page)).toBe(before + 1);
      await screenshot(page, 'coverage-editing-light');
      await joods.uncheck();
      await eventually(() => shownGaps(page)).toBe(before);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('Afspiegeling', () => {
  it('says that no target profile is set, with a link that opens the editor, instead of "no differences"', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/afspiegeling`);
      await page.getByRole('table', { name: 'Leeftijd: aantal, aandeel en doel' }).waitFor();
      const age = page.getByRole('region', { name: 'Leeftijd', exact: true });
      expect(await age.textContent()).toContain(
        'Er is nog geen doelprofiel voor Leeftijd, dus geen afwijking te zien.',
      );
      expect(await page.getByText('Geen grote afwijkingen van het doelprofiel.').count()).toBe(0);
      await age.getByRole('button', { name: 'Doelprofiel voor Leeftijd instellen' }).click();
      await age.getByRole('textbox', { name: 'Doel voor 18-24 jaar (%)' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('shows each dimension in Dutch, and refuses a target profile over 100% with the API’s reason', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/afspiegeling`);
      await page.getByRole('heading', { level: 1, name: 'Afspiegeling – Bondgenoten Haven' }).waitFor();
      const gender = page.getByRole('table', { name: 'Gender: aantal, aandeel en doel' });
      await gender.waitFor();
      expect(await gender.getByRole('rowheader').allInnerTexts()).toEqual(
        expect.arrayContaining(['Vrouw', 'Man', 'Non-binair']),
      );
      const communities = page.getByRole('table', { name: 'Gemeenschappen: aantal, aandeel en doel' });
      expect(await communities.textContent()).toContain('Marokkaans');

      await page.getByRole('button', { name: 'Doelprofiel aanpassen: Gender' }).click();
      await page.getByRole('textbox', { name: 'Doel voor Vrouw (%)' }).fill('70');
      await page.getByRole('textbox', { name: 'Doel voor Man (%)' }).fill('50');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Het doelprofiel is niet opgeslagen').waitFor();
      await page
        .getByText('De doelen van deze dimensie tellen samen op tot meer dan 100%', { exact: false })
        .waitFor();
      await screenshot(page, 'representativeness-refused-light');

      await page.getByRole('textbox', { name: 'Doel voor Man (%)' }).fill('20');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Doelprofiel voor Gender opgeslagen.').first().waitFor();
      const woman = gender.getByRole('row', { name: /^Vrouw/ });
      await eventually(() => woman.textContent()).toContain('70%');
      await screenshot(page, 'representativeness-light');
      expect(watched.consoleErrors.filter((text) => !/status of 400/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('Netwerkgraaf', () => {
  it('draws the graph beside a list of Haven’s people, and a community filter narrows both', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      // Cytoscape is not part of the tab's start: nothing loaded it before the graph page.
      expect(scripts.filter((path) => path.includes('cytoscape'))).toEqual([]);
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/graaf`);
      await page.getByRole('heading', { level: 1, name: 'Netwerkgraaf – Bondgenoten Haven' }).waitFor();
      const list = page.getByRole('table', { name: 'Knopen van het netwerk met hun verbindingen' });
      await list.waitFor();
      const canvas = page.getByTestId('graph-canvas');
      expect(await canvas.getAttribute('aria-hidden')).toBe('true');
      await canvas.locator('canvas').first().waitFor();
      // Laid out: the screenshot below shows the graph, not an empty frame.
      await page.locator('[data-testid="graph-canvas"][data-drawn="true"]').waitFor({ state: 'attached' });
      const layouts = () => page.evaluate(() => performance.getEntriesByName('graph-layout').length);
      expect(await layouts()).toBe(1);
      const names = await list.getByRole('rowheader').allInnerTexts();
      expect(names).toEqual(expect.arrayContaining(['Yasmina el Ouali', 'Ravi Ramsaran-Tol', 'Bas Wolters']));
      expect(await list.getByRole('row', { name: /^Noor Hagenaars/ }).textContent()).toContain('(beëindigd)');
      await screenshot(page, 'graph-light');

      await page.getByRole('combobox', { name: 'Gemeenschap' }).selectOption({ label: 'Jongeren' });
      await eventually(() => list.getByRole('rowheader').count()).toBeLessThan(names.length);
      const narrowed = await list.getByRole('rowheader').allInnerTexts();
      expect(narrowed).toEqual(expect.arrayContaining(['Noor Hagenaars', 'Bas Wolters', 'Jongeren']));
      expect(narrowed).not.toContain('Yasmina el Ouali');
      // The drawing follows the filter: laid out again.
      await eventually(layouts).toBe(2);
      expect(await canvas.getAttribute('data-drawn')).toBe('true');
      await screenshot(page, 'graph-filtered-light');

      // A person's name in the list opens their page.
      await list.getByRole('link', { name: 'Bas Wolters' }).click();
      expect(new URL(page.url()).pathname).toMatch(/^\/personen\/[0-9a-f-]{36}$/);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('the insight pages in every theme', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`have no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Sanne Verhoef');
        const haven = await networkIdOf(page, 'Bondgenoten Haven');
        for (const { segment, heading, ready } of PAGES) {
          await page.goto(`${server.url}/netwerken/${haven}/${segment}?theme=${theme}`);
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await page.getByRole(ready).first().waitFor();
          expectSaying(await seriousA11yViolations(page), segment).toEqual([]);
          await screenshot(page, `${segment}-${theme}`);
        }
        expect(watched.consoleErrors).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }

  it('fits a narrow Teams side panel, scrolling only the coverage matrix sideways', async () => {
    const watched = await openPage(browser, { viewport: { width: 420, height: 800 } });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');
      await page.goto(`${server.url}/netwerken/${haven}/dekking`);
      await page.getByRole('table').waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, 'coverage-narrow');
    } finally {
      await watched.close();
    }
  });
});
