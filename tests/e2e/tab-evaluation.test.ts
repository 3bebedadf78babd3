import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { apiUrl, networkIdOf } from './insight-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe('Evaluatie: the half-yearly evaluation page', () => {
  it('shows the overdue notice, records a goodbye and lists it in the history', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      const haven = await networkIdOf(page, 'Bondgenoten Haven');

      // The network page: Haven was founded on 14 March 2019 and never evaluated, so the evaluation is overdue.
      await page.goto(`${server.url}/netwerken/${haven}?theme=light`);
      const notice = page.getByRole('link', {
        name: 'Halfjaarlijkse evaluatie: te laat sinds 14 september 2019',
      });
      await notice.waitFor();
      await notice.click();

      await page.getByRole('heading', { level: 1, name: 'Evaluatie – Bondgenoten Haven' }).waitFor();
      await page.getByText('Nog geen evaluatie gehouden.').waitFor();
      const draft = (await (
        await page.request.get(apiUrl(page, `/networks/${haven}/evaluations/draft`))
      ).json()) as { allies: { personId: string; displayName: string }[] };
      expect(draft.allies.length).toBeGreaterThan(1);
      const [leaving, ...staying] = draft.allies;
      if (!leaving) throw new Error('Haven has allies');
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Recording without a decision for everyone is refused by the page before anything is sent.
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByText('Kies een besluit.').first().waitFor();

      await page.getByLabel(`Besluit over ${leaving.displayName}`).selectOption({ label: 'Afscheid nemen' });
      await page.getByLabel(`Notitie over ${leaving.displayName}`).fill('Fictieve notitie: verhuist');
      for (const ally of staying) {
        await page.getByLabel(`Besluit over ${ally.displayName}`).selectOption({ label: 'Doorgaan' });
      }
      await page
        .getByRole('textbox', { name: 'Gaten in de dekking' })
        .fill('Fictief: zoek iemand in De Velden');
      await page.getByRole('button', { name: 'Vastleggen' }).click();

      await page.getByText('De evaluatie is vastgelegd.').first().waitFor();
      const goodbye = page.getByRole('link', {
        name: `${leaving.displayName}: afscheid nemen op de persoonspagina`,
      });
      await goodbye.first().waitFor();
      await page
        .getByRole('button', { name: /^Bekijk de evaluatie van / })
        .first()
        .waitFor();
      const history = page.getByRole('listitem').filter({ hasText: '1 afscheid nemen' });
      expect(await history.count()).toBe(1);
      expect(await page.getByText(/Halfjaarlijkse evaluatie: volgende op/).count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const list = (await (
        await page.request.get(apiUrl(page, `/networks/${haven}/evaluations`))
      ).json()) as { evaluations: { goodbye: number; continue: number }[] };
      expect(list.evaluations).toHaveLength(1);
      expect(list.evaluations[0]).toMatchObject({ goodbye: 1, continue: staying.length });

      // The goodbye links to the person page, where the farewell dialog is.
      await goodbye.first().click();
      await page.getByRole('heading', { level: 1, name: leaving.displayName }).waitFor();
      await page.getByRole('button', { name: 'Afscheid nemen' }).waitFor();
    } finally {
      await close();
    }
  });
});
