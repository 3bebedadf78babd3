import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { toast } from './admin-pages.js';
import {
  assertTabBuilt,
  downloadedText,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';
import {
  dutchLongDate,
  followMeetingsLink,
  insertUnrecordedMeeting,
  isoDay,
  meetingCard,
  openMeetings,
} from './meeting-pages.js';
import { openNetworkFromOverview, section } from './network-pages.js';

let database: DatabaseHandle;
let server: TestServer;
let browser: Browser;
const lastWeek = isoDay(-7);

beforeAll(async () => {
  assertTabBuilt();
  database = await createTestDatabase({ seed: true });
  await insertUnrecordedMeeting(database, lastWeek);
  server = await startTestServer({ database });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

// The browser logs the refused save itself (the too-long duration); nothing else may go wrong.
const unexpected = (errors: string[]) => errors.filter((text) => !/status of 400/.test(text));

/** The long dates of the upcoming meetings' cards, in page order. */
async function upcomingDates(page: Page): Promise<string[]> {
  const headings = section(page, 'Komende overleggen').getByRole('heading', { level: 3 });
  return headings.allTextContents();
}

describe('the meetings pages for the secretary (Petra Lindeboom, Bondgenoten Haven)', () => {
  it('plans a series, moves one meeting, cancels another and records last week’s meeting', async () => {
    const watched = await openPage(browser, { acceptDownloads: true });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Petra Lindeboom');
      await openNetworkFromOverview(page, 'Bondgenoten Haven');
      await page.getByText('Nog geen overleg gepland').waitFor();
      await followMeetingsLink(page);
      await section(page, 'Komende overleggen').getByText('Er is nog geen overleg gepland.').waitFor();
      // The seeded past meetings keep their records; the first three built trust.
      const held = meetingCard(page, dutchLongDate('2026-09-22'));
      await held.getByText('Polarisatie, Armoede').waitFor();
      await section(page, 'Openstaande acties')
        .getByRole('cell', { name: 'Terugkoppeling aan de jongerenwerkers over de zorgen in de wijk' })
        .waitFor();

      // A field error from the server lands next to its field, in Dutch, and the dialog keeps the input.
      await page.getByRole('button', { name: 'Afspraken wijzigen' }).click();
      const settings = page.getByRole('dialog', { name: 'Afspraken over het overleg wijzigen' });
      await settings.getByRole('spinbutton', { name: 'Duur in minuten' }).fill('150');
      await settings.getByRole('button', { name: 'Opslaan' }).click();
      await settings
        .getByText('Hooguit 120 minuten (minstens 30), tenzij je uitdrukkelijk langer toestaat.')
        .waitFor();
      expect(await settings.getByRole('spinbutton', { name: 'Duur in minuten' }).inputValue()).toBe('150');
      await settings.getByRole('spinbutton', { name: 'Duur in minuten' }).fill('120');
      await settings.getByRole('checkbox', { name: 'maandag' }).check();
      await settings.getByRole('button', { name: 'Opslaan' }).click();
      await settings.waitFor({ state: 'hidden' });
      await toast(page, 'De afspraken over het overleg zijn opgeslagen.');
      await section(page, 'Afspraken over het overleg').getByText('maandag, dinsdag, donderdag').waitFor();

      // A neutral location is added and then taken out of the rotation.
      await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
      const addLocation = page.getByRole('dialog', { name: 'Neutrale locatie toevoegen' });
      await addLocation.getByRole('textbox', { name: 'Naam' }).fill('Bibliotheek Haven (fictief)');
      await addLocation.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Anders' });
      await addLocation.getByRole('button', { name: 'Locatie toevoegen' }).click();
      await addLocation.waitFor({ state: 'hidden' });
      await toast(page, 'Bibliotheek Haven (fictief) is toegevoegd.');
      await page.getByRole('button', { name: 'Bibliotheek Haven (fictief) niet meer gebruiken' }).click();
      await toast(page, 'Bibliotheek Haven (fictief) wordt niet meer gebruikt.');
      await section(page, 'Locaties')
        .getByRole('row', { name: /Bibliotheek Haven \(fictief\).*Niet in gebruik/ })
        .waitFor();

      // The planner: four dates, the skipped ones explained in Dutch, one of them allowed anyway.
      await page.getByRole('link', { name: 'Overleggen plannen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overleggen plannen – Bondgenoten Haven' }).waitFor();
      await page.getByRole('table', { name: 'Voorgestelde data' }).waitFor();
      // A fixed range that opens in the summer school holiday (midden, 2027), so some dates are always skipped
      // whatever day the test runs; "tomorrow" can fall in a stretch with nothing to skip.
      await page.getByLabel('Vanaf').fill('2027-07-19');
      await page.getByLabel('Tot en met').fill('2028-07-18');
      await page.getByRole('spinbutton', { name: 'Aantal overleggen' }).fill('4');
      await page.getByRole('button', { name: 'Data voorstellen' }).click();
      await page.getByText(/^4 voorstellen van /).waitFor();
      const proposals = page.getByRole('table', { name: 'Voorgestelde data' });
      expect(await proposals.getByRole('row').count()).toBe(5);
      const skipped = page.getByRole('region', { name: /^Overgeslagen data \(\d+\)$/ }).getByRole('listitem');
      expect(await skipped.count()).toBeGreaterThan(0);
      // "28 mei: Offerfeest" — a day and month, a colon and the reason.
      const firstSkipped = (await skipped.first().locator('span').textContent()) ?? '';
      expect(firstSkipped).toMatch(/^\d{1,2} [a-z]+: \S/);
      await screenshot(page, 'meetings-plan-light');
      await page.screenshot({ path: '/tmp/tab-meetings-plan.png', fullPage: true });
      const overridden = firstSkipped.split(':')[0] ?? '';
      await page.getByRole('button', { name: `${overridden} toch plannen` }).click();
      await proposals.getByText('Toch toegestaan').waitFor();
      const chosen = await proposals.getByRole('row').count();
      await page.getByRole('button', { name: `${chosen - 1} overleggen inplannen` }).click();
      await page.getByText(`${chosen - 1} overleggen ingepland.`).waitFor();
      await page.getByRole('link', { name: 'Naar de overleggen', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Overleggen – Bondgenoten Haven' }).waitFor();
      await section(page, 'Komende overleggen').getByRole('heading', { level: 3 }).first().waitFor();
      const dates = await upcomingDates(page);
      expect(dates).toHaveLength(chosen - 1);
      const [first, second] = dates as [string, string];
      await meetingCard(page, first).getByText('Uitnodiging verstuurd').waitFor();

      // Move the first meeting to a week later, at 19:00; it keeps its two hours.
      const firstCard = meetingCard(page, first);
      await firstCard.getByRole('button', { name: 'Verplaatsen' }).click();
      const move = page.getByRole('dialog', { name: `Overleg van ${first} verplaatsen` });
      const oldDate = await move.getByLabel('Nieuwe datum').inputValue();
      const newDate = new Date(Date.parse(`${oldDate}T00:00:00Z`) + 7 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const newLongDate = dutchLongDate(newDate);
      await move.getByLabel('Nieuwe datum').fill(newDate);
      await move.getByLabel('Begintijd').fill('19:00');
      await move.getByRole('button', { name: 'Verplaatsen' }).click();
      // A week later is still in the summer school holiday: the planner's reason, then an explicit confirmation.
      await move.getByRole('alert').getByText('De planner slaat deze datum over').waitFor();
      await move.getByRole('button', { name: 'Toch verplaatsen' }).click();
      await move.waitFor({ state: 'hidden' });
      await toast(page, `Het overleg is verplaatst naar ${newLongDate}.`);
      await meetingCard(page, newLongDate).getByText('19:00–21:00').waitFor();
      // The attendees' responses are read back from the calendar when someone opens them.
      await meetingCard(page, newLongDate).getByText('Reacties bekijken').click();
      await meetingCard(page, newLongDate)
        .getByText(/ komen, \d+ misschien, \d+ niet, \d+ nog geen reactie$/)
        .waitFor();
      await meetingCard(page, newLongDate).getByText('Yasmina el Ouali: nog geen reactie').waitFor();

      // Cancel the second: the dialog asks for the reason first.
      await meetingCard(page, second).getByRole('button', { name: 'Laten vervallen' }).click();
      const cancel = page.getByRole('alertdialog', { name: `Overleg van ${second} laten vervallen?` });
      await cancel.getByRole('button', { name: 'Overleg laten vervallen' }).click();
      await cancel.getByText('Vul een reden in; die gaat mee met de afzegging.').waitFor();
      await cancel.getByRole('textbox', { name: 'Reden' }).fill('Buurthuis gesloten (fictief)');
      await cancel.getByRole('button', { name: 'Overleg laten vervallen' }).click();
      await cancel.waitFor({ state: 'hidden' });
      await toast(page, `Het overleg van ${second} is vervallen.`);
      await meetingCard(page, second).getByText('Vervallen', { exact: true }).waitFor();
      expect(await meetingCard(page, second).getByRole('button', { name: 'Verplaatsen' }).count()).toBe(0);

      // The invitation as an .ics file for a local calendar.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        meetingCard(page, newLongDate).getByRole('button', { name: 'Agendabestand (.ics)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`bondgenotenoverleg-${newDate}.ics`);
      const ics = await downloadedText(download);
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('METHOD:REQUEST');
      await page.screenshot({ path: '/tmp/tab-meetings-upcoming.png', fullPage: true });

      // Record last week's meeting: attendance, a theme, the mood and a new action.
      const lastWeekCard = meetingCard(page, dutchLongDate(lastWeek));
      await lastWeekCard.getByText('Nog geen verslag.').waitFor();
      await lastWeekCard.getByRole('button', { name: 'Verslag vastleggen' }).click();
      const record = page.getByRole('dialog', { name: `Verslag van ${dutchLongDate(lastWeek)}` });
      await record.getByRole('checkbox', { name: 'Petra Lindeboom' }).check();
      await record.getByRole('checkbox', { name: 'Yasmina el Ouali' }).check();
      await record.getByRole('checkbox', { name: 'Jongeren' }).check();
      await record.getByRole('radio', { name: 'goed', exact: true }).check();
      await record.getByRole('button', { name: 'Afspraak toevoegen' }).click();
      await record
        .getByRole('textbox', { name: 'Afspraak 1', exact: true })
        .fill('Buurtvader uitnodigen (fictief)');
      await record
        .getByRole('combobox', { name: 'Wie (afspraak 1)' })
        .selectOption({ label: 'Yasmina el Ouali' });
      await record.getByLabel('Uiterlijk (afspraak 1)').fill(isoDay(21));
      await record.getByRole('button', { name: 'Opslaan' }).click();
      await record.waitFor({ state: 'hidden' });
      await toast(page, `Het verslag van ${dutchLongDate(lastWeek)} is opgeslagen.`);
      await lastWeekCard.getByText(/^2 van \d+ aanwezig/).waitFor();
      await lastWeekCard.getByText('4 van 5 (goed)').waitFor();
      const openActions = section(page, 'Openstaande acties');
      await openActions.getByRole('cell', { name: 'Buurtvader uitnodigen (fictief)' }).waitFor();

      // The action is done: it leaves the open actions and keeps its status in the record.
      await openActions
        .getByRole('combobox', { name: 'Status van Buurtvader uitnodigen (fictief)' })
        .selectOption('done');
      await toast(page, 'Buurtvader uitnodigen (fictief): Afgerond.');
      await openActions
        .getByRole('cell', { name: 'Buurtvader uitnodigen (fictief)' })
        .waitFor({ state: 'detached' });
      expect(
        await lastWeekCard
          .getByRole('combobox', { name: 'Status van Buurtvader uitnodigen (fictief)' })
          .inputValue(),
      ).toBe('done');
      await page.screenshot({ path: '/tmp/tab-meetings-past.png', fullPage: true });

      // The year calendar shows Haven's meetings month by month.
      await page.getByRole('link', { name: 'Jaarkalender' }).click();
      const year = Number(new Date().toISOString().slice(0, 4));
      await page.getByRole('heading', { level: 1, name: `Jaarkalender ${year}` }).waitFor();
      const september = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'september' }) });
      await september.getByRole('link', { name: 'Bondgenoten Haven' }).waitFor();
      await page.screenshot({ path: '/tmp/tab-meetings-year.png', fullPage: true });

      expect(unexpected(watched.consoleErrors)).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('the meetings pages for everyone', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`have no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Petra Lindeboom');
        await openMeetings(page);
        await section(page, 'Eerdere overleggen').getByRole('heading', { level: 3 }).first().waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'meetings page').toEqual([]);
        await screenshot(page, `meetings-${theme}`);

        await page.getByRole('button', { name: 'Afspraken wijzigen' }).click();
        const settings = page.getByRole('dialog', { name: 'Afspraken over het overleg wijzigen' });
        await settings.getByRole('spinbutton', { name: 'Duur in minuten' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'settings form').toEqual([]);
        // Keyboard: Escape closes the dialog and focus returns to the button that opened it.
        await page.keyboard.press('Escape');
        await settings.waitFor({ state: 'hidden' });
        expect(
          await page
            .getByRole('button', { name: 'Afspraken wijzigen' })
            .evaluate((el) => el === document.activeElement),
        ).toBe(true);

        await page.getByRole('button', { name: 'Verslag wijzigen' }).first().click();
        const record = page.getByRole('dialog', { name: /^Verslag van / });
        await record.getByRole('radio', { name: 'Niet vastgelegd' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'record form').toEqual([]);
        await record.getByRole('button', { name: 'Annuleren' }).click();
        await record.waitFor({ state: 'hidden' });

        await page.getByRole('link', { name: 'Overleggen plannen' }).click();
        await page.getByRole('table', { name: 'Voorgestelde data' }).waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'planner').toEqual([]);
        await screenshot(page, `meetings-plan-${theme}`);

        await page.getByRole('link', { name: /^Terug naar de overleggen/ }).click();
        await page.getByRole('link', { name: 'Jaarkalender' }).click();
        await page.getByRole('heading', { level: 2, name: 'september' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'year calendar').toEqual([]);
        await screenshot(page, `meetings-year-${theme}`);
        if (theme === 'dark')
          await page.screenshot({ path: '/tmp/tab-meetings-year-dark.png', fullPage: true });
        expect(watched.consoleErrors).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});
