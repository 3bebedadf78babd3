import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import type { CalendarEventInput } from '../../src/meetings/calendar-port.js';
import { EmbeddedCalendar } from '../../src/meetings/embedded-calendar.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';

/** Issue 18, item 5: no ally sees another ally's e-mail address through the app's invitations. */
const TOKEN = 'privacy-invitation-token';
const ORGANISER = 'secretaris@almere.example';
const STAFF = 'oov-haven@almere.example';
const ALLY_A = 'fictieve.bondgenoot.a@example.org';
const ALLY_B = 'fictieve.bondgenoot.b@example.org';
const ALLY_C = 'fictieve.bondgenoot.c@example.org';

function meeting(allies: string[]): CalendarEventInput {
  return {
    subject: 'Bondgenotenoverleg Bondgenoten Haven',
    bodyHtml: '<p>Agenda</p>',
    location: { displayName: 'Buurthuis De Schakel (fictief)', address: null },
    start: '2027-02-16T17:00:00Z',
    end: '2027-02-16T19:00:00Z',
    timeZone: 'Europe/Amsterdam',
    attendees: [
      { address: STAFF, name: 'Sanne Verhoef', type: 'required' },
      ...allies.map((address, i) => ({
        address,
        name: `Fictieve Bondgenoot ${i + 1}`,
        type: 'required' as const,
      })),
    ],
    isOnlineMeeting: false,
  };
}

function attendeesOf(ics: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
  return event.attendees.map((a) =>
    String(a.getFirstValue())
      .replace(/^mailto:/i, '')
      .toLowerCase(),
  );
}

describe('Graph invitations hide the attendees from each other', () => {
  let graph: GraphCalendarStandIn;
  let calendar: GraphCalendar;
  beforeAll(async () => {
    graph = await startGraphCalendarStandIn({ token: TOKEN });
    graph.mailboxes.set(ORGANISER, []);
    calendar = new GraphCalendar(
      createGraphClient({
        graphBaseUrl: graph.baseUrl,
        tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
        credential: { kind: 'app' },
        retry: { maxRetries: 0, maxRetryAfterSeconds: 0, delaySeconds: 0 },
      }),
    );
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('creates and updates events with hideAttendees; each ally receives only their own address', async () => {
    const { eventId } = await calendar.createEvent(
      ORGANISER,
      meeting([ALLY_A, ALLY_B]),
      'c0ffee00-0000-4000-8000-000000000181',
    );
    await calendar.updateEvent(ORGANISER, eventId, meeting([ALLY_A, ALLY_B, ALLY_C]));
    const writes = graph.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');
    expect(writes).toHaveLength(2);
    for (const write of writes) expect(write.body).toMatchObject({ hideAttendees: true });

    for (const ally of [ALLY_A, ALLY_B, ALLY_C]) {
      const received = graph.invitationFor(eventId, ally);
      expect(received?.attendees).toEqual([ally]);
    }
    // Staff keep the whole list where they need it: the organiser's event, which the tab reads.
    const responses = await calendar.readResponses(ORGANISER, eventId);
    expect(responses.map((r) => r.address)).toEqual([STAFF, ALLY_A, ALLY_B, ALLY_C]);
  });
});

describe(`local .ics invitations on ${TEST_ENGINE} name only their recipient`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes one .ics per attendee and the organiser copy with everyone, also on update and cancel', async () => {
    const calendar = new EmbeddedCalendar(database.db);
    const { eventId } = await calendar.createEvent(
      ORGANISER,
      meeting([ALLY_A, ALLY_B]),
      'c0ffee00-0000-4000-8000-000000000182',
    );
    await calendar.updateEvent(ORGANISER, eventId, meeting([ALLY_A, ALLY_B, ALLY_C]));
    await calendar.cancelEvent(ORGANISER, eventId, 'Het buurthuis is gesloten.');
    const outbox = await database.db
      .selectFrom('calendar_outbox')
      .select(['recipients', 'ics', 'method'])
      .where('event_id', '=', eventId)
      .execute();
    // create: 3 attendees + organiser; update: 4 + organiser; cancel: 4 + organiser
    expect(outbox).toHaveLength(4 + 5 + 5);
    for (const mail of outbox) {
      expect(mail.recipients).toHaveLength(1);
      const [recipient] = mail.recipients;
      const listed = attendeesOf(mail.ics);
      if (recipient === ORGANISER) expect(listed.length).toBeGreaterThanOrEqual(3);
      else expect(listed).toEqual([recipient]);
      for (const ally of [ALLY_A, ALLY_B, ALLY_C])
        if (recipient !== ally && recipient !== ORGANISER) expect(mail.ics).not.toContain(ally);
    }
    // Staff download the organiser's copy, with every attendee.
    const latest = await calendar.latestInvitation(eventId);
    expect(attendeesOf(latest ?? '')).toEqual([ALLY_A, ALLY_B, ALLY_C, STAFF].sort());
  });
});
