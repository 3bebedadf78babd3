import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAlertCardView } from '../../src/call-outs/call-out-views.js';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { GraphMail } from '../../src/m365/graph-mail.js';
import { withMailTables } from '../../src/mail/db-schema.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logger.js';
import { loadConfig } from '../../src/server/config.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';
import { type GraphMailStandIn, startGraphMailStandIn } from '../stand-ins/graph-mail.js';
import { areaId, communityId, userId } from './fixtures.js';

/**
 * *Bijeenkomst nu* against the Graph calendar and sendMail stand-ins: the online meeting in the
 * starter's calendar with the available staff and coming allies, the join link mailed to each coming
 * ally, one event per call-out whatever is retried, and every step on the timeline.
 */
const TOKEN = 'convene-graph-token';
let calendar: GraphCalendarStandIn;
let mail: GraphMailStandIn;
let database: DatabaseHandle;
let server: RunningServer;
let sanne: string;
let joris: string;
let petra: string;
let dewi: string;

const client = (baseUrl: string) =>
  createGraphClient({
    graphBaseUrl: baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 3, maxRetryAfterSeconds: 5, delaySeconds: 0 },
  });

async function objectIdOf(name: string): Promise<string> {
  const row = await database.db
    .selectFrom('users')
    .select('aad_object_id')
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
  return row.aad_object_id;
}

async function personOf(name: string) {
  return database.db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
}

/** A call-out on Centrum Haven for the Moroccan and Turkish communities (Yasmina and Esra to phone). */
async function startCallOut(): Promise<string> {
  const db = database.db;
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve onrust bij het winkelcentrum',
    ask: 'Kom samen online; peil de achterban',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans'), await communityId(db, 'Turks')],
  });
  expect(started.status).toBe(201);
  return started.body.id;
}

