import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { apiUrl, networkIdOf } from './insight-pages.js';
import { pickTag } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

async function propose(page: Page, name: string, wijk: string, communities: string[] = []) {
  const form = page.getByRole('form', { name: 'Sleutelfiguur voordragen' });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Wijk').selectOption({ label: wijk });
  // Several communities in one proposal (the API takes up to 20), picked as tags.
  for (const community of communities)
    await pickTag(page, form.getByRole('combobox', { name: 'Gemeenschappen' }), community, community);
  await form.getByLabel('Motivatie').fill('Fictieve motivatie');
  await form.getByRole('button', { name: 'Voordragen' }).click();
  await page.getByRole('heading', { level: 2, name: `Kandidaat: ${name}` }).waitFor();
}

describe('Selectie: two lists, a merge, review, visit and the four-eyes decision', () => {
  it('admits the candidate only after the second party approves', async () => {
    const gemeente = await openPage(browser);
    const politie = await openPage(browser);
    try {
      await gemeente.page.goto(`${server.url}/?theme=light`);
      await signInAs(gemeente.page, 'Sanne Verhoef');
      const haven = await networkIdOf(gemeente.page, 'Bondgenoten Haven');
      const selection = `${server.url}/netwerken/${haven}/selectie?theme=light`;
      await gemeente.page.goto(selection);
      await gemeente.page.getByRole('heading', { level: 1, name: 'Selectie – Bondgenoten Haven' }).waitFor();
      await propose(gemeente.page, 'Fictieve Fatma Yılmaz', 'De Werven');
      await propose(gemeente.page, 'Fictieve Kees de Wit', 'De Velden', ['Marokkaans', 'Islamitisch']);

      await politie.page.goto(`${server.url}/?theme=light`);
      await signInAs(politie.page, 'Joris Amrani');
      await politie.page.goto(selection);
      await propose(politie.page, 'fictieve fatma yilmaz', 'De Werven');
      await politie.page.getByRole('button', { name: 'Zelfde persoon als Fictieve Fatma Yılmaz' }).click();
      await politie.page
        .getByRole('heading', { level: 2, name: 'Kandidaat: Fictieve Fatma Yılmaz' })
        .waitFor();
      const rows = politie.page.getByRole('table', { name: 'Kandidaten' }).getByRole('row');
      // header + two candidates: the police's proposal was merged (the list refreshes after the merge's answer)
      await eventually(() => rows.count()).toBe(3);

      // "Zelfde persoon" can be undone before admission; then merged again.
      await politie.page
        .getByRole('button', { name: 'Zelfde persoon ongedaan maken (voordracht Politie, Joris Amrani)' })
        .click();
      await politie.page.getByText('De samenvoeging is ongedaan gemaakt').first().waitFor();
      await rows.nth(3).waitFor();
      expect(await rows.count()).toBe(4);
      await politie.page.getByRole('button', { name: 'Open fictieve fatma yilmaz', exact: true }).click();
      await politie.page.getByRole('button', { name: 'Zelfde persoon als Fictieve Fatma Yılmaz' }).click();
      await politie.page
        .getByRole('heading', { level: 2, name: 'Kandidaat: Fictieve Fatma Yılmaz' })
        .waitFor();
      await rows.nth(3).waitFor({ state: 'detached' });

      // Review and the home visit through the API the page calls (the page's forms are covered by axe below).
      const overview = (await (
        await gemeente.page.request.get(apiUrl(gemeente.page, `/networks/${haven}/selection`))
      ).json()) as {
        candidates: { id: string; displayName: string; communities: { name: string }[] }[];
        staff: { userId: string; party: string }[];
      };
      const fatma = overview.candidates.find((c) => c.displayName === 'Fictieve Fatma Yılmaz');
      const kees = overview.candidates.find((c) => c.displayName === 'Fictieve Kees de Wit');
      expect(kees?.communities.map((c) => c.name).sort()).toEqual(['Islamitisch', 'Marokkaans']);
      const url = (tail: string) =>
        apiUrl(gemeente.page, `/networks/${haven}/selection/candidates/${fatma?.id}${tail}`);
      const review = await gemeente.page.request.put(url('/assessments'), {
        data: { assessments: [{ criterion: 'article_1', verdict: 'meets' }] },
      });
      expect(review.status()).toBe(200);
      const reviewed = (await review.json()) as { version: number };
      expect(
        (
          await gemeente.page.request.post(url('/status'), {
            data: { version: reviewed.version, status: 'visit_planned', visitPlannedOn: '2026-11-20' },
          })
        ).status(),
      ).toBe(200);
      const visit = await gemeente.page.request.put(url('/visit'), {
        data: {
          visitedOn: '2026-11-20',
          gemeenteVisitorId: overview.staff.find((s) => s.party === 'gemeente')?.userId,
          politieVisitorId: overview.staff.find((s) => s.party === 'politie')?.userId,
          outcome: 'positive',
          article1Accepted: true,
          confidentialityAccepted: true,
          crisisAvailabilityAccepted: true,
          consentDate: '2026-11-20',
          legalBasis: 'consent',
        },
      });
      expect(visit.status()).toBe(200);

      await gemeente.page.goto(selection);
      await gemeente.page.getByRole('button', { name: 'Open Fictieve Fatma Yılmaz' }).click();
      await gemeente.page.getByRole('button', { name: 'Goedkeuren namens de gemeente' }).click();
      await gemeente.page.getByText('Goedgekeurd. Nu beslist de andere partij.').first().waitFor();
      expect(await seriousA11yViolations(gemeente.page)).toEqual([]);
      const before = await (
        await gemeente.page.request.get(apiUrl(gemeente.page, `/networks/${haven}`))
      ).json();
      expect(before.allies.map((a: { displayName: string }) => a.displayName)).not.toContain(
        'Fictieve Fatma Yılmaz',
      );

      await politie.page.goto(selection);
      await politie.page.getByRole('button', { name: 'Open Fictieve Fatma Yılmaz' }).click();
      await politie.page.getByRole('button', { name: 'Goedkeuren namens de politie' }).click();
      await politie.page.getByText('Fictieve Fatma Yılmaz is nu bondgenoot.').first().waitFor();
      const after = await (await politie.page.request.get(apiUrl(politie.page, `/networks/${haven}`))).json();
      expect(after.allies.map((a: { displayName: string }) => a.displayName)).toContain(
        'Fictieve Fatma Yılmaz',
      );

      await politie.page.goto(`${server.url}/netwerken/${haven}?theme=light`);
      await politie.page
        .getByText(/Groei: 6 van 10 bondgenoten/)
        .first()
        .waitFor();
      expect(await seriousA11yViolations(politie.page)).toEqual([]);
    } finally {
      await gemeente.close();
      await politie.close();
    }
  });
});
