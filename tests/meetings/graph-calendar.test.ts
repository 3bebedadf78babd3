import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { CalendarError, type CalendarEventInput } from '../../src/meetings/calendar-port.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';

/** GraphCalendar against the loopback Graph calendar stand-in: wire formats, retries, no duplicates. */
const TOKEN = 'calendar-test-token';
const ORGANISER = 'secretaris@almere.example';
let graph: GraphCalendarStandIn;
let calendar: GraphCalendar;

function meeting(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    subject: 'Bondgenotenoverleg Bondgenoten Haven',
    bodyHtml: '<p>Maaltijd: soep</p>',
    location: { displayName: 'Buurthuis De Schakel (fictief)', address: 'Fictieve straat 1' },
    // 18:00–20:00 in Amsterdam on 16 February 2027 (CET)
    start: '2027-02-16T17:00:00Z',
    end: '2027-02-16T19:00:00Z',
    timeZone: 'Europe/Amsterdam',
    attendees: [
      { address: 'oov-haven@almere.example', name: 'Sanne Verhoef', type: 'required' },
      { address: 'bondgenoot1@example.org', name: 'Fictieve Bondgenoot', type: 'required' },
    ],
    isOnlineMeeting: false,
    ...overrides,
  };
}

beforeAll(async () => {
  graph = await startGraphCalendarStandIn({ token: TOKEN });
  const client = createGraphClient({
    graphBaseUrl: graph.baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 3, maxRetryAfterSeconds: 5, delaySeconds: 0 },
  });
  calendar = new GraphCalendar(client);
});
afterAll(async () => {
  await graph?.close();
});
beforeEach(() => {
  graph.requests.length = 0;
  graph.events.clear();
  graph.dedupeTransactionId = true;
  graph.joinLinks = 'long';
  graph.onlineMeetingsForbidden = false;
  graph.onlineMeetings.length = 0;
  graph.mailboxes.clear();
  graph.mailboxes.set(ORGANISER, []);
});

