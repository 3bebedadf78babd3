import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  type BotConnectorStandIn,
  type RecordedActivity,
  startBotConnectorStandIn,
} from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, type TeamsUser } from './teams-activity.js';

/**
 * The next-meeting proposal card over the Bot Framework protocol, on a local run (no bot credentials, as
 * in the Agents Playground): a meeting recorded through the API reaches the secretary as a proactive card
 * through the connector stand-in, and her [Plannen] invoke creates the meeting with its embedded calendar
 * event, once. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let connector: BotConnectorStandIn;
let server: TestServer;
let petraCookie: string;
let havenId: string;
let buitenId: string;

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

function staff(key: string): TeamsUser {
  const member = DEMO_STAFF.find((s) => s.key === key);
  if (!member) throw new Error(`no demo staff ${key}`);
  return { id: `29:${member.objectId}`, aadObjectId: member.objectId, name: member.displayName };
}

const petra = staff('secretaris');
const dewi = staff('wijkagent-buiten'); // coordinator of Buiten only
const mehmet = staff('teamchef-stad'); // made viewer of Haven below
const sanne = staff('oov-haven'); // coordinator of Haven, never wrote to the bot

const conversationOf = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;

/** An activity from a demo staff member in their 1:1 chat with the bot, in the demo tenant. */
function activityFrom(user: TeamsUser, fields: Record<string, unknown>) {
  return buildTeamsActivity(connector.url, {
    user,
    conversationId: conversationOf(user),
    conversation: {
      id: conversationOf(user),
      conversationType: 'personal',
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  });
}

async function say(user: TeamsUser, text = 'help'): Promise<void> {
  const response = await postActivity(server.url, activityFrom(user, { text }));
  expect(response.status).toBe(200);
}

async function invoke(user: TeamsUser, value: unknown) {
  const activity = activityFrom(user, { type: 'invoke', name: 'adaptiveCard/action', value });
  delete activity.text;
  const response = await postActivity(server.url, activity);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function plan(data: unknown) {
  return { action: { type: 'Action.Execute', id: '', verb: 'meeting.plan', data }, trigger: 'manual' };
}

function cardOf(result: { status: number; body: { value?: unknown } | null }) {
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ statusCode: 200, type: CARD_TYPE });
  const card = result.body?.value;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card as Record<string, unknown>;
}

/** Waits for the connector to receive a card in this conversation (the notifier runs after the response). */
async function cardSentTo(user: TeamsUser, after: number): Promise<RecordedActivity> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const sent = connector.activities
      .slice(after)
      .find((entry) => entry.conversationId === conversationOf(user));
    if (sent) return sent;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no card reached ${user.name}'s chat`);
}