/** Sanne and Joris come, Petra phones her allies; Yasmina comes, Esra was not reached. */
async function answerAndCall(callOutId: string) {
  for (const [who, answer] of [
    [sanne, 'coming'],
    [joris, 'coming'],
    [petra, 'calling-allies'],
  ] as const) {
    const answered = await callApi(server.url, who, 'POST', `/api/v1/call-outs/${callOutId}/answers`, {
      answer,
    });
    expect(answered.status).toBe(200);
  }
  const yasmina = await personOf('Yasmina el Ouali');
  const esra = await personOf('Esra Demirtaş-Kuipers');
  for (const call of [
    { personId: yasmina.id, outcome: 'reached', coming: true },
    { personId: esra.id, outcome: 'not-reached', coming: false },
  ]) {
    const recorded = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/calls`, call);
    expect(recorded.status).toBe(201);
  }
}

const eventPosts = (organiser: string) =>
  calendar.requests.filter((r) => r.method === 'POST' && r.path === `/v1.0/users/${organiser}/events`);

beforeAll(async () => {
  calendar = await startGraphCalendarStandIn({ token: TOKEN });
  mail = await startGraphMailStandIn({ token: TOKEN });
  database = await createTestDatabase({ seed: true });
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), port: 0, seedDemo: false };
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  server = await startServer(config, createLogger('warn', sink), {
    database,
    calendar: new GraphCalendar(client(calendar.baseUrl)),
    mail: new GraphMail(client(mail.baseUrl)),
  });
  [sanne, joris, petra, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  await calendar?.close();
  await mail?.close();
});

describe('Bijeenkomst nu through Microsoft Graph', () => {
  it('creates the Teams meeting in the starter’s calendar and mails the join link to the coming ally', async () => {
    const callOutId = await startCallOut();
    await answerAndCall(callOutId);
    const organiser = await objectIdOf('Sanne Verhoef');
    const yasmina = await personOf('Yasmina el Ouali');
    const versionBefore = (
      await database.db
        .selectFrom('call_outs')
        .select('version')
        .where('id', '=', callOutId)
        .executeTakeFirstOrThrow()
    ).version;
    calendar.requests.length = 0;
    mail.requests.length = 0;

    const { status, body } = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/call-outs/${callOutId}/meeting`,
      {},
    );
    expect(status).toBe(200);
    expect(body.created).toBe(true);
    expect(body.meeting).toMatchObject({ state: 'created', joinUrlIsLocal: false });
    expect(body.meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(Date.parse(body.meeting.end) - Date.parse(body.meeting.start)).toBe(90 * 60_000);
    expect(body.onTheWay).toEqual({ staff: 2, allies: 1, total: 3 });
    expect(body.invited).toEqual({ staff: 2, allies: 1 });
    expect(body.mail).toEqual({ sent: 1, failed: 0, withoutAddress: 0 });

    // One event, online, in Sanne's calendar; the available staff (not Sanne, the organiser) and Yasmina.
    const posts = eventPosts(organiser);
    expect(posts).toHaveLength(1);
    const sent = posts[0]?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    const intent = await withMailTables(database.db)
      .selectFrom('call_out_meetings')
      .selectAll()
      .where('call_out_id', '=', callOutId)
      .executeTakeFirstOrThrow();
    expect(sent.transactionId).toBe(intent.intent_id);
    expect(
      (sent.attendees as { emailAddress: { address: string }; type: string }[])
        .map((a) => `${a.emailAddress.address}/${a.type}`)
        .sort(),
    ).toEqual([
      `${yasmina.email}/required`,
      'secretaris@example.org/required',
      'wijkagent-haven@example.org/required',
    ]);
    // What happened stays in the app; the invitation carries the ask.
    expect(JSON.stringify(sent)).not.toContain('onrust');

    // One sendMail from Sanne's mailbox to Yasmina alone, kept in Sent Items, with the join link.
    expect(mail.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /v1.0/users/${organiser}/sendMail 202`,
    ]);
    const [message] = mail.sent;
    expect(message?.saveToSentItems).toBe(true);
    expect(message?.message.toRecipients).toEqual([
      { emailAddress: { address: yasmina.email, name: 'Yasmina el Ouali' } },
    ]);
    expect(message?.message.body.contentType).toBe('HTML');
    expect(message?.message.body.content).toContain(body.meeting.joinUrl);

    // The cards refresh with the join link.
    const after = await database.db
      .selectFrom('call_outs')
      .select('version')
      .where('id', '=', callOutId)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(versionBefore + 1);
    const card = await readAlertCardView(database.db, callOutId, await userId(database.db, 'Joris Amrani'));
    expect(card?.meeting).toEqual({ joinUrl: body.meeting.joinUrl, start: body.meeting.start });

    // Every step on the timeline, ids only.
    const timeline = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/timeline`);
    const kinds = timeline.body.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(-3)).toEqual(['meeting-requested', 'meeting-created', 'meeting-mail-sent']);
    expect(timeline.body.at(-1)).toMatchObject({ personId: yasmina.id, userId: null });
    expect(timeline.body.at(-2)).toMatchObject({ userId: await userId(database.db, 'Sanne Verhoef') });

    // A second press returns the same meeting and sends nothing again.
    calendar.requests.length = 0;
    mail.requests.length = 0;
    const again = await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.meeting.joinUrl).toBe(body.meeting.joinUrl);
    // Only a look at who is on the event already: nobody new, so no update and no mail.
    expect(calendar.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200']);
    expect(mail.requests).toHaveLength(0);
    expect(calendar.events.get(organiser.toLowerCase())).toHaveLength(1);

    // Esra is reached later and comes: pressing again invites her on the same event and mails her alone.
    const esra = await personOf('Esra Demirtaş-Kuipers');
    await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/calls`, {
      personId: esra.id,
      outcome: 'reached',
      coming: true,
    });
    calendar.requests.length = 0;
    mail.requests.length = 0;
    mail.sent.length = 0;
    const newcomer = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(newcomer.status).toBe(200);
    expect(newcomer.body.meeting.joinUrl).toBe(body.meeting.joinUrl);
    expect(calendar.requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    const patched = calendar.requests[1]?.body as {
      attendees: { emailAddress: { address: string } }[];
      body: { content: string };
    };
    expect(patched.attendees.map((a) => a.emailAddress.address).sort()).toEqual(
      [esra.email, yasmina.email, 'secretaris@example.org', 'wijkagent-haven@example.org'].sort(),
    );
    // The update replaces the body, so the join link is written into it.
    expect(patched.body.content).toContain(body.meeting.joinUrl);
    expect(mail.sent.map((m) => m.message.toRecipients[0]?.emailAddress.address)).toEqual([esra.email]);
    expect(newcomer.body.mail).toEqual({ sent: 2, failed: 0, withoutAddress: 0 });
    expect(calendar.events.get(organiser.toLowerCase())).toHaveLength(1);
    const later = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/timeline`);
    expect(later.body.map((e: { kind: string }) => e.kind).slice(-2)).toEqual([
      'meeting-invites-added',
      'meeting-mail-sent',
    ]);

    // The tab's read: the meeting, who is on the way, the countdown's goal.
    const read = await callApi(server.url, petra, 'GET', `/api/v1/call-outs/${callOutId}/meeting`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      meeting: { joinUrl: body.meeting.joinUrl },
      onTheWay: { staff: 2, allies: 2, total: 4 },
      goalAt: body.goalAt,
    });
  });

  it('waits out a 429 Retry-After on the calendar and on sendMail, and still makes one event', async () => {
    const callOutId = await startCallOut();
    await answerAndCall(callOutId);
    const organiser = await objectIdOf('Sanne Verhoef');
    calendar.requests.length = 0;
    mail.requests.length = 0;
    mail.sent.length = 0;
    calendar.failNext(1, 429, 1);
    mail.failNext(1, 429, 1);
    const { status, body } = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/call-outs/${callOutId}/meeting`,
      {},
    );
    expect(status).toBe(200);
    expect(eventPosts(organiser).map((r) => r.status)).toEqual([429, 201]);
    expect(mail.requests.map((r) => r.status)).toEqual([429, 202]);
    expect(mail.sent).toHaveLength(1);
    const mine = (calendar.events.get(organiser.toLowerCase()) ?? []).filter(
      (e) => e.onlineMeeting?.joinUrl === body.meeting.joinUrl,
    );
    expect(mine).toHaveLength(1);
  });

  it('reconciles by transactionId when the answer to the create is lost: no second event', async () => {
    const callOutId = await startCallOut();
    await answerAndCall(callOutId);
    const organiser = await objectIdOf('Sanne Verhoef');
    const before = calendar.events.get(organiser.toLowerCase())?.length ?? 0;
    calendar.requests.length = 0;
    calendar.dedupeTransactionId = false;
    calendar.failAfterCreate('reset');
    try {
      const { status, body } = await callApi(
        server.url,
        sanne,
        'POST',
        `/api/v1/call-outs/${callOutId}/meeting`,
        {},
      );
      expect(status).toBe(200);
      expect(calendar.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0', 'GET 200']);
      expect(calendar.events.get(organiser.toLowerCase())).toHaveLength(before + 1);
      expect(body.meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    } finally {
      calendar.dedupeTransactionId = true;
    }
  });

  it('answers a failed calendar with 502 and a retry makes the one meeting', async () => {
    const callOutId = await startCallOut();
    await answerAndCall(callOutId);
    const organiser = await objectIdOf('Sanne Verhoef');
    calendar.failNext(4, 503, 0);
    const failed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(failed.status).toBe(502);
    const timeline = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/timeline`);
    expect(timeline.body.map((e: { kind: string }) => e.kind).slice(-2)).toEqual([
      'meeting-requested',
      'meeting-failed',
    ]);
    calendar.requests.length = 0;
    const retried = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(retried.status).toBe(200);
    // The retry asks the calendar first (reconcile), then creates.
    expect(calendar.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 201']);
    expect(eventPosts(organiser)).toHaveLength(1);
  });

  it('stores the chat thread id of a meeting with a short join link, and the side panel finds it by that id', async () => {
    const callOutId = await startCallOut();
    await answerAndCall(callOutId);
    calendar.joinLinks = 'short';
    try {
      const { status, body } = await callApi(
        server.url,
        sanne,
        'POST',
        `/api/v1/call-outs/${callOutId}/meeting`,
        {},
      );
      expect(status).toBe(200);
      expect(body.meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d+\?p=/);
      const teams = calendar.onlineMeetings.find((m) => m.joinWebUrl === body.meeting.joinUrl);
      expect(teams).toBeDefined();
      const stored = await database.db
        .selectFrom('call_out_meetings')
        .select('teams_thread_id')
        .where('call_out_id', '=', callOutId)
        .executeTakeFirstOrThrow();
      expect(stored.teams_thread_id).toBe(teams?.threadId);
      const context = (who: string) =>
        callApi(
          server.url,
          who,
          'GET',
          `/api/v1/teams-meetings/context?threadId=${encodeURIComponent(teams?.threadId ?? '')}`,
        );
      expect(await context(sanne)).toMatchObject({ status: 200, body: { kind: 'call-out', callOutId } });
      expect((await context(dewi)).status).toBe(404);
    } finally {
      calendar.joinLinks = 'long';
    }
  });

  it('refuses secretaries (403), callers who may not see the call-out (404) and bad times (400)', async () => {
    const callOutId = await startCallOut();
    calendar.requests.length = 0;
    const secretary = await callApi(server.url, petra, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(secretary.status).toBe(403);
    const outsider = await callApi(server.url, dewi, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(outsider.status).toBe(404);
    const unseen = await callApi(server.url, dewi, 'GET', `/api/v1/call-outs/${callOutId}/meeting`);
    expect(unseen.status).toBe(404);
    const late = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {
      startAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(),
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'body.startAt' })]);
    const long = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {
      durationMinutes: 180,
    });
    expect(long.status).toBe(400);
    expect(calendar.requests).toHaveLength(0);
  });
});
