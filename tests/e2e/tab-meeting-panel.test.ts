import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { areaId, communityId } from '../call-outs/fixtures.js';
import { callApi, signInAs as signInApi } from '../helpers/local-session.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';
import { dutchLongDate, meetingCard, openMeetings } from './meeting-pages.js';
import { installTeamsHost, saveTabConfiguration, TEAMS_HOST_PATH, teamsCalls } from './teams-host.js';

/**
 * The meeting side panel inside a (stand-in) Teams meeting: teams-js in the built tab talks to a host page over
 * postMessage, learns the meeting's thread id, and the panel shows that overleg's live record or the call-out's
 * tally — or "Geen toegang" to staff of another network.
 */
const MEETING_THREAD = '19:meeting_UGFuZWVsT3ZlcmxlZ0hhdmVu@thread.v2';
const CALL_OUT_THREAD = '19:meeting_UGFuZWVsQmlqZWVua29tc3ROdQ@thread.v2';
const joinUrlOf = (thread: string) =>
  `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%7d`;

let database: DatabaseHandle;
let server: TestServer;
let browser: Browser;
let meetingDate: string;
let chair: string;
let agendaTurn: string;

beforeAll(async () => {
  assertTabBuilt();
  database = await createTestDatabase({ seed: true });
  const db = database.db;
  const haven = await db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  const allies = await db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .select(['people.id', 'people.display_name as name'])
    .where('network_people.network_id', '=', haven.id)
    .where('people.kind', '=', 'ally')
    .orderBy('people.display_name')
    .limit(2)
    .execute();
  const [first, second] = allies as [{ id: string; name: string }, { id: string; name: string }];
  chair = first.name;
  agendaTurn = second.name;
  // The overleg is under way: it started two hours ago (the record can be written once it has started).
  const start = new Date(Date.now() - 2 * 3_600_000);
  meetingDate = start.toISOString().slice(0, 10);
  await db
    .insertInto('meetings')
    .values({
      network_id: haven.id,
      meeting_date: meetingDate,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 7_000_000).toISOString(),
      chair_person_id: first.id,
      agenda_turn_person_ids: [second.id],
      online_meeting: true,
      status: 'planned',
      organiser: 'secretaris@example.org',
      intent_id: crypto.randomUUID(),
      calendar_state: 'created',
      // Teams' short join link, which carries no thread id, and the thread id the app stored from Graph's
      // onlineMeeting resource when it created the meeting (the local calendar has neither).
      join_url: 'https://teams.microsoft.com/meet/29384756102938?p=FictiefWachtwoord',
      teams_thread_id: MEETING_THREAD,
    })
    .execute();
  server = await startTestServer({ database });
  // A call-out with its Bijeenkomst nu, whose meeting carries a Teams join link as Graph would give it.
  const sanne = await signInApi(server.url, 'Sanne Verhoef');
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'tension',
    urgency: 'immediate',
    summary: 'Fictieve spanning na een incident',
    ask: 'Kom samen; wat hoort je achterban?',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans')],
  });
  const callOutId = started.body.id as string;
  const joris = await signInApi(server.url, 'Joris Amrani');
  await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/answers`, { answer: 'coming' });
  await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, { durationMinutes: 60 });
  await db
    .updateTable('call_out_meetings')
    .set({ join_url: joinUrlOf(CALL_OUT_THREAD), join_url_local: false, teams_thread_id: CALL_OUT_THREAD })
    .where('call_out_id', '=', callOutId)
    .execute();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

/** Signs in as `name`, then opens the side panel inside the stand-in Teams meeting of `thread`. */
async function openPanel(page: Page, name: string, thread: string): Promise<Frame> {
  await page.goto(`${server.url}/?theme=light`);
  await signInAs(page, name);
  await installTeamsHost(page, server.url, '/paneel?inTeams=1');
  await page.goto(`${server.url}${TEAMS_HOST_PATH}?thread=${encodeURIComponent(thread)}`);
  const frame = page.frameLocator('iframe').owner();
  await frame.waitFor();
  const content = await (await frame.elementHandle())?.contentFrame();
  if (!content) throw new Error('the panel frame did not load');
  return content;
}

// teams-js asks its CDN for the list of Teams origins; the tab's CSP (connect-src 'self') refuses that, and
// teams-js falls back to its built-in list. That one refusal is expected, nothing else.
const unexpected = (errors: string[]) =>
  errors.filter((text) => !/res\.cdn\.office\.net|validDomains|Content Security Policy.*connect/i.test(text));

/**
 * What makes the 320 px side panel scroll sideways: nothing when the page is as wide as the panel (a wide
 * table may scroll inside its own region), else the elements reaching past the edge, named for the failure.
 */
async function overflowing(panel: Frame): Promise<string[]> {
  return panel.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120))
      .slice(0, 8);
  });
}

describe('the meeting side panel', () => {
  it('is added to a meeting through the configuration page, which saves the side panel for it', async () => {
    const watched = await openPage(browser, { viewport: { width: 520, height: 700 } });
    const { page } = watched;
    try {
      await installTeamsHost(page, server.url, '/config?inTeams=1');
      await page.goto(
        `${server.url}${TEAMS_HOST_PATH}?frame=settings&thread=${encodeURIComponent(MEETING_THREAD)}`,
      );
      const config = page.frameLocator('iframe');
      await config
        .getByText(/In deze vergadering toont het tabblad het overleg of de crisisoproep/)
        .waitFor();
      await page.waitForFunction(() =>
        (window as unknown as { __teamsCalls: string[] }).__teamsCalls.includes('settings.setValidityState'),
      );
      const saved = await saveTabConfiguration(page);
      expect(saved).toMatchObject({
        contentUrl: `${server.url}/paneel?inTeams=1`,
        entityId: 'meeting-panel',
      });
    } finally {
      await watched.close();
    }
  });

  it('lets the secretary record the overleg live; the meetings page shows the same record', async () => {
    const watched = await openPage(browser, { viewport: { width: 320, height: 900 } });
    const { page } = watched;
    try {
      const panel = await openPanel(page, 'Petra Lindeboom', MEETING_THREAD);
      await panel
        .getByRole('heading', { level: 1, name: `Overleg van ${dutchLongDate(meetingDate)}` })
        .waitFor();
      expect(await teamsCalls(page)).toEqual(expect.arrayContaining(['initialize', 'getContext']));
      await panel.getByText(chair, { exact: true }).first().waitFor();
      await panel.getByText(agendaTurn, { exact: true }).first().waitFor();
      await panel.getByText('Wat je invult, wordt vanzelf opgeslagen.').waitFor();

      await panel.getByRole('checkbox', { name: 'Petra Lindeboom' }).check();
      await panel.getByRole('checkbox', { name: 'Polarisatie' }).check();
      await panel
        .getByRole('textbox', { name: 'Wat er besproken is' })
        .fill('Fictief: zorgen over de avondklok');
      await panel.getByRole('button', { name: 'Afspraak toevoegen' }).click();
      await panel
        .getByRole('textbox', { name: 'Afspraak 1', exact: true })
        .fill('Fictief: terugkoppeling aan de jongerenwerkers');
      await panel.getByText(/^Opgeslagen om \d{2}:\d{2}$/).waitFor();
      // Typing on after a save changes the same record and the same action (no second one).
      await panel
        .getByRole('textbox', { name: 'Afspraak 1', exact: true })
        .fill('Fictief: terugkoppeling aan de jongeren');
      // The autosave after both changes (the new text and the mood "goed", 4): waited for, not slept on.
      const savedBoth = page.waitForResponse((response) => {
        const request = response.request();
        if (request.method() !== 'PUT' || !new URL(request.url()).pathname.endsWith('/record')) return false;
        const body = request.postDataJSON() as { mood: number | null; actions: { description: string }[] };
        return (
          body.mood === 4 &&
          body.actions.some((action) => action.description === 'Fictief: terugkoppeling aan de jongeren')
        );
      });
      await panel.getByRole('radio', { name: 'goed', exact: true }).check();
      expect((await savedBoth).status()).toBe(200);
      await panel.getByText(/^Opgeslagen om \d{2}:\d{2}$/).waitFor();

      await screenshot(page, 'meeting-panel-320');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await overflowing(panel)).toEqual([]);

      const actions = await database.db
        .selectFrom('meeting_actions')
        .select('description')
        .where('description', 'like', 'Fictief: terugkoppeling aan de jongeren%')
        .execute();
      expect(actions).toEqual([{ description: 'Fictief: terugkoppeling aan de jongeren' }]);

      // The tab's meetings page shows the record the panel wrote.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/?theme=light`);
      await openMeetings(page);
      const card = meetingCard(page, dutchLongDate(meetingDate));
      await card.getByText('Polarisatie').waitFor();
      await card.getByText('Fictief: zorgen over de avondklok').waitFor();
      expect(unexpected(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('keeps the input through a failed save and through someone else’s change in between', async () => {
    const watched = await openPage(browser, { viewport: { width: 320, height: 900 } });
    const { page } = watched;
    try {
      const panel = await openPanel(page, 'Petra Lindeboom', MEETING_THREAD);
      const notes = panel.getByRole('textbox', { name: 'Wat er besproken is' });
      await notes.waitFor();
      // The connection drops: the save fails, the text stays, and it is saved once the connection is back.
      let refuse = true;
      await page.route(`${server.url}/api/v1/networks/*/meetings/*/record`, (route) =>
        refuse ? route.abort('internetdisconnected') : route.fallback(),
      );
      await notes.fill('Fictief: na de storing nog steeds hier');
      await panel
        .getByText('Niet opgeslagen. Je invoer blijft staan en we proberen het zo opnieuw.')
        .waitFor();
      expect(await notes.inputValue()).toBe('Fictief: na de storing nog steeds hier');
      refuse = false;
      await panel.getByText(/^Opgeslagen om \d{2}:\d{2}$/).waitFor({ timeout: 15_000 });

      // Sanne (coordinator) saves the record elsewhere; Petra's next save meets her change and keeps its input.
      const { db } = database;
      const meeting = await db
        .selectFrom('meetings')
        .select(['id', 'network_id'])
        .where('teams_thread_id', '=', MEETING_THREAD)
        .executeTakeFirstOrThrow();
      const sanne = await signInApi(server.url, 'Sanne Verhoef');
      const path = `/api/v1/networks/${meeting.network_id}/meetings/${meeting.id}`;
      const current = await callApi(server.url, sanne, 'GET', path);
      const elsewhere = await callApi(server.url, sanne, 'PUT', `${path}/record`, {
        version: current.body.record.version,
        attendance: [],
        themes: ['armoede'],
        themesText: 'Fictief: Sanne’s versie',
      });
      expect(elsewhere.status).toBe(200);
      await notes.fill('Fictief: Petra’s versie');
      await panel
        .getByText('Iemand anders heeft het verslag intussen gewijzigd. Je invoer staat er nog.')
        .waitFor();
      expect(await notes.inputValue()).toBe('Fictief: Petra’s versie');
      await panel.getByRole('button', { name: 'Mijn versie bewaren' }).click();
      await panel.getByText(/^Opgeslagen om \d{2}:\d{2}$/).waitFor();
      const saved = await callApi(server.url, sanne, 'GET', path);
      expect(saved.body.record.themesText).toBe('Fictief: Petra’s versie');
    } finally {
      await watched.close();
    }
  });

  it('tells staff of another network "Geen toegang" and shows nothing of the meeting', async () => {
    const watched = await openPage(browser, { viewport: { width: 320, height: 900 } });
    const { page } = watched;
    try {
      const panel = await openPanel(page, 'Dewi Sastromedjo', MEETING_THREAD);
      await panel.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      expect(await panel.getByText(chair).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-panel-no-access');
    } finally {
      await watched.close();
    }
  });

  it('shows the call-out’s tally and call list in the Bijeenkomst nu meeting', async () => {
    const watched = await openPage(browser, { viewport: { width: 320, height: 900 } });
    const { page } = watched;
    try {
      const panel = await openPanel(page, 'Sanne Verhoef', CALL_OUT_THREAD);
      await panel.getByRole('heading', { level: 1, name: /Spanning/ }).waitFor();
      await panel.getByRole('list', { name: 'Antwoorden' }).waitFor();
      await panel.getByRole('heading', { name: 'Bellijst bondgenoten' }).waitFor();
      await screenshot(page, 'meeting-panel-call-out-320');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await overflowing(panel)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
