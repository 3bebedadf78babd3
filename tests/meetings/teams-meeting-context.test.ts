import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { areaId, communityId } from '../call-outs/fixtures.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The meeting side panel's lookup (`GET /teams-meetings/context`): a Teams meeting's chat thread id leads to
 * the bondgenotenoverleg or the call-out's *Bijeenkomst nu* whose stored thread id it is (0049), whether its
 * join link is the long one that carries the thread id or Teams' short one that does not; only for staff who
 * may see that meeting or call-out. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let server: TestServer;
let petra: string; // secretary of Haven (and Stad)
let joris: string; // staff of Haven
let sanne: string; // staff of Haven, starts the call-out
let dewi: string; // coordinator of Buiten only
let meetingId: string;
let shortLinkMeetingId: string;
let havenId: string;
let callOutId: string;

/** Fictional thread ids in the shape Teams gives them. */
const MEETING_THREAD = '19:meeting_RmljdGllZk92ZXJsZWdIYXZlbg@thread.v2';
const CALL_OUT_THREAD = '19:meeting_RmljdGllZkJpamVlbmtvbXN0TnU@thread.v2';
const SHORT_LINK_THREAD = '19:meeting_RmljdGllZktvcnRlTGluaw@thread.v2';
/** Teams' newer short join link: no thread id in it. */
const SHORT_JOIN_URL = 'https://teams.microsoft.com/meet/29384756102938?p=FictiefWachtwoord';
/** The join link Graph returns for an online meeting: the thread id URL-encoded in the path. */
const joinUrlOf = (thread: string) =>
  `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}/0?context=%7b%22Tid%22%3a%2200000000-0000-4000-8000-0000000000a1%22%7d`;
const lookup = (cookie: string, threadId: string) =>
  callApi(
    server.url,
    cookie,
    'GET',
    `/api/v1/teams-meetings/context?threadId=${encodeURIComponent(threadId)}`,
  );

beforeAll(async () => {
  server = await startTestServer();
  [petra, joris, sanne, dewi] = await Promise.all([
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  // Online meetings as Graph leaves them once created (the local run's calendar has no Teams link):
  // tests/meetings/graph-calendar.test.ts covers how the thread id is read from Graph.
  const onlineMeeting = async (day: string, joinUrl: string, threadId: string) =>
    (
      await db
        .insertInto('meetings')
        .values({
          network_id: havenId,
          meeting_date: day,
          starts_at: `${day}T17:00:00Z`,
          ends_at: `${day}T19:00:00Z`,
          status: 'planned',
          online_meeting: true,
          organiser: 'secretaris@example.org',
          intent_id: crypto.randomUUID(),
          calendar_state: 'created',
          calendar_event_id: `AAMkFictief${day}`,
          join_url: joinUrl,
          teams_thread_id: threadId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  meetingId = await onlineMeeting('2026-11-03', joinUrlOf(MEETING_THREAD), MEETING_THREAD);
  shortLinkMeetingId = await onlineMeeting('2026-12-01', SHORT_JOIN_URL, SHORT_LINK_THREAD);
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'tension',
    urgency: 'immediate',
    summary: 'Fictieve spanning na een incident',
    ask: 'Kom samen; wat hoort je achterban?',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans')],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
  await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/answers`, { answer: 'coming' });
  const convened = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {
    durationMinutes: 60,
  });
  expect(convened.status).toBe(200);
  // What Graph's event would have carried in Entra mode (tests/call-outs/convene-graph covers that path).
  await db
    .updateTable('call_out_meetings')
    .set({ join_url: joinUrlOf(CALL_OUT_THREAD), join_url_local: false, teams_thread_id: CALL_OUT_THREAD })
    .where('call_out_id', '=', callOutId)
    .execute();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /teams-meetings/context', () => {
  it('resolves the overleg for its secretary, who may record it, and audits the look-up', async () => {
    const { status, body } = await lookup(petra, MEETING_THREAD);
    expect(status).toBe(200);
    expect(body).toEqual({ kind: 'meeting', networkId: havenId, meetingId, canRecord: true });
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select(['object_type', 'object_id'])
      .where('action', '=', 'meeting.teams-context')
      .execute();
    expect(audited).toContainEqual({ object_type: 'meeting', object_id: meetingId });
  });

  it('resolves a meeting whose short join link carries no thread id, by its stored thread id', async () => {
    const { status, body } = await lookup(joris, SHORT_LINK_THREAD);
    expect(status).toBe(200);
    expect(body).toEqual({
      kind: 'meeting',
      networkId: havenId,
      meetingId: shortLinkMeetingId,
      canRecord: true,
    });
  });

  it('resolves the call-out’s Bijeenkomst nu for staff of the covering network', async () => {
    const { status, body } = await lookup(sanne, CALL_OUT_THREAD);
    expect(status).toBe(200);
    expect(body).toEqual({ kind: 'call-out', callOutId });
  });

  it('answers staff of another network "not found" for both, as for a meeting that does not exist', async () => {
    for (const thread of [
      MEETING_THREAD,
      SHORT_LINK_THREAD,
      CALL_OUT_THREAD,
      '19:meeting_Tm9nTmlldHM@thread.v2',
    ]) {
      const { status, body, headers } = await lookup(dewi, thread);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(body)).not.toContain(meetingId);
      expect(JSON.stringify(body)).not.toContain(shortLinkMeetingId);
    }
  });

  it('refuses a thread id that is not one, naming the field', async () => {
    const { status, body } = await lookup(petra, "19:meeting_x@thread.v2' or 1=1 --");
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('threadId');
  });

  it('does not take a fragment of a thread for the thread', async () => {
    const { status } = await lookup(petra, '19:meeting_RmljdGllZk92ZXJsZWd@thread.v2');
    expect(status).toBe(404);
  });
});
