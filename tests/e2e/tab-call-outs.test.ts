import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { expectSaying } from '../helpers/expect-saying.js';
import type { TestServer } from '../helpers/test-server.js';
import { toast } from './admin-pages.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
  startBrowserSuite,
} from './browser.js';
import { fillStartForm, openStartForm, reviewRecipients, send } from './call-out-pages.js';
import { section } from './network-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

// The browser logs the refused empty preview itself (400); nothing else may go wrong.
const unexpected = (errors: string[]) => errors.filter((text) => !/status of 400/.test(text));

const HEADING = 'Incident – Centrum Haven';
const DRAFT = {
  summary: 'Fictief: onrust na een steekpartij bij het winkelcentrum.',
  ask: 'Kom om 20.00 uur naar Buurthuis De Schakel (fictief), of bel je bondgenoten.',
  places: ['Centrum Haven'],
  communities: [
    { typed: 'Marok', option: 'Marokkaans' },
    { typed: 'Turk', option: 'Turks' },
  ],
};

/** The text of every row of a table, one string per row. */
const rowTexts = (table: ReturnType<Page['getByRole']>) =>
  table
    .getByRole('row')
    .allInnerTexts()
    .then((rows) => rows.map((row) => row.replace(/\s+/g, ' ').trim()));

describe('a crisis call-out in the tab (Sanne Verhoef, coordinator of Bondgenoten Haven)', () => {
  it('starts a call-out after checking the recipients, answers, records a call and closes it', async () => {
    // A browser zone 11 hours behind Amsterdam's: every time on the page must still be Dutch time.
    const watched = await openPage(browser, { timezoneId: 'Pacific/Honolulu' });
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Sanne Verhoef');
      await page.getByRole('link', { name: 'Geen lopende crisisoproepen' }).waitFor();
      await openStartForm(page);

      // Nothing filled in: the server's field errors appear beside their fields, in Dutch.
      await page.getByRole('button', { name: 'Ontvangers bekijken' }).click();
      await page.getByText('Kies minstens één wijk.').waitFor();
      expect(await page.getByText('Vul dit in.').count()).toBe(2);
      await screenshot(page, 'call-out-form-errors');

      await fillStartForm(page, DRAFT);
      const preview = await reviewRecipients(page);
      // Focus moved to the recipients, so a keyboard user continues there.
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
        'Wie krijgt de oproep',
      );
      const staffRows = await rowTexts(preview.getByRole('table', { name: 'Staf (kaart in Teams)' }));
      expect(
        staffRows
          .slice(1)
          .map((row) => row.split(' Netwerkstaf')[0])
          .sort(),
      ).toEqual(['Joris Amrani', 'Petra Lindeboom', 'Sanne Verhoef']);
      for (const row of staffRows.slice(1)) expect(row).toContain('Netwerkstaf, Bondgenoten Haven');
      // The demo staff have never opened the bot, so Teams cannot reach them yet: the preview says so.
      for (const row of staffRows.slice(1))
        expect(row).toMatch(/Krijgt de kaart in Teams|Niet bereikbaar in Teams: bellen/);
      const allyRows = await rowTexts(preview.getByRole('table', { name: 'Bondgenoten (bellijst)' }));
      expect(
        allyRows
          .slice(1)
          .map((row) => row.split(' Bondgenoten Haven')[0])
          .sort(),
      ).toEqual(['Esra Demirtaş-Kuipers', 'Yasmina el Ouali']);
      // Two allies, two coordinators: each phones one.
      const callers = allyRows
        .slice(1)
        .map((row) => row.split('Bondgenoten Haven ')[1])
        .sort();
      expect(callers).toEqual(['Joris Amrani', 'Sanne Verhoef']);
      await screenshot(page, 'call-out-preview-light');

      // A change makes the preview stale: it has to be looked at again before sending.
      await page.getByRole('radio', { name: 'Vandaag' }).check();
      expect(await page.getByRole('button', { name: 'Versturen' }).count()).toBe(0);
      await page.getByRole('radio', { name: 'Direct' }).check();
      await reviewRecipients(page);
      await send(page, HEADING);

      expect(await page.getByRole('timer').count()).toBe(1);
      expect(await page.getByTestId('countdown-announcement').textContent()).toMatch(
        /^Nog (59|60) minuten tot het doel van één uur\.$/,
      );
      await page.getByText(/^Verstuurd \d van 3, beantwoord 0$/).waitFor();
      const recipients = section(page, 'Ontvangers');
      const states = await rowTexts(recipients.getByRole('table'));
      expect(states).toHaveLength(4);
      // Whether the delivery worker runs here or not, every recipient shows a state it really has.
      for (const row of states.slice(1))
        expect(row).toMatch(/Wacht op verzending|Wordt verstuurd|Kaart afgeleverd|bellen/);

      // My own answer: "Ik kom" within 15 minutes.
      const mine = section(page, 'Jouw antwoord');
      await mine.getByText('Je hebt nog niet geantwoord.').waitFor();
      await mine.getByRole('spinbutton', { name: 'Over hoeveel minuten ben je er?' }).fill('15');
      await mine.getByRole('button', { name: 'Ik kom' }).click();
      await toast(page, 'Je antwoord is opgeslagen: Komt.');
      await mine.getByText(/^Jouw antwoord: Komt/).waitFor();
      expect(await mine.getByRole('button', { name: 'Ik kom' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByText('Komen: 1').waitFor();
      await page.getByText(/^Verstuurd \d van 3, beantwoord 1$/).waitFor();
      const sanne = recipients.getByRole('row').filter({ hasText: 'Sanne Verhoef' });
      expect(await sanne.textContent()).toContain('Komt');
      expect(await sanne.textContent()).toContain('over 15 min');

      // My call list: one ally, a tel: link, and the outcome recorded.
      const callList = section(page, 'Bellijst bondgenoten');
      const form = callList.getByRole('form');
      expect(await form.count()).toBe(1);
      const allyName = ((await form.getAttribute('aria-label')) ?? '').replace(
        /^Gesprek met (.*) vastleggen$/,
        '$1',
      );
      expect(['Esra Demirtaş-Kuipers', 'Yasmina el Ouali']).toContain(allyName);
      expect(
        await callList.getByRole('link', { name: new RegExp(`^Bel ${allyName}`) }).getAttribute('href'),
      ).toMatch(/^tel:\+?\d+$/);
      await form.getByRole('button', { name: 'Gesprek vastleggen' }).click();
      await form.getByText('Kies hoe het gesprek ging.').waitFor();
      await form.getByRole('radio', { name: 'Bereikt', exact: true }).check();
      await form
        .getByRole('textbox', { name: 'Wat hoort de bondgenoot in de gemeenschap?' })
        .fill('Fictief: jongeren willen vanavond verhaal halen.');
      await form.getByRole('checkbox', { name: 'Komt naar de bijeenkomst' }).check();
      await form.getByRole('button', { name: 'Gesprek vastleggen' }).click();
      await toast(page, `Het gesprek met ${allyName} is vastgelegd.`);
      await callList
        .getByText('Hoort in de gemeenschap: Fictief: jongeren willen vanavond verhaal halen.')
        .waitFor();
      expect(await callList.getByText('Bereikt', { exact: true }).count()).toBeGreaterThan(0);
      // The other coordinator's ally is listed, not mine to record.
      const others = await rowTexts(
        callList.getByRole('table', { name: 'Bondgenoten op de bellijst van anderen' }),
      );
      expect(others[1]).toContain('Joris Amrani');
      expect(others[1]).toContain('nog niet gebeld');

      // The timeline names what happened, and its CSV is there for the after-action review.
      const timeline = section(page, 'Tijdlijn');
      await timeline.getByRole('cell', { name: 'Gesprek met bondgenoot vastgelegd' }).waitFor();
      const events = await rowTexts(timeline.getByRole('table'));
      expect(
        events.some((row) => row.includes('Crisisoproep gestart') && row.includes('Sanne Verhoef')),
      ).toBe(true);
      expect(events.some((row) => row.includes('Antwoord gegeven'))).toBe(true);
      // The start under the heading and in the timeline are the same instant, both in Dutch time.
      const startedAt = await timeline
        .getByRole('row')
        .filter({ hasText: 'Crisisoproep gestart' })
        .locator('time')
        .getAttribute('datetime');
      const dutchTime = new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(startedAt as string));
      expect(await page.getByText(/^Gestart /).textContent()).toMatch(new RegExp(`, ${dutchTime}$`));
      expect(
        await timeline
          .getByRole('row')
          .filter({ hasText: 'Crisisoproep gestart' })
          .locator('time')
          .textContent(),
      ).toMatch(new RegExp(`^${dutchTime}:`));
      expect(events.some((row) => row.includes(`Sanne Verhoef → ${allyName}`))).toBe(true);
      const csvHref = await timeline
        .getByRole('link', { name: 'Tijdlijn downloaden (CSV)' })
        .getAttribute('href');
      expect(csvHref).toMatch(/^\/api\/v1\/call-outs\/[0-9a-f-]{36}\/timeline\.csv$/);
      const csv = await page.request.get(`${server.url}${csvHref}`, {
        headers: { 'x-bondgenoten-client': 'tab' },
      });
      expect(csv.status()).toBe(200);
      // For Dutch Excel: a BOM, the confidentiality notice, ";" and Dutch column names.
      const csvText = (await csv.body()).toString('utf8');
      expect(csvText.startsWith('\uFEFF')).toBe(true);
      const [notice, header] = csvText.slice(1).split('\r\n');
      expect(notice).toMatch(/^"VERTROUWELIJK/);
      expect(header).toBe('Tijd (Nederlandse tijd);Gebeurtenis;Wie;Code');
      expect(csv.headers()['content-disposition']).toMatch(
        /filename=crisisoproep-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-\d{4}\.csv/,
      );
      const pdfHref = await timeline
        .getByRole('link', { name: 'Tijdlijn downloaden (PDF)' })
        .getAttribute('href');
      expect(pdfHref).toMatch(/^\/api\/v1\/call-outs\/[0-9a-f-]{36}\/timeline\.pdf$/);
      const pdf = await page.request.get(`${server.url}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Every kind of line shows in words, also those only "Bijeenkomst nu" writes (e-mailing the join link).
      const callOutId = /call-outs\/([0-9a-f-]{36})\//.exec(csvHref ?? '')?.[1] ?? '';
      await server.database.db
        .insertInto('call_out_events')
        .values(
          ['meeting-mail-sent', 'meeting-mail-failed'].map((kind) => ({
            call_out_id: callOutId,
            at: new Date(),
            kind,
            user_id: null,
            person_id: null,
            delivery_id: null,
          })),
        )
        .execute();
      await page.reload();
      const reloaded = section(page, 'Tijdlijn');
      await reloaded.getByRole('cell', { name: 'Deelnamelink gemaild naar bondgenoot' }).waitFor();
      await reloaded
        .getByRole('cell', { name: 'Deelnamelink mailen mislukt: bel deze bondgenoot' })
        .waitFor();
      const cells = await reloaded.getByRole('cell').allInnerTexts();
      expect(cells.filter((cell) => /^[a-z]+(-[a-z]+)+$/.test(cell.trim()))).toEqual([]);
      await page.mouse.move(0, 0);
      await screenshot(page, 'call-out-light');

      // The list of open call-outs has it, and leads back to it.
      await page.getByRole('link', { name: 'Naar de crisisoproepen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Crisisoproepen' }).waitFor();
      // The heading shows before the list has loaded: wait for the call-out's row, not just the page.
      const table = page.getByRole('table', { name: 'Crisisoproepen' });
      await table.getByRole('row').nth(1).waitFor();
      const list = await rowTexts(table);
      expect(list).toHaveLength(2);
      expect(list[1]).toContain(DRAFT.summary);
      expect(list[1]).toMatch(/Verstuurd \d van 3, beantwoord 1/);
      await screenshot(page, 'call-out-list-light');
      await page.getByRole('link', { name: DRAFT.summary }).click();
      await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();

      // Closing needs the evaluation.
      const close = section(page, 'Afsluiten');
      await close.getByRole('button', { name: 'Crisisoproep afsluiten' }).click();
      await close.getByText('Vul de evaluatie in voordat je afsluit.').waitFor();
      // Typing the evaluation clears the stale error.
      await close.getByRole('textbox', { name: 'Evaluatie' }).fill('Fictief');
      expect(await close.getByText('Vul de evaluatie in voordat je afsluit.').count()).toBe(0);
      // Closing cannot be undone: it asks first, and "Annuleren" leaves the call-out open.
      await close.getByRole('button', { name: 'Crisisoproep afsluiten' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Crisisoproep afsluiten?' });
      await confirm.getByText('Afsluiten kan niet ongedaan worden gemaakt.', { exact: false }).waitFor();
      expectSaying(await seriousA11yViolations(page), 'close confirmation').toEqual([]);
      await confirm.getByRole('button', { name: 'Annuleren' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await close.getByRole('button', { name: 'Crisisoproep afsluiten' }).waitFor();
      // The follow-up date: two weeks ahead by default; a date beyond 90 days is refused at the field.
      const followUpBy = close.getByLabel('Nazorgbijeenkomst uiterlijk op');
      expect(await followUpBy.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const chosen = await followUpBy.inputValue();
      await followUpBy.fill('2099-01-01');
      await close
        .getByRole('textbox', { name: 'Evaluatie' })
        .fill('Fictief: netwerk binnen 40 minuten bijeen.');
      await close.getByRole('button', { name: 'Crisisoproep afsluiten' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, afsluiten' }).click();
      await close.getByText('Kies een datum vanaf vandaag en hooguit 90 dagen vooruit.').waitFor();
      await followUpBy.fill(chosen);
      await close
        .getByRole('textbox', { name: 'Evaluatie' })
        .fill('Fictief: netwerk binnen 40 minuten bijeen.');
      await close.getByRole('button', { name: 'Crisisoproep afsluiten' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, afsluiten' }).click();
      await toast(page, 'De crisisoproep is afgesloten.');
      await page.getByText('Fictief: netwerk binnen 40 minuten bijeen.').waitFor();
      await page.getByText('Deze crisisoproep is afgesloten.').waitFor();
      // Closing planned the follow-up per network it reached (processing and reconciliation).
      await page.getByText('Nazorg: verwerking en verzoening').waitFor();
      await page
        .getByText(/Plan vóór \d+ \w+ een bijeenkomst voor verwerking en verzoening\./)
        .first()
        .waitFor();
      await section(page, 'Tijdlijn')
        .getByRole('cell', { name: /^Nazorg gepland/ })
        .waitFor();
      expect(await page.getByRole('timer').count()).toBe(0);
      expect(await section(page, 'Jouw antwoord').count()).toBe(0);
      expect(await section(page, 'Afsluiten').count()).toBe(0);
      expect(await section(page, 'Bellijst bondgenoten').getByRole('form').count()).toBe(0);
      await section(page, 'Tijdlijn').getByRole('cell', { name: 'Crisisoproep afgesloten' }).waitFor();
      // A toast that is fading out is half transparent; axe looks at the page once it has gone.
      await eventually(() => page.locator('.fui-Toast').count(), { timeout: 15_000 }).toBe(0);
      await page.mouse.move(0, 0);
      expectSaying(await seriousA11yViolations(page), 'closed call-out').toEqual([]);
      await screenshot(page, 'call-out-closed-light');

      await page.getByRole('link', { name: 'Naar de crisisoproepen' }).click();
      await page.getByText('Er lopen geen crisisoproepen.').waitFor();
      expect(unexpected(watched.consoleErrors)).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('speaks English when asked, field errors included', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=dark`);
      await signInAs(page, 'Joris Amrani');
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('link', { name: 'Start a crisis call-out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Start a crisis call-out' }).waitFor();
      await page.getByRole('button', { name: 'Review recipients' }).click();
      await page.getByText('Choose at least one neighbourhood.').waitFor();
      expect(await page.getByText('Fill this in.').count()).toBe(2);
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('the call-out pages for everyone', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`have no serious or critical accessibility violations in the ${theme} theme`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      try {
        await page.goto(`${server.url}/?theme=${theme}`);
        await signInAs(page, 'Sanne Verhoef');
        await openStartForm(page);
        await page.getByRole('button', { name: 'Ontvangers bekijken' }).click();
        await page.getByText('Kies minstens één wijk.').waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'start form with errors').toEqual([]);

        await fillStartForm(page, { ...DRAFT, summary: `${DRAFT.summary} (${theme})` });
        await reviewRecipients(page);
        expectSaying(await seriousA11yViolations(page), 'preview').toEqual([]);
        await screenshot(page, `call-out-preview-${theme}`);

        await send(page, HEADING);
        await section(page, 'Tijdlijn').getByRole('cell', { name: 'Crisisoproep gestart' }).waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'call-out page').toEqual([]);
        await screenshot(page, `call-out-${theme}`);
        if (theme === 'light') {
          // A narrow Teams side panel or phone: nothing sticks out sideways.
          await page.setViewportSize({ width: 420, height: 800 });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          await screenshot(page, 'call-out-narrow');
          expect(overflow).toBeLessThanOrEqual(0);
          await page.setViewportSize({ width: 1280, height: 900 });
        }

        await page.getByRole('link', { name: 'Naar de crisisoproepen' }).click();
        await page.getByRole('table', { name: 'Crisisoproepen' }).waitFor();
        expectSaying(await seriousA11yViolations(page), 'list').toEqual([]);
        await screenshot(page, `call-out-list-${theme}`);

        // The overview announces the open call-outs (one per theme test so far) beside "Crisisoproep starten".
        await page
          .getByRole('navigation', { name: 'Hoofdmenu' })
          .getByRole('link', { name: 'Netwerkkaart' })
          .click();
        await page
          .getByRole('link', { name: new RegExp(`^Incident \\(Direct\\): .*\\(${theme}\\)$`) })
          .waitFor();
        await page.mouse.move(0, 0);
        expectSaying(await seriousA11yViolations(page), 'overview with open call-outs').toEqual([]);
        await screenshot(page, `call-out-overview-${theme}`);
        expect(unexpected(watched.consoleErrors)).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});
