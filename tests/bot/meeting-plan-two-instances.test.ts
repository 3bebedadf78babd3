import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, type TeamsUser } from './teams-activity.js';

/**
 * Two server instances (two app and bot stacks, as two App Service instances behind one load balancer) on
 * one database: the proposal card goes out once through the shared Teams outbox, and [Plannen] pressed on
 * both at the same moment, over the Bot Framework protocol, plans exactly one meeting. On PostgreSQL each
 * instance has its own connection pool; on PGlite they share the embedded engine.
 */
let connector: BotConnectorStandIn;
let database: DatabaseHandle;
let second: DatabaseHandle;
let one: TestServer;
let two: TestServer;
let havenId: string;

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const member = DEMO_STAFF.find((s) => s.key === 'secretaris');
if (!member) throw new Error('no demo secretary');
const petra: TeamsUser = {
  id: `29:${member.objectId}`,
  aadObjectId: member.objectId,
  name: member.displayName,
};
const conversationId = `a:personal-${petra.aadObjectId}`;

function activity(fields: Record<string, unknown>) {
  return buildTeamsActivity(connector.url, {
    user: petra,
    conversationId,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  });
}

async function press(server: TestServer, data: unknown) {
  const invoke = activity({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: '', verb: 'meeting.plan', data }, trigger: 'manual' },
  });
  delete invoke.text;
  const response = await postActivity(server.url, invoke);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ statusCode: 200, type: CARD_TYPE });
  expect(adaptiveCardProblems(body.value)).toEqual([]);
  return body.value as Record<string, unknown>;
}

/** A second pool on the same PostgreSQL database, or the same PGlite engine. */
async function secondHandle(): Promise<DatabaseHandle> {
  const admin = process.env.TEST_DATABASE_URL;
  if (TEST_ENGINE !== 'postgres' || !admin) return database;
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(admin);
  url.pathname = `/${rows[0]?.name}`;
  return openDatabase({ kind: 'postgres', url: url.toString() });
}

async function proposalCards(): Promise<Record<string, unknown>[]> {
  return connector.activities
    .filter((sent) => sent.conversationId === conversationId)
    .map((sent) => (sent.activity.attachments as { content: Record<string, unknown> }[])[0]?.content ?? {});
}

async function waitForCard(): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const [card] = await proposalCards();
    if (card) return card;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no proposal card reached the secretary');
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  database = await createTestDatabase({ seed: true });
  second = await secondHandle();
  one = await startTestServer({ database, botHandler: (deps) => composeBotHandler(deps) });
  two = await startTestServer({ database: second, botHandler: (deps) => composeBotHandler(deps) });
  const network = await database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  havenId = network.id;
  // Petra wrote to the bot once (through the first instance), so her 1:1 chat is stored.
  expect((await postActivity(one.url, activity({ text: 'help' }))).status).toBe(200);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  if (second && second !== database) await second.close();
  await database?.close();
  await connector?.close();
});

describe('two instances on one database', () => {
  let proposal: Record<string, unknown>;
  let meetingId: string;

  it('send the proposal card once, however many times its record is announced', async () => {
    connector.clear();
    const start = DateTime.now().setZone('Europe/Amsterdam').minus({ days: 7 }).set({ hour: 18, minute: 0 });
    const row = await database.db
      .insertInto('meetings')
      .values({
        network_id: havenId,
        meeting_date: start.toISODate() as string,
        starts_at: start.toUTC().toISO() as string,
        ends_at: start.plus({ hours: 2 }).toUTC().toISO() as string,
        organiser: 'secretaris@example.org',
        intent_id: crypto.randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetingId = row.id;
    const cookie = await signInAs(one.url, 'Petra Lindeboom');
    const path = `/api/v1/networks/${havenId}/meetings/${meetingId}/record`;
    const body = { attendance: [], themes: ['kennismaking'], mood: 4 };
    expect((await callApi(one.url, cookie, 'PUT', path, body)).status).toBe(200);
    proposal = await waitForCard();
    // The other instance hears of the same record (a retried notification): its outbox key already exists.
    await two.deps.meetingNotifier?.meetingRecorded({
      networkId: havenId,
      meetingId,
      recordedByUserId: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await proposalCards()).toHaveLength(1);
    const rows = await database.db.selectFrom('teams_outbox').select(['state', 'activity']).execute();
    expect(rows).toEqual([{ state: 'sent', activity: null }]);
  });

  it('plan one meeting when [Plannen] is pressed on both at the same moment', async () => {
    const [action] = findAll(proposal, /^Action\.Execute$/);
    expect(action).toMatchObject({ verb: 'meeting.plan' });
    const { data } = action as { data: { start: string } };
    const planned = () =>
      database.db
        .selectFrom('meetings')
        .select('id')
        .where('network_id', '=', havenId)
        .where('status', '=', 'planned')
        .where('starts_at', '=', new Date(data.start))
        .execute();
    expect(await planned()).toEqual([]);

    const cards = await Promise.all([press(one, data), press(two, data)]);
    const titles = cards.map((card) => visibleTexts(card)[0]).sort();
    expect(titles).toEqual(['Al gepland', 'Gepland']);
    const meetings = await planned();
    expect(meetings).toHaveLength(1);
    // Both cards speak of the one meeting; its calendar event was created once.
    const events = await database.db.selectFrom('calendar_events').select('id').execute();
    const created = await database.db
      .selectFrom('meetings')
      .select('calendar_event_id')
      .where('id', '=', meetings[0]?.id as string)
      .executeTakeFirstOrThrow();
    expect(events.filter((event) => event.id === created.calendar_event_id)).toHaveLength(1);
    const key = await database.db.selectFrom('meeting_plan_actions').select('meeting_id').execute();
    expect(key).toEqual([{ meeting_id: meetings[0]?.id }]);

    // A third press, on either instance, answers with the same meeting and plans nothing.
    expect(visibleTexts(await press(two, data))[0]).toBe('Al gepland');
    expect(await planned()).toHaveLength(1);
  });
});
