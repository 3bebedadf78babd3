import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
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

const NAME = 'Fictieve Noor Doorloop';
const EMAIL = 'noor.doorloop@example.org';

/** The next planned meeting's invitation (.ics text) as the tab's "Agendabestand (.ics)" button fetches it. */
async function invitation(page: Page, networkId: string, meetingId: string): Promise<string> {
  const response = await page.request.get(
    apiUrl(page, `/networks/${networkId}/meetings/${meetingId}/invitation`),
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { ics: string }).ics.replace(/\r?\n[ \t]/g, '').toLowerCase();
}

describe('an ally’s whole life in the tab: selection, admission, evaluation, farewell', () => {
  it('admits a proposal on the second approval and, after an evaluation’s goodbye, takes her off the next invitation', async () => {
    const gemeente = await openPage(browser);
    const politie = await openPage(browser);
    try {
      await gemeente.page.goto(`${server.url}/?theme=light`);
      await signInAs(gemeente.page, 'Sanne Verhoef');
      const haven = await networkIdOf(gemeente.page, 'Bondgenoten Haven');
      const selection = `${server.url}/netwerken/${haven}/selectie?theme=light`;

      // 1. The municipality proposes her through the form.
      await gemeente.page.goto(selection);
      const form = gemeente.page.getByRole('form', { name: 'Sleutelfiguur voordragen' });
      await form.getByLabel('Naam').fill(NAME);
      await form.getByLabel('Wijk').selectOption({ label: 'De Werven' });
      await form.getByLabel('E-mail').fill(EMAIL);
      await form.getByLabel('Motivatie').fill('Fictieve motivatie');
      await form.getByRole('button', { name: 'Voordragen' }).click();
      await gemeente.page.getByRole('heading', { level: 2, name: `Kandidaat: ${NAME}` }).waitFor();

      // Review and home visit through the API the panel calls (tab-selection.test.ts covers those forms).
      const overview = (await (
        await gemeente.page.request.get(apiUrl(gemeente.page, `/networks/${haven}/selection`))
      ).json()) as {
        candidates: { id: string; displayName: string }[];
        staff: { userId: string; party: string }[];
      };
      const candidateId = overview.candidates.find((c) => c.displayName === NAME)?.id;
      const url = (tail: string) =>
        apiUrl(gemeente.page, `/networks/${haven}/selection/candidates/${candidateId}${tail}`);
      const reviewed = (await (
        await gemeente.page.request.put(url('/assessments'), {
          data: { assessments: [{ criterion: 'article_1', verdict: 'meets' }] },
        })
      ).json()) as { version: number };
      const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() as string;
      expect(
        (
          await gemeente.page.request.post(url('/status'), {
            data: { version: reviewed.version, status: 'visit_planned', visitPlannedOn: today },
          })
        ).status(),
      ).toBe(200);
      const visit = await gemeente.page.request.put(url('/visit'), {
        data: {
          visitedOn: today,
          gemeenteVisitorId: overview.staff.find((s) => s.party === 'gemeente')?.userId,
          politieVisitorId: overview.staff.find((s) => s.party === 'politie')?.userId,
          outcome: 'positive',
          article1Accepted: true,
          confidentialityAccepted: true,
          crisisAvailabilityAccepted: true,
          consentDate: today,
          legalBasis: 'consent',
        },
      });
      expect(visit.status()).toBe(200);

      // 2. Both parties approve in the tab; the first approval alone does not make her an ally.
      await gemeente.page.goto(selection);
      await gemeente.page.getByRole('button', { name: `Open ${NAME}` }).click();
      await gemeente.page.getByRole('button', { name: 'Goedkeuren namens de gemeente' }).click();
      await gemeente.page.getByText('Goedgekeurd. Nu beslist de andere partij.').first().waitFor();
      const allies = async () =>
        (
          (await (await gemeente.page.request.get(apiUrl(gemeente.page, `/networks/${haven}`))).json()) as {
            allies: { id: string; displayName: string }[];
          }
        ).allies;
      expect((await allies()).map((a) => a.displayName)).not.toContain(NAME);

      await politie.page.goto(`${server.url}/?theme=light`);
      await signInAs(politie.page, 'Joris Amrani');
      await politie.page.goto(selection);
      await politie.page.getByRole('button', { name: `Open ${NAME}` }).click();
      await politie.page.getByRole('button', { name: 'Goedkeuren namens de politie' }).click();
      await politie.page.getByText(`${NAME} is nu bondgenoot.`).first().waitFor();
      // The open panel reloads: it shows the decision, no approve button any more.
      await politie.page
        .getByRole('button', { name: 'Goedkeuren namens de politie' })
        .waitFor({ state: 'detached' });
      expect(await seriousA11yViolations(politie.page)).toEqual([]);
      await screenshot(politie.page, 'lifecycle-admitted');
      const noor = (await allies()).find((a) => a.displayName === NAME);
      if (!noor) throw new Error('admitted on the second approval');

      // The next meeting, planned now: she is invited.
      const date = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 30 });
      const day = date.plus({ days: (9 - date.weekday) % 7 }).toISODate() as string;
      const start = DateTime.fromISO(`${day}T18:00`, { zone: 'Europe/Amsterdam' });
      const planned = await gemeente.page.request.post(
        apiUrl(gemeente.page, `/networks/${haven}/meetings/series`),
        {
          data: {
            meetings: [
              {
                start: start.toUTC().toISO({ suppressMilliseconds: true }),
                end: start.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true }),
              },
            ],
            confirmReasons: true,
          },
        },
      );
      expect(planned.status()).toBe(201);
      const meetingId = ((await planned.json()) as { meetings: { id: string }[] }).meetings[0]?.id as string;
      expect(await invitation(gemeente.page, haven, meetingId)).toContain(EMAIL);

      // 3. The evaluation marks her for goodbye, everyone else continues.
      await gemeente.page.goto(`${server.url}/netwerken/${haven}/evaluatie?theme=light`);
      await gemeente.page.getByRole('heading', { level: 1, name: 'Evaluatie – Bondgenoten Haven' }).waitFor();
      const draft = (await (
        await gemeente.page.request.get(apiUrl(gemeente.page, `/networks/${haven}/evaluations/draft`))
      ).json()) as { allies: { personId: string; displayName: string }[] };
      for (const ally of draft.allies)
        await gemeente.page
          .getByLabel(`Besluit over ${ally.displayName}`)
          .selectOption({ label: ally.displayName === NAME ? 'Afscheid nemen' : 'Doorgaan' });
      await gemeente.page.getByRole('button', { name: 'Vastleggen' }).click();
      await gemeente.page.getByText('De evaluatie is vastgelegd.').first().waitFor();
      expect(await seriousA11yViolations(gemeente.page)).toEqual([]);

      // 4. The goodbye leads to the person page's farewell.
      await gemeente.page
        .getByRole('link', { name: `${NAME}: afscheid nemen op de persoonspagina` })
        .first()
        .click();
      await gemeente.page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await gemeente.page.getByRole('button', { name: 'Afscheid nemen' }).click();
      const farewell = gemeente.page.getByRole('dialog', { name: `Afscheid nemen van ${NAME}` });
      await farewell.getByLabel('Reden').selectOption({ label: 'Na de evaluatie' });
      await farewell.getByLabel('Bedankt voor de inzet').check();
      expect(await seriousA11yViolations(gemeente.page)).toEqual([]);
      await screenshot(gemeente.page, 'lifecycle-farewell');
      await farewell.getByRole('button', { name: 'Afscheid vastleggen' }).click();
      await farewell.waitFor({ state: 'hidden' });
      await gemeente.page.getByText('Oud-bondgenoot', { exact: true }).first().waitFor();
      await gemeente.page.getByText('Na de evaluatie', { exact: true }).waitFor();
      // The history names the farewell in Dutch, not by its audit code.
      await gemeente.page.getByRole('cell', { name: 'Afscheid vastgelegd', exact: true }).waitFor();
      expect(await gemeente.page.getByText('person.farewell').count()).toBe(0);

      // She is off the next meeting's invitation and the ally list.
      expect(await invitation(gemeente.page, haven, meetingId)).not.toContain(EMAIL);
      expect((await allies()).map((a) => a.displayName)).not.toContain(NAME);
      await screenshot(gemeente.page, 'lifecycle-former');
    } finally {
      await gemeente.close();
      await politie.close();
    }
  });
});
