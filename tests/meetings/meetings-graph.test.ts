import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';

/**
 * The meetings service on the Graph calendar adapter against the loopback stand-in: free/busy for
 * planning, the intent stored before the call, reconcile after a lost answer, retry after a failure,
 * move, responses and cancel, all in the organiser's (the secretary's) calendar.
 */
const TOKEN = 'meetings-graph-token';
const SECRETARY = 'secretaris@example.org';
let graph: GraphCalendarStandIn;
let server: TestServer;
let petra: string;
let stadId: string;

function evening(date: string, time = '18:00') {
  const start = DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Amsterdam' });
  return {
    start: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: start.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true }) as string,
  };
}

const events = () => graph.events.get(SECRETARY) ?? [];

beforeAll(async () => {
  graph = await startGraphCalendarStandIn({ token: TOKEN });
  for (const address of [SECRETARY, 'integratie-stad@example.org', 'teamchef-stad@example.org'])
    graph.mailboxes.set(address, []);
  const client = createGraphClient({
    graphBaseUrl: graph.baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 3, maxRetryAfterSeconds: 5, delaySeconds: 0 },
  });
  server = await startTestServer({ calendar: new GraphCalendar(client) });
  petra = await signInAs(server.url, 'Petra Lindeboom');
  stadId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Stad')
      .executeTakeFirstOrThrow()
  ).id;
  await callApi(server.url, petra, 'POST', `/api/v1/networks/${stadId}/meeting-locations`, {
    name: 'Stadhuis (fictief)',
    kind: 'town-hall',
  });
  await callApi(server.url, petra, 'PUT', `/api/v1/networks/${stadId}/meeting-settings`, {
    onlineMeeting: true,
  });
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('meetings through Microsoft Graph', () => {
  it('asks the staff’s free/busy from the organiser’s calendar when planning', async () => {
    graph.requests.length = 0;
    const { status, body } = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${stadId}/meetings/plan-preview`,
      {
        from: '2027-01-04',
        to: '2027-03-31',
      },
    );
    expect(status).toBe(200);
    expect(body.freeBusy).toEqual({ source: 'graph', staffChecked: 3, staffUnknown: 0, unknownStaff: [] });
    const schedules = graph.requests.filter((r) => r.path.endsWith('/calendar/getSchedule'));
    expect(schedules.length).toBe(3); // 87 days in windows of at most 40
    expect(schedules[0]?.path).toBe(`/v1.0/users/${SECRETARY}/calendar/getSchedule`);
    expect((schedules[0]?.body as { schedules: string[] } | undefined)?.schedules.sort()).toEqual([
      'integratie-stad@example.org',
      SECRETARY,
      'teamchef-stad@example.org',
    ]);
  });

  it('creates no duplicate when the answer to the create is lost: it reconciles by transactionId', async () => {
    graph.requests.length = 0;
    graph.dedupeTransactionId = false;
    graph.failAfterCreate('reset');
    // Teams' short join link: the thread id comes from the onlineMeeting resource.
    graph.joinLinks = 'short';
    const { status, body } = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${stadId}/meetings/series`,
      {
        meetings: [evening('2027-02-16')],
        // Confirmed, so the planner's free/busy lookup stays out of the event requests counted here.
        confirmReasons: true,
      },
    );
    expect(status).toBe(201);
    const [meeting] = body.meetings;
    expect(events()).toHaveLength(1);
    expect(meeting.calendar).toMatchObject({ state: 'created', eventId: events()[0]?.id });
    expect(meeting.calendar.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const intent = await server.database.db
      .selectFrom('meetings')
      .select('intent_id')
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(events()[0]?.transactionId).toBe(intent.intent_id);
    expect(graph.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0', 'GET 200', 'GET 200']);
    graph.joinLinks = 'long';
    expect(graph.requests[2]?.path).toBe(`/v1.0/users/${SECRETARY}/onlineMeetings`);
    const stored = await server.database.db
      .selectFrom('meetings')
      .select('teams_thread_id')
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    const teams = graph.onlineMeetings.find((m) => m.joinWebUrl === meeting.calendar.joinUrl);
    expect(stored.teams_thread_id).toBe(teams?.threadId);
    expect(stored.teams_thread_id).toMatch(/^19:meeting_/);
    const sent = graph.requests[0]?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      subject: 'Bondgenotenoverleg Bondgenoten Stad (kennismaking)',
      start: { dateTime: '2027-02-16T18:00:00', timeZone: 'Europe/Amsterdam' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    const attendees = (sent.attendees as { emailAddress: { address: string } }[]).map(
      (a) => a.emailAddress.address,
    );
    expect(attendees).toContain('integratie-stad@example.org');
    expect(attendees).not.toContain(SECRETARY); // the organiser is not invited to their own event
    expect(attendees.some((a) => /^bondgenoot\d+@example\.org$/.test(a))).toBe(true);
    expect(server.logLines.join('\n')).not.toMatch(/bondgenoot\d+@example\.org/);
  });

  it('marks a failed create, and a retry looks the event up before creating it once', async () => {
    graph.requests.length = 0;
    graph.failNext(5, 503, 0); // the create and its three retries, then the reconcile lookup
    const { body } = await callApi(server.url, petra, 'POST', `/api/v1/networks/${stadId}/meetings/series`, {
      meetings: [evening('2027-03-30')],
      confirmReasons: true,
    });
    const [meeting] = body.meetings;
    expect(meeting.calendar).toMatchObject({ state: 'failed', eventId: null });
    expect(events()).toHaveLength(1);
    const retry = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}/calendar-sync`,
    );
    expect(retry.status).toBe(200);
    expect(retry.body.calendar.state).toBe('created');
    expect(events()).toHaveLength(2);
    expect(graph.requests.slice(-2).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 201']);
    const again = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}/calendar-sync`,
    );
    expect(again.body.calendar.eventId).toBe(retry.body.calendar.eventId);
    expect(events()).toHaveLength(2);
  });

  it('moves the event, reads responses back and cancels it in Outlook', async () => {
    const list = await callApi(
      server.url,
      petra,
      'GET',
      `/api/v1/networks/${stadId}/meetings?scope=upcoming`,
    );
    const meeting = list.body.upcoming[0];
    const moved = evening('2027-02-17', '19:00');
    const patch = await callApi(
      server.url,
      petra,
      'PATCH',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}`,
      {
        version: meeting.version,
        ...moved,
      },
    );
    expect(patch.status).toBe(200);
    const request = graph.requests.at(-1);
    expect(request).toMatchObject({
      method: 'PATCH',
      path: `/v1.0/users/${SECRETARY}/events/${meeting.calendar.eventId}`,
    });
    expect((request?.body as { start: unknown } | undefined)?.start).toEqual({
      dateTime: '2027-02-17T19:00:00',
      timeZone: 'Europe/Amsterdam',
    });

    graph.respond(meeting.calendar.eventId, 'integratie-stad@example.org', 'tentativelyAccepted');
    const read = await callApi(server.url, petra, 'GET', `/api/v1/networks/${stadId}/meetings/${meeting.id}`);
    expect(read.body.responses).toContainEqual(
      expect.objectContaining({
        kind: 'staff',
        displayName: 'Fleur Oosterhout',
        response: 'tentativelyAccepted',
      }),
    );

    graph.failNext(1, 429, 1);
    const cancel = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}/cancel`,
      {
        version: patch.body.version,
        reason: 'De zaal is niet beschikbaar.',
      },
    );
    expect(cancel.status).toBe(200);
    expect(graph.requests.slice(-2).map((r) => r.status)).toEqual([429, 202]);
    expect(graph.requests.at(-1)?.body).toEqual({ Comment: 'De zaal is niet beschikbaar.' });
    expect(events().find((e) => e.id === meeting.calendar.eventId)?.isCancelled).toBe(true);
  });

  it('answers 502 and changes nothing when Outlook refuses a move', async () => {
    const list = await callApi(
      server.url,
      petra,
      'GET',
      `/api/v1/networks/${stadId}/meetings?scope=upcoming`,
    );
    const meeting = list.body.upcoming.find((m: { status: string }) => m.status === 'planned');
    graph.failNext(4, 503, 0);
    const { status } = await callApi(
      server.url,
      petra,
      'PATCH',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}`,
      {
        version: meeting.version,
        ...evening('2027-04-01'),
      },
    );
    expect(status).toBe(502);
    const after = await callApi(
      server.url,
      petra,
      'GET',
      `/api/v1/networks/${stadId}/meetings/${meeting.id}`,
    );
    expect(after.body).toMatchObject({ date: meeting.date, version: meeting.version });
  });
});