describe('getSchedule', () => {
  it('parses scheduleItems in UTC, keeps free time free and flags unknown mailboxes', async () => {
    graph.mailboxes.set('oov-haven@almere.example', [
      { status: 'busy', start: '2027-02-16T16:30:00Z', end: '2027-02-16T18:00:00Z' },
      { status: 'free', start: '2027-02-17T16:30:00Z', end: '2027-02-17T18:00:00Z' },
      { status: 'oof', start: '2027-02-18T08:00:00Z', end: '2027-02-19T08:00:00Z' },
    ]);
    const result = await calendar.getSchedule(
      ORGANISER,
      ['oov-haven@almere.example', 'onbekend@elders.example'],
      '2027-02-15T00:00:00Z',
      '2027-02-22T00:00:00Z',
    );
    expect(result).toEqual([
      {
        address: 'oov-haven@almere.example',
        busy: [
          { start: '2027-02-16T16:30:00Z', end: '2027-02-16T18:00:00Z' },
          { start: '2027-02-18T08:00:00Z', end: '2027-02-19T08:00:00Z' },
        ],
        error: null,
      },
      { address: 'onbekend@elders.example', busy: [], error: 'ErrorMailRecipientNotFound' },
    ]);
    const [request] = graph.requests;
    expect(request?.path).toBe(`/v1.0/users/${ORGANISER}/calendar/getSchedule`);
    expect(request?.headers.prefer).toBe('outlook.timezone="UTC"');
    expect(request?.body).toEqual({
      schedules: ['oov-haven@almere.example', 'onbekend@elders.example'],
      startTime: { dateTime: '2027-02-15T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2027-02-22T00:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
  });

  it('splits a year and more than 100 addresses into calls Graph accepts', async () => {
    const addresses = Array.from({ length: 120 }, (_, i) => `medewerker${i}@almere.example`);
    for (const address of addresses) graph.mailboxes.set(address, []);
    graph.mailboxes.set('medewerker119@almere.example', [
      { status: 'tentative', start: '2027-11-30T17:00:00Z', end: '2027-11-30T19:00:00Z' },
    ]);
    const result = await calendar.getSchedule(
      ORGANISER,
      addresses,
      '2027-01-01T00:00:00Z',
      '2028-01-01T00:00:00Z',
    );
    expect(graph.requests.every((r) => r.status === 200)).toBe(true);
    // 10 windows of at most 40 days × 2 chunks of at most 100 addresses
    expect(graph.requests).toHaveLength(20);
    expect(Math.max(...graph.requests.map((r) => (r.body as { schedules: string[] }).schedules.length))).toBe(
      100,
    );
    expect(result.at(-1)?.busy).toEqual([{ start: '2027-11-30T17:00:00Z', end: '2027-11-30T19:00:00Z' }]);
  });

  it('retries 503 and 429 honouring Retry-After', async () => {
    graph.failNext(1, 503, 0);
    graph.failNext(1, 429, 1);
    const result = await calendar.getSchedule(
      ORGANISER,
      [ORGANISER],
      '2027-02-15T00:00:00Z',
      '2027-02-16T00:00:00Z',
    );
    expect(result[0]?.error).toBeNull();
    expect(graph.requests.map((r) => r.status)).toEqual([503, 429, 200]);
  });
});

describe('events', () => {
  it('creates the event with wall-clock times in Europe/Amsterdam, attendees, Teams and the transactionId', async () => {
    const created = await calendar.createEvent(
      ORGANISER,
      meeting({ isOnlineMeeting: true, start: '2027-04-06T16:00:00Z', end: '2027-04-06T18:00:00Z' }),
      'c0ffee00-0000-4000-8000-000000000001',
    );
    expect(created.eventId).toMatch(/^AAMkAD/);
    expect(created.webLink).toMatch(/^https:\/\/outlook\.office365\.com\//);
    expect(created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const [request] = graph.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/v1.0/users/${ORGANISER}/events`, status: 201 });
    expect(request?.body).toEqual({
      subject: 'Bondgenotenoverleg Bondgenoten Haven',
      body: { contentType: 'html', content: '<p>Maaltijd: soep</p>' },
      // 6 April 2027 is summer time: 16:00Z is 18:00 in Amsterdam
      start: { dateTime: '2027-04-06T18:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2027-04-06T20:00:00', timeZone: 'Europe/Amsterdam' },
      location: { displayName: 'Buurthuis De Schakel (fictief)', address: { street: 'Fictieve straat 1' } },
      attendees: [
        { emailAddress: { address: 'oov-haven@almere.example', name: 'Sanne Verhoef' }, type: 'required' },
        {
          emailAddress: { address: 'bondgenoot1@example.org', name: 'Fictieve Bondgenoot' },
          type: 'required',
        },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      hideAttendees: true,
      transactionId: 'c0ffee00-0000-4000-8000-000000000001',
    });
  });

  it('reads the Teams chat thread id from a long join link without asking Graph again', async () => {
    const created = await calendar.createEvent(
      ORGANISER,
      meeting({ isOnlineMeeting: true }),
      'c0ffee00-0000-4000-8000-000000000011',
    );
    expect(created.threadId).toBe(graph.onlineMeetings[0]?.threadId);
    expect(created.threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    expect(graph.requests.map((r) => r.path)).toEqual([`/v1.0/users/${ORGANISER}/events`]);
  });

  it('asks the onlineMeeting resource for the thread id of a short join link, on create and on reconcile', async () => {
    graph.joinLinks = 'short';
    const created = await calendar.createEvent(
      ORGANISER,
      meeting({ isOnlineMeeting: true }),
      'c0ffee00-0000-4000-8000-000000000012',
    );
    expect(created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d+\?p=/);
    expect(created.threadId).toBe(graph.onlineMeetings[0]?.threadId);
    const lookUp = graph.requests[1];
    expect(lookUp).toMatchObject({
      method: 'GET',
      path: `/v1.0/users/${ORGANISER}/onlineMeetings`,
      status: 200,
    });
    expect(lookUp?.query.get('$filter')).toBe(`JoinWebUrl eq '${created.joinUrl}'`);
    const found = await calendar.findByTransactionId(ORGANISER, 'c0ffee00-0000-4000-8000-000000000012');
    expect(found).toEqual(created);
  });

  it('keeps the event and leaves the thread id unknown when Graph refuses the onlineMeeting look-up', async () => {
    graph.joinLinks = 'short';
    graph.onlineMeetingsForbidden = true;
    const created = await calendar.createEvent(
      ORGANISER,
      meeting({ isOnlineMeeting: true }),
      'c0ffee00-0000-4000-8000-000000000013',
    );
    expect(created.eventId).toBe(graph.events.get(ORGANISER)?.[0]?.id);
    expect(created.threadId).toBeNull();
    expect(graph.requests.map((r) => r.status)).toEqual([201, 403]);
  });

  it('keeps the same wall-clock time in winter: 17:00Z is 18:00 in Amsterdam', async () => {
    await calendar.createEvent(ORGANISER, meeting(), 'c0ffee00-0000-4000-8000-000000000002');
    expect((graph.requests[0]?.body as { start: unknown } | undefined)?.start).toEqual({
      dateTime: '2027-02-16T18:00:00',
      timeZone: 'Europe/Amsterdam',
    });
    expect((graph.requests[0]?.body as { isOnlineMeeting: boolean } | undefined)?.isOnlineMeeting).toBe(
      false,
    );
    expect(graph.requests[0]?.body).not.toHaveProperty('onlineMeetingProvider');
  });

  it('retries a throttled create and makes one event', async () => {
    graph.failNext(1, 429, 1);
    await calendar.createEvent(ORGANISER, meeting(), 'c0ffee00-0000-4000-8000-000000000003');
    expect(graph.requests.map((r) => r.status)).toEqual([429, 201]);
    expect(graph.events.get(ORGANISER)).toHaveLength(1);
  });

  it('makes no second event when the answer to a create is a 503 after the write (transactionId)', async () => {
    graph.failAfterCreate('503');
    const created = await calendar.createEvent(ORGANISER, meeting(), 'c0ffee00-0000-4000-8000-000000000004');
    expect(graph.requests.map((r) => r.status)).toEqual([503, 201]);
    expect(graph.events.get(ORGANISER)).toHaveLength(1);
    expect(created.eventId).toBe(graph.events.get(ORGANISER)?.[0]?.id);
  });

  it('finds an event whose create answer was lost (reset connection) by its transactionId', async () => {
    graph.dedupeTransactionId = false;
    graph.failAfterCreate('reset');
    const failure = await calendar
      .createEvent(ORGANISER, meeting(), "c0ffee00-0000-4000-8000-00000000'005")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CalendarError);
    expect((failure as CalendarError).status).toBe(0);
    const found = await calendar.findByTransactionId(ORGANISER, "c0ffee00-0000-4000-8000-00000000'005");
    expect(found?.eventId).toBe(graph.events.get(ORGANISER)?.[0]?.id);
    expect(graph.requests.at(-1)?.query.get('$filter')).toBe(
      "transactionId eq 'c0ffee00-0000-4000-8000-00000000''005'",
    );
    expect(await calendar.findByTransactionId(ORGANISER, 'c0ffee00-0000-4000-8000-000000000099')).toBeNull();
    expect(graph.events.get(ORGANISER)).toHaveLength(1);
  });

  it('updates, reads responses back and cancels with a comment', async () => {
    const { eventId } = await calendar.createEvent(
      ORGANISER,
      meeting(),
      'c0ffee00-0000-4000-8000-000000000006',
    );
    await calendar.updateEvent(
      ORGANISER,
      eventId,
      meeting({ start: '2027-02-17T18:00:00Z', end: '2027-02-17T20:00:00Z' }),
    );
    const patch = graph.requests.at(-1);
    expect(patch).toMatchObject({
      method: 'PATCH',
      path: `/v1.0/users/${ORGANISER}/events/${eventId}`,
      status: 200,
    });
    expect((patch?.body as { start: unknown } | undefined)?.start).toEqual({
      dateTime: '2027-02-17T19:00:00',
      timeZone: 'Europe/Amsterdam',
    });
    expect(patch?.body).not.toHaveProperty('transactionId');
    graph.respond(eventId, 'oov-haven@almere.example', 'accepted');
    graph.respond(eventId, 'bondgenoot1@example.org', 'declined');
    expect(await calendar.readResponses(ORGANISER, eventId)).toEqual([
      { address: 'oov-haven@almere.example', response: 'accepted' },
      { address: 'bondgenoot1@example.org', response: 'declined' },
    ]);
    expect(graph.requests.at(-1)?.query.get('$select')).toBe('attendees');
    await calendar.cancelEvent(ORGANISER, eventId, 'Het buurthuis is gesloten.');
    expect(graph.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1.0/users/${ORGANISER}/events/${eventId}/cancel`,
      status: 202,
      body: { Comment: 'Het buurthuis is gesloten.' },
    });
    expect(graph.events.get(ORGANISER)?.[0]?.isCancelled).toBe(true);
    const again = await calendar.cancelEvent(ORGANISER, eventId, 'x').catch((error: unknown) => error);
    expect(again).toBeInstanceOf(CalendarError);
    expect((again as CalendarError).status).toBe(400);
  });
});