async function networkId(name: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting a week ago at 18:00 local time (inserted directly: the API only plans future meetings). */
async function pastMeeting(network: string): Promise<string> {
  const start = DateTime.now().setZone('Europe/Amsterdam').minus({ days: 7 }).set({ hour: 18, minute: 0 });
  const row = await server.database.db
    .insertInto('meetings')
    .values({
      network_id: network,
      meeting_date: start.toISODate() as string,
      starts_at: start.toUTC().toISO() as string,
      ends_at: start.plus({ hours: 2 }).toUTC().toISO() as string,
      organiser: 'secretaris@example.org',
      intent_id: crypto.randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function record(cookie: string, network: string, meetingId: string) {
  return callApi(server.url, cookie, 'PUT', `/api/v1/networks/${network}/meetings/${meetingId}/record`, {
    attendance: [],
    themes: ['kennismaking'],
    mood: 4,
  });
}

async function plannedMeetings(network: string) {
  return server.database.db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'calendar_event_id'])
    .where('network_id', '=', network)
    .where('status', '=', 'planned')
    .execute();
}

function planAction(card: unknown) {
  const [action] = findAll(card, /^Action\.Execute$/);
  expect(action).toMatchObject({ verb: 'meeting.plan' });
  return action as {
    verb: string;
    data: { networkId: string; start: string; end: string; locationId: string | null };
  };
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: (deps) => composeBotHandler(deps) });
  petraCookie = await signInAs(server.url, 'Petra Lindeboom');
  havenId = await networkId('Bondgenoten Haven');
  buitenId = await networkId('Bondgenoten Buiten');
  const mehmetId = (
    await server.database.db
      .selectFrom('users')
      .select('id')
      .where('aad_object_id', '=', mehmet.aadObjectId)
      .executeTakeFirstOrThrow()
  ).id;
  await server.database.db
    .insertInto('network_roles')
    .values({ network_id: havenId, user_id: mehmetId, role: 'viewer' })
    .execute();
  // Petra and Dewi wrote to the bot before, so their 1:1 chats are stored; Sanne never did.
  await say(petra);
  await say(dewi);
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('the proposal card after a meeting is recorded', () => {
  let proposal: Record<string, unknown>;

  it('reaches the secretary in her 1:1 chat with the next proposal and the skipped dates', async () => {
    const before = connector.activities.length;
    const meetingId = await pastMeeting(havenId);
    const recorded = await record(petraCookie, havenId, meetingId);
    expect(recorded.status).toBe(200);
    expect(recorded.body.status).toBe('held');

    const sent = await cardSentTo(petra, before);
    const attachments = sent.activity.attachments as { contentType: string; content: unknown }[];
    expect(sent.activity.type).toBe('message');
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.contentType).toBe(CARD_TYPE);
    proposal = attachments[0]?.content as Record<string, unknown>;
    expect(proposal).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(adaptiveCardProblems(proposal)).toEqual([]);

    const texts = visibleTexts(proposal);
    expect(texts).toContain('Voorstel volgende overleg');
    expect(texts).toContain('Netwerk: Bondgenoten Haven');
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^Voorstel volgende overleg: (maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} \w+ \d{4}, \d\d:\d\d, .+ \(fictief\), voorzitter .+$/,
      ),
    );
    const action = planAction(proposal);
    expect(action.data).toMatchObject({ networkId: havenId, locationId: expect.any(String) });
    // The same proposal the tab's API gives, skipped dates with their reasons included.
    const api = await callApi(
      server.url,
      petraCookie,
      'GET',
      `/api/v1/networks/${havenId}/meetings/next-proposal`,
    );
    expect(api.status).toBe(200);
    expect(Date.parse(action.data.start)).toBe(Date.parse(api.body.proposal.start));
    expect(action.data.locationId).toBe(api.body.proposal.location.id);
    expect(texts).toContainEqual(
      expect.stringContaining(`voorzitter ${api.body.proposal.chair.displayName}`),
    );
    const reasons = api.body.skipped
      .slice(0, 3)
      .map((entry: { reasons: { nl: string }[] }) => entry.reasons.map((r) => r.nl).join('; '));
    for (const reason of reasons) expect(texts).toContain(reason);
    expect(Date.parse(action.data.start)).toBeGreaterThan(Date.now());
    const [, other] = findAll(proposal, /^Action\.(Execute|OpenUrl)$/);
    expect(other).toMatchObject({
      type: 'Action.OpenUrl',
      title: 'Andere datum',
      url: expect.stringMatching(new RegExp(`/netwerken/${havenId}/overleggen/plannen$`)),
    });
    // Only Haven's secretary: the coordinators are not asked while there is a secretary.
    expect(connector.activities.slice(before).map((a) => a.conversationId)).toEqual([conversationOf(petra)]);
    expect(server.logLines.join('\n')).not.toContain('Petra');
  });

  it('plans the proposed meeting with its calendar event when the secretary presses [Plannen]', async () => {
    const action = planAction(proposal);
    const before = await plannedMeetings(havenId);
    const card = cardOf(await invoke(petra, plan(action.data)));
    const texts = visibleTexts(card);
    expect(texts).toContain('Gepland');
    expect(texts).toContainEqual(expect.stringMatching(/^Gepland: \w+ \d{1,2} \w+ \d{4}, \d\d:\d\d\.$/));
    expect(texts).toContainEqual(expect.stringContaining('ingebouwde agenda'));

    const list = await callApi(
      server.url,
      petraCookie,
      'GET',
      `/api/v1/networks/${havenId}/meetings?scope=upcoming`,
    );
    expect(list.status).toBe(200);
    const created = list.body.upcoming.filter(
      (m: { start: string }) => Date.parse(m.start) === Date.parse(action.data.start),
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      status: 'planned',
      location: { id: action.data.locationId },
      calendar: { state: 'created', eventId: expect.any(String) },
    });
    const event = await server.database.db
      .selectFrom('calendar_events')
      .select('id')
      .where('id', '=', created[0].calendar.eventId)
      .executeTakeFirst();
    expect(event).toBeDefined();
    expect(await plannedMeetings(havenId)).toHaveLength(before.length + 1);

    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'channel', 'object_id as objectId'])
      .where('action', '=', 'meeting.create')
      .where('object_id', '=', created[0].id)
      .execute();
    expect(audit).toEqual([{ action: 'meeting.create', channel: 'bot', objectId: created[0].id }]);
  });

  it('does not plan twice when [Plannen] is pressed again, and shows the meeting already planned', async () => {
    const action = planAction(proposal);
    const before = await plannedMeetings(havenId);
    const results = await Promise.all([invoke(petra, plan(action.data)), invoke(petra, plan(action.data))]);
    for (const result of results) {
      const texts = visibleTexts(cardOf(result));
      expect(texts).toContain('Al gepland');
    }
    expect(await plannedMeetings(havenId)).toHaveLength(before.length);
  });

  it('refuses a viewer and another network’s coordinator with an error card, planning nothing', async () => {
    const action = planAction(proposal);
    const other = {
      ...action.data,
      start: shiftDays(action.data.start, 2),
      end: shiftDays(action.data.end, 2),
    };
    const before = await plannedMeetings(havenId);
    for (const user of [mehmet, dewi]) {
      const texts = visibleTexts(cardOf(await invoke(user, plan(other))));
      expect(texts).toEqual([
        'Niet toegestaan',
        'Alleen de coördinatoren en de secretaris van dit netwerk plannen overleggen.',
      ]);
    }
    expect(await plannedMeetings(havenId)).toHaveLength(before.length);
  });

  it('answers malformed or impossible actions with an error card (HTTP 200), planning nothing', async () => {
    const action = planAction(proposal);
    const before = await plannedMeetings(havenId);
    const malformed = [
      plan({ ...action.data, start: 'morgen' }),
      plan({ ...action.data, networkId: 'haven' }),
      plan({ networkId: havenId }),
      plan(null),
      { action: { type: 'Action.Execute', verb: 'meeting.unknown', data: action.data } },
      { action: { type: 'Action.Submit', verb: 'meeting.plan', data: action.data } },
    ];
    for (const value of malformed) {
      const texts = visibleTexts(cardOf(await invoke(petra, value)));
      expect(texts[0]).toBe('Niet gepland');
      expect(texts[1]).toMatch(/^De kaart mist gegevens van het voorstel/);
    }
    // Well-formed but impossible: in the past, or not an active location of this network.
    const past = {
      ...action.data,
      start: shiftDays(action.data.start, -400),
      end: shiftDays(action.data.end, -400),
    };
    const foreign = {
      ...action.data,
      start: shiftDays(action.data.start, 2),
      end: shiftDays(action.data.end, 2),
      locationId: crypto.randomUUID(),
    };
    for (const data of [past, foreign]) {
      const card = cardOf(await invoke(petra, plan(data)));
      expect(visibleTexts(card)[1]).toMatch(/^Dit voorstel kan niet meer worden gepland/);
      expect(findAll(card, /^Action\.OpenUrl$/)[0]?.url).toMatch(/\/overleggen\/plannen$/);
    }
    // An actor without Entra ids cannot be a staff member.
    const anonymous = { ...petra, aadObjectId: 'not-a-guid' };
    expect(visibleTexts(cardOf(await invoke(anonymous, plan(action.data))))[1]).toMatch(
      /^We konden niet vaststellen wie je bent/,
    );
    expect(await plannedMeetings(havenId)).toHaveLength(before.length);
    expect(server.logLines.join('\n')).not.toContain('bot turn failed');
    expect(connector.activities.filter((a) => JSON.stringify(a.activity).includes('Sorry'))).toEqual([]);
  });
});

