import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * A manual date (moving a meeting) gets the planner's checks: the reasons come from the date-check
 * route, and the move is refused (409) until the caller confirms them. Runs on PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL.
 */
let server: TestServer;
let petra: string; // secretary of Haven and Stad
let stadId: string;
const base = () => `/api/v1/networks/${stadId}`;

function evening(date: string, time = '18:00', minutes = 120) {
  const start = DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Amsterdam' });
  return {
    start: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: start.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true }) as string,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  petra = await signInAs(server.url, 'Petra Lindeboom');
  stadId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Stad')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server?.close();
});

describe('moving a meeting to a date the planner would skip', () => {
  it('names the reason for 25 December and moves only after explicit confirmation', async () => {
    const created = await callApi(server.url, petra, 'POST', `${base()}/meetings/series`, {
      meetings: [evening('2027-12-14')],
    });
    expect(created.status).toBe(201);
    const meeting = created.body.meetings[0] as { id: string; version: number };
    const christmas = evening('2027-12-25');

    const check = await callApi(server.url, petra, 'POST', `${base()}/meetings/date-check`, {
      ...christmas,
      meetingId: meeting.id,
    });
    expect(check.status).toBe(200);
    expect(check.body.date).toBe('2027-12-25');
    expect(check.body.reasons.map((r: { nl: string }) => r.nl).join(' ')).toMatch(/Kerst/);

    const refused = await callApi(server.url, petra, 'PATCH', `${base()}/meetings/${meeting.id}`, {
      version: meeting.version,
      ...christmas,
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors[0].field).toBe('body.start');
    // Nothing moved.
    const row = await server.database.db
      .selectFrom('meetings')
      .select(['meeting_date', 'version'])
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ meeting_date: '2027-12-14', version: meeting.version });

    const moved = await callApi(server.url, petra, 'PATCH', `${base()}/meetings/${meeting.id}`, {
      version: meeting.version,
      ...christmas,
      confirmReasons: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.date).toBe('2027-12-25');
  });

  it('moves to an ordinary date without asking, and checks 4 May too', async () => {
    const ordinary = await callApi(server.url, petra, 'POST', `${base()}/meetings/date-check`, {
      ...evening('2027-11-16'),
    });
    expect(ordinary.status).toBe(200);
    expect(ordinary.body.reasons).toEqual([]);
    const remembrance = await callApi(server.url, petra, 'POST', `${base()}/meetings/date-check`, {
      ...evening('2027-05-04'),
    });
    expect(remembrance.body.reasons.length).toBeGreaterThan(0);
  });

  it('refuses a bad body with 400 and a check for another network’s meeting with 404', async () => {
    const bad = await callApi(server.url, petra, 'POST', `${base()}/meetings/date-check`, { start: 'x' });
    expect(bad.status).toBe(400);
    const unknown = await callApi(server.url, petra, 'POST', `${base()}/meetings/date-check`, {
      ...evening('2027-11-16'),
      meetingId: '00000000-0000-4000-8000-000000000999',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('adding a meeting by hand on a date the planner would skip (issue 15 item 7, add half)', () => {
  it('refuses 25 December with the reason on that meeting’s field, saves nothing, and adds it once confirmed', async () => {
    const christmas = evening('2028-12-25');
    const countOn = async (date: string) =>
      (
        await server.database.db
          .selectFrom('meetings')
          .select('id')
          .where('network_id', '=', stadId)
          .where('meeting_date', '=', date)
          .execute()
      ).length;

    const refused = await callApi(server.url, petra, 'POST', `${base()}/meetings/series`, {
      meetings: [evening('2028-11-14'), christmas],
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.meetings.1.start']),
    );
    expect(refused.body.errors.some((e: { field: string }) => e.field === 'body.meetings.0.start')).toBe(
      false,
    );
    expect(refused.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(
      /Christmas|Kerst/i,
    );
    // All or nothing: the ordinary date was not saved either.
    expect(await countOn('2028-11-14')).toBe(0);
    expect(await countOn('2028-12-25')).toBe(0);

    const added = await callApi(server.url, petra, 'POST', `${base()}/meetings/series`, {
      meetings: [christmas],
      confirmReasons: true,
    });
    expect(added.status).toBe(201);
    expect(added.body.meetings[0].date).toBe('2028-12-25');
    expect(await countOn('2028-12-25')).toBe(1);
  });

  it('adds a meeting on an ordinary date without asking', async () => {
    const ordinary = await callApi(server.url, petra, 'POST', `${base()}/meetings/series`, {
      meetings: [evening('2028-11-21')],
    });
    expect(ordinary.status).toBe(201);
  });
});