describe('who gets the card', () => {
  beforeEach(() => connector.clear());

  it('falls back to the coordinators when the network has no secretary', async () => {
    const dewiCookie = await signInAs(server.url, 'Dewi Sastromedjo');
    const meetingId = await pastMeeting(buitenId);
    expect((await record(dewiCookie, buitenId, meetingId)).status).toBe(200);
    const sent = await cardSentTo(dewi, 0);
    const card = (sent.activity.attachments as { content: unknown }[])[0]?.content;
    expect(visibleTexts(card)).toContain('Netwerk: Bondgenoten Buiten');

    // A double press arriving at once still plans one meeting: the second sees the first.
    const before = await plannedMeetings(buitenId);
    const action = planAction(card);
    const results = await Promise.all([invoke(dewi, plan(action.data)), invoke(dewi, plan(action.data))]);
    const titles = results.map((result) => visibleTexts(cardOf(result))[0]).sort();
    expect(titles).toEqual(['Al gepland', 'Gepland']);
    expect(await plannedMeetings(buitenId)).toHaveLength(before.length + 1);
  });

  it('skips staff the bot cannot reach, logging only how many', async () => {
    // Haven without its secretary: the card would go to the coordinators, who never wrote to the bot.
    await server.database.db
      .deleteFrom('network_roles')
      .where('network_id', '=', havenId)
      .where('role', '=', 'secretary')
      .execute();
    const sanneCookie = await signInAs(server.url, 'Sanne Verhoef');
    const meetingId = await pastMeeting(havenId);
    const lines = server.logLines.length;
    expect((await record(sanneCookie, havenId, meetingId)).status).toBe(200);
    let line: string | undefined;
    for (let attempt = 0; attempt < 400 && !line; attempt++) {
      line = server.logLines.slice(lines).find((entry) => entry.includes('nobody reachable'));
      if (!line) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(JSON.parse(line ?? '{}')).toMatchObject({ networkId: havenId, recipients: 2, unreachable: 2 });
    expect(line).not.toContain(sanne.aadObjectId);
    expect(connector.activities).toEqual([]);
  });
});

function shiftDays(instant: string, days: number): string {
  return DateTime.fromISO(instant, { setZone: true }).plus({ days }).toUTC().toISO() as string;
}
