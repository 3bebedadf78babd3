import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The meetings API end to end on the embedded calendar (local run): settings, locations, the
 * allies' preferences, planning, series with rotation, move, cancel, .ics, record and actions,
 * the year calendar, access and the audit trail. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let server: TestServer;
let petra: string; // secretary of Haven and Stad
let fleur: string; // coordinator of Stad
let mehmet: string; // member of Stad
let dewi: string; // coordinator of Buiten only
let stadId: string;
let buitenId: string;
const base = (networkId: string) => `/api/v1/networks/${networkId}`;

/** 18:00 on a local date in Amsterdam, and two hours later, as UTC instants. */
function evening(date: string, time = '18:00', minutes = 120) {
  const start = DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Amsterdam' });
  return {
    start: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: start.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true }) as string,
  };
}

async function auditActions(): Promise<
  { action: string; objectType: string | null; objectId: string | null }[]
> {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['action', 'object_type as objectType', 'object_id as objectId'])
    .orderBy('seq')
    .execute();
}

async function networkId(name: string): Promise<string> {
  return (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
}

async function alliesOf(networkId: string): Promise<{ id: string; name: string }[]> {
  return server.database.db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .select(['people.id', 'people.display_name as name'])
    .where('network_people.network_id', '=', networkId)
    .where('people.kind', '=', 'ally')
    .orderBy('people.display_name')
    .execute();
}

beforeAll(async () => {
  server = await startTestServer();
  [petra, fleur, mehmet, dewi] = await Promise.all([
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
    signInAs(server.url, 'Mehmet Kaya-de Bruin'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  stadId = await networkId('Bondgenoten Stad');
  buitenId = await networkId('Bondgenoten Buiten');
});
afterAll(async () => {
  await server?.close();
});

describe('meeting settings', () => {
  it('starts from the method’s defaults with the secretary as organiser', async () => {
    const { status, body } = await callApi(server.url, mehmet, 'GET', `${base(stadId)}/meeting-settings`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      networkId: stadId,
      // 10 weeks: about 5 meetings a year, inside the method's 4 to 6 (6-weekly gave 8.7).
      cadenceDays: 70,
      meetingsPerYear: 5.2,
      durationMinutes: 120,
      allowLongerThanTwoHours: false,
      organiser: { kind: 'secretary', address: 'secretaris@example.org' },
      calendar: 'embedded',
      version: 0,
    });
    expect(body.observances.derived.length).toBeGreaterThan(0);
  });

  it('refuses more than two hours without the override, as a field error', async () => {
    const { status, body } = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meeting-settings`, {
      durationMinutes: 150,
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        field: 'body.durationMinutes',
        code: 'too_big',
        kind: 'minutes',
        max: 120,
        message: expect.any(String),
      },
    ]);
  });

  it('accepts a longer meeting with the override, and warns below four meetings a year', async () => {
    const { status, body } = await callApi(server.url, fleur, 'PUT', `${base(stadId)}/meeting-settings`, {
      version: 0,
      durationMinutes: 150,
      allowLongerThanTwoHours: true,
      cadenceDays: 120,
    });
    expect(status).toBe(200);
    expect(body.version).toBe(1);
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['longer-than-two-hours', 'fewer-than-four-a-year']),
    );
    expect(body.meetingsPerYear).toBe(3);
  });

  it('refuses a stale version, an unknown organiser and a member who may only read', async () => {
    expect(
      (await callApi(server.url, petra, 'PUT', `${base(stadId)}/meeting-settings`, { version: 0 })).status,
    ).toBe(409);
    const wrong = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meeting-settings`, {
      organiserUserId: '00000000-0000-4000-8000-000000000999',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.organiserUserId');
    expect((await callApi(server.url, mehmet, 'PUT', `${base(stadId)}/meeting-settings`, {})).status).toBe(
      403,
    );
  });

  it('goes back to the method’s defaults for the rest of the suite', async () => {
    const { status, body } = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meeting-settings`, {
      version: 1,
      durationMinutes: 120,
      allowLongerThanTwoHours: false,
      cadenceDays: 70,
      weekdays: [2, 3, 4],
      mealArrangements: 'Surinaamse roti van de buurtkeuken',
    });
    expect(status).toBe(200);
    expect(body.warnings.map((w: { code: string }) => w.code)).not.toContain('fewer-than-four-a-year');
  });
});

describe('a series with rotation, a move, a cancellation and a record', () => {
  const locations: { id: string; name: string }[] = [];
  let allies: { id: string; name: string }[] = [];
  let series: { id: string; version: number; date: string; chair: { personId: string } | null }[] = [];

  it('keeps neutral locations in rotation order and refuses duplicate names', async () => {
    for (const [name, kind] of [
      ['Buurthuis De Schakel (fictief)', 'community-centre'],
      ['Politiebureau Stad (fictief)', 'police-station'],
    ] as const) {
      const { status, body } = await callApi(server.url, petra, 'POST', `${base(stadId)}/meeting-locations`, {
        name,
        kind,
        address: 'Fictieve straat 1',
      });
      expect(status).toBe(201);
      locations.push(body);
    }
    const duplicate = await callApi(server.url, petra, 'POST', `${base(stadId)}/meeting-locations`, {
      name: 'buurthuis de schakel (fictief)',
      kind: 'other',
    });
    expect(duplicate.status).toBe(400);
    const { body } = await callApi(server.url, mehmet, 'GET', `${base(stadId)}/meeting-locations`);
    expect(body.map((l: { name: string }) => l.name)).toEqual(locations.map((l) => l.name));
  });

  it('records which allies chair, and who is away', async () => {
    allies = await alliesOf(stadId);
    expect(allies.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = allies;
    for (const ally of [a, b, c]) {
      const { status } = await callApi(
        server.url,
        petra,
        'PUT',
        `${base(stadId)}/meeting-participants/${ally?.id}`,
        {
          willingToChair: true,
          availableWeekdays: null,
          absentFrom: ally === c ? '2027-03-01' : null,
          absentUntil: ally === c ? '2027-04-30' : null,
        },
      );
      expect(status).toBe(200);
    }
    const { body } = await callApi(server.url, mehmet, 'GET', `${base(stadId)}/meeting-participants`);
    expect(body.filter((p: { willingToChair: boolean }) => p.willingToChair)).toHaveLength(3);
    const bad = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meeting-participants/${a?.id}`, {
      willingToChair: true,
      availableWeekdays: [2],
      absentFrom: '2027-05-01',
      absentUntil: '2027-04-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.absentUntil');
  });

  it('previews a plan with reasons for skipped dates and rotation per proposal', async () => {
    const { status, body } = await callApi(
      server.url,
      petra,
      'POST',
      `${base(stadId)}/meetings/plan-preview`,
      {
        from: '2027-01-04',
        to: '2027-12-31',
      },
    );
    expect(status).toBe(200);
    expect(body.proposals.length).toBeGreaterThanOrEqual(4);
    expect(body.freeBusy).toMatchObject({ source: 'embedded', staffChecked: 3 });
    expect(body.skipped.length).toBeGreaterThan(0);
    for (const skip of body.skipped) expect(skip.reasons[0].nl).toEqual(expect.any(String));
    expect(body.proposals.slice(0, 3).every((p: { trustBuilding: boolean }) => p.trustBuilding)).toBe(true);
    expect(body.proposals[3].trustBuilding).toBe(false);
    // Almere lies in school holiday region midden: the shipped periods were imported and avoided.
    const reasons = body.skipped.flatMap((skip: { reasons: { nl: string }[] }) =>
      skip.reasons.map((r) => r.nl),
    );
    expect(reasons.some((nl: string) => nl.includes('regio midden'))).toBe(true);
    const holidays = await callApi(server.url, mehmet, 'GET', '/api/v1/school-holidays/midden');
    expect(holidays.body.periods.length).toBeGreaterThan(3);
    for (const period of body.proposals)
      for (const holiday of holidays.body.periods)
        expectSaying(
          period.date < holiday.from || period.date > holiday.to,
          `${period.date} in ${holiday.label}`,
        ).toBe(true);
    expect(body.proposals[0].location.name).toBe(locations[0]?.name);
    expect(body.proposals[1].location.name).toBe(locations[1]?.name);
  });

  it('creates the series: fair chair rotation, location rotation, trust-building first, one event each', async () => {
    // Two in winter time and two in summer time (the clocks go forward on 28 March 2027).
    const dates = ['2027-02-16', '2027-03-23', '2027-04-06', '2027-05-18'];
    const { status, body } = await callApi(server.url, petra, 'POST', `${base(stadId)}/meetings/series`, {
      meetings: dates.map((date) => evening(date)),
      // The away ally makes the planner skip 23 March and 6 April; planning them anyway needs this.
      confirmReasons: true,
    });
    expect(status).toBe(201);
    series = body.meetings;
    expect(series.map((m) => m.date)).toEqual(dates);
    const chairs = body.meetings.map((m: { chair: { personId: string } | null }) => m.chair?.personId);
    expect(chairs.every(Boolean)).toBe(true);
    for (let i = 1; i < chairs.length; i++) expect(chairs[i]).not.toBe(chairs[i - 1]);
    // The third ally is away in March and April.
    const away = allies[2]?.id;
    expect(chairs[1]).not.toBe(away);
    expect(chairs[2]).not.toBe(away);
    expect(new Set(chairs).size).toBe(3);
    expect(body.meetings.map((m: { location: { name: string } }) => m.location.name)).toEqual([
      locations[0]?.name,
      locations[1]?.name,
      locations[0]?.name,
      locations[1]?.name,
    ]);
    expect(body.meetings.map((m: { trustBuilding: boolean }) => m.trustBuilding)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(body.meetings[3].agendaTurns.length).toBe(2);
    expect(body.meetings[0].agendaTurns).toEqual([]);
    expect(body.meetings.map((m: { localStartTime: string }) => m.localStartTime)).toEqual([
      '18:00',
      '18:00',
      '18:00',
      '18:00',
    ]);
    for (const meeting of body.meetings) expect(meeting.calendar).toMatchObject({ state: 'created' });
    const events = await server.database.db.selectFrom('calendar_events').selectAll().execute();
    expect(events).toHaveLength(4);
    const intents = await server.database.db
      .selectFrom('meetings')
      .select(['intent_id'])
      .where('network_id', '=', stadId)
      .execute();
    expect(new Set(events.map((e) => e.transaction_id))).toEqual(new Set(intents.map((i) => i.intent_id)));
  });

  it('writes .ics invitations whose times survive the daylight-saving change (ical.js)', async () => {
    for (const [index, utcHour] of [
      [1, 17], // 23 March 2027: CET, UTC+1
      [2, 16], // 6 April 2027: CEST, UTC+2
    ] as const) {
      const meeting = series[index];
      const { status, body } = await callApi(
        server.url,
        mehmet,
        'GET',
        `${base(stadId)}/meetings/${meeting?.id}/invitation`,
      );
      expect(status).toBe(200);
      expect(body.fileName).toBe(`bondgenotenoverleg-${meeting?.date}.ics`);
      const calendar = new ICAL.Component(ICAL.parse(body.ics));
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
      expect(event.startDate.toJSDate().toISOString()).toBe(`${meeting?.date}T${utcHour}:00:00.000Z`);
      expect(event.endDate.toJSDate().toISOString()).toBe(`${meeting?.date}T${utcHour + 2}:00:00.000Z`);
      expect(event.summary).toBe('Bondgenotenoverleg Bondgenoten Stad (kennismaking)');
      const attendees = event.attendees.map((a) => String(a.getFirstValue()).toLowerCase());
      expect(attendees).toContain('mailto:integratie-stad@example.org');
      expect(attendees.some((a) => a.includes('bondgenoot'))).toBe(true);
    }
    // Each attendee gets a copy naming only themselves; the organiser's copy (one per meeting) names all.
    const outbox = await server.database.db
      .selectFrom('calendar_outbox as o')
      .innerJoin('calendar_events as e', 'e.id', 'o.event_id')
      .select(['o.method', 'o.recipients', 'e.organiser'])
      .execute();
    const organiserCopies = outbox.filter((o) => o.recipients.includes(o.organiser));
    expect(organiserCopies.map((o) => o.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST', 'REQUEST']);
    expect(outbox.every((o) => o.recipients.length === 1)).toBe(true);
  });

  it('moves a meeting: the event follows, with a new sequence for the attendees', async () => {
    const meeting = series[3];
    const moved = evening('2027-05-19', '19:00');
    const stale = await callApi(server.url, petra, 'PATCH', `${base(stadId)}/meetings/${meeting?.id}`, {
      version: 99,
      ...moved,
    });
    expect(stale.status).toBe(409);
    const tooLong = await callApi(server.url, petra, 'PATCH', `${base(stadId)}/meetings/${meeting?.id}`, {
      version: meeting?.version,
      ...evening('2027-05-19', '19:00', 150),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('body.end');
    const { status, body } = await callApi(
      server.url,
      petra,
      'PATCH',
      `${base(stadId)}/meetings/${meeting?.id}`,
      {
        version: meeting?.version,
        start: moved.start,
      },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ date: '2027-05-19', localStartTime: '19:00', version: 2 });
    expect(new Date(body.end).toISOString()).toBe(new Date(moved.end).toISOString());
    const event = await server.database.db
      .selectFrom('calendar_events')
      .selectAll()
      .where('id', '=', body.calendar.eventId)
      .executeTakeFirstOrThrow();
    expect(new Date(event.starts_at).toISOString()).toBe(new Date(moved.start).toISOString());
    expect(event.sequence).toBe(1);
    if (series[3]) series[3].version = body.version;
  });

  it('refuses a chair from outside the network', async () => {
    const outsider = (await alliesOf(buitenId))[0];
    const { status, body } = await callApi(
      server.url,
      petra,
      'PATCH',
      `${base(stadId)}/meetings/${series[3]?.id}`,
      {
        version: series[3]?.version,
        chairPersonId: outsider?.id,
      },
    );
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('body.chairPersonId');
  });

  it('cancels a meeting: the event is cancelled and a CANCEL goes out with the reason', async () => {
    const meeting = series[2];
    const { status, body } = await callApi(
      server.url,
      fleur,
      'POST',
      `${base(stadId)}/meetings/${meeting?.id}/cancel`,
      {
        version: meeting?.version,
        reason: 'Het buurthuis is die avond niet beschikbaar.',
      },
    );
    expect(status).toBe(200);
    expect(body.status).toBe('cancelled');
    const event = await server.database.db
      .selectFrom('calendar_events')
      .selectAll()
      .where('id', '=', body.calendar.eventId)
      .executeTakeFirstOrThrow();
    expect(event.status).toBe('cancelled');
    const invitation = await callApi(
      server.url,
      petra,
      'GET',
      `${base(stadId)}/meetings/${meeting?.id}/invitation`,
    );
    const calendar = new ICAL.Component(ICAL.parse(invitation.body.ics));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(invitation.body.ics).toContain('niet beschikbaar');
    const again = await callApi(server.url, fleur, 'POST', `${base(stadId)}/meetings/${meeting?.id}/cancel`, {
      version: body.version,
      reason: 'Nogmaals',
    });
    expect(again.status).toBe(422);
  });

  it('reads attendee responses back from the calendar', async () => {
    const meeting = series[0];
    const eventId = (meeting as unknown as { calendar: { eventId: string } }).calendar.eventId;
    const event = { event_id: eventId, address: 'integratie-stad@example.org' };
    await server.database.db
      .updateTable('calendar_attendees')
      .set({ response: 'accepted' })
      .where('event_id', '=', event.event_id)
      .where('address', '=', event.address)
      .execute();
    const { status, body } = await callApi(
      server.url,
      mehmet,
      'GET',
      `${base(stadId)}/meetings/${meeting?.id}`,
    );
    expect(status).toBe(200);
    expect(body.responses).toContainEqual(
      expect.objectContaining({ kind: 'staff', displayName: 'Fleur Oosterhout', response: 'accepted' }),
    );
    expect(body.responses.some((r: { kind: string }) => r.kind === 'ally')).toBe(true);
  });

  it('records a held meeting with attendance, themes, mood and actions, and tracks the actions', async () => {
    // A meeting that already took place (inserted directly: the API only plans future meetings).
    const db = server.database.db;
    const past = await db
      .insertInto('meetings')
      .values({
        network_id: stadId,
        meeting_date: '2026-10-06',
        starts_at: '2026-10-06T16:00:00Z',
        ends_at: '2026-10-06T18:00:00Z',
        organiser: 'secretaris@example.org',
        intent_id: crypto.randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const future = await callApi(
      server.url,
      petra,
      'PUT',
      `${base(stadId)}/meetings/${series[0]?.id}/record`,
      {
        attendance: [],
        themes: [],
      },
    );
    expect(future.status).toBe(422);
    const fleurId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', 'Fleur Oosterhout')
        .executeTakeFirstOrThrow()
    ).id;
    const invalid = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meetings/${past.id}/record`, {
      attendance: [{ personId: (await alliesOf(buitenId))[0]?.id, present: true }],
      themes: ['polarisatie'],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('body.attendance.0.personId');
    const { status, body } = await callApi(
      server.url,
      petra,
      'PUT',
      `${base(stadId)}/meetings/${past.id}/record`,
      {
        attendance: [
          { userId: fleurId, present: true },
          { personId: allies[0]?.id, present: true },
          { personId: allies[1]?.id, present: false },
        ],
        themes: ['polarisatie', 'jongeren'],
        themesText: 'Zorgen over spanningen na een incident bij het winkelcentrum (fictief).',
        mood: 4,
        actions: [
          { description: 'Contact opnemen met de jongerenwerker', ownerUserId: fleurId, dueOn: '2026-11-01' },
          { description: 'Sleutelfiguren in de moskee informeren', ownerPersonId: allies[0]?.id },
        ],
      },
    );
    expect(status).toBe(200);
    expect(body.status).toBe('held');
    expect(body.record).toMatchObject({ themes: ['polarisatie', 'jongeren'], mood: 4, version: 1 });
    expect(body.record.attendance).toHaveLength(3);
    expect(body.actions.map((a: { owner: { kind: string } }) => a.owner.kind)).toEqual(['staff', 'ally']);
    const action = body.actions[0];
    const done = await callApi(server.url, fleur, 'PATCH', `${base(stadId)}/meeting-actions/${action.id}`, {
      version: action.version,
      status: 'done',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    const list = await callApi(server.url, mehmet, 'GET', `${base(stadId)}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body.openActions.map((a: { description: string }) => a.description)).toEqual([
      'Sleutelfiguren in de moskee informeren',
    ]);
    expect(list.body.past[0].id).toBe(past.id);
    expect(list.body.upcoming.map((m: { id: string }) => m.id)).toEqual(series.map((m) => m.id));
    const stale = await callApi(server.url, petra, 'PUT', `${base(stadId)}/meetings/${past.id}/record`, {
      version: 0,
      attendance: [],
      themes: [],
    });
    expect(stale.status).toBe(409);
  });

  it('proposes the next meeting with chair and location, for the bot card', async () => {
    const { status, body } = await callApi(
      server.url,
      petra,
      'GET',
      `${base(stadId)}/meetings/next-proposal`,
    );
    expect(status).toBe(200);
    expect(body.networkName).toBe('Bondgenoten Stad');
    expect(body.proposal).toMatchObject({ chair: expect.any(Object), location: expect.any(Object) });
  });

  it('shows the year calendar across the networks the caller may see', async () => {
    const mine = await callApi(server.url, petra, 'GET', '/api/v1/meetings/year-calendar?year=2027');
    expect(mine.status).toBe(200);
    expect(mine.body.networks.map((n: { name: string }) => n.name)).toEqual([
      'Bondgenoten Haven',
      'Bondgenoten Stad',
    ]);
    expect(mine.body.meetings.filter((m: { networkId: string }) => m.networkId === stadId)).toHaveLength(4);
    const other = await callApi(server.url, dewi, 'GET', '/api/v1/meetings/year-calendar?year=2027');
    expect(other.body.networks.map((n: { name: string }) => n.name)).toEqual(['Bondgenoten Buiten']);
    expect(other.body.meetings).toEqual([]);
  });

  it('keeps other networks out: 403 on their network, 404 for their meeting under your own', async () => {
    const meeting = series[0];
    expect((await callApi(server.url, dewi, 'GET', `${base(stadId)}/meetings`)).status).toBe(403);
    expect((await callApi(server.url, dewi, 'GET', `${base(stadId)}/meetings/${meeting?.id}`)).status).toBe(
      403,
    );
    expect((await callApi(server.url, dewi, 'GET', `${base(buitenId)}/meetings/${meeting?.id}`)).status).toBe(
      404,
    );
    expect(
      (await callApi(server.url, dewi, 'PATCH', `${base(buitenId)}/meetings/${meeting?.id}`, { version: 1 }))
        .status,
    ).toBe(404);
    expect(
      (
        await callApi(server.url, mehmet, 'POST', `${base(stadId)}/meetings/series`, {
          meetings: [evening('2027-06-01')],
        })
      ).status,
    ).toBe(403);
  });

  it('audits every read and change with ids only', async () => {
    const events = await auditActions();
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      'meeting-settings.read',
      'meeting-settings.update',
      'meeting-location.create',
      'meeting-participant.update',
      'meeting-participants.read',
      'meeting.plan-preview',
      'meeting.create',
      'meeting.update',
      'meeting.cancel',
      'meeting.read',
      'meeting.invitation-download',
      'meeting.record',
      'meeting-action.update',
      'meeting.list',
      'meeting.next-proposal',
      'meeting.year-calendar',
    ])
      expectSaying(actions, action).toContain(action);
    expect(events.filter((e) => e.action === 'meeting.create').map((e) => e.objectId)).toEqual(
      series.map((m) => m.id),
    );
    const text = JSON.stringify(events);
    for (const ally of allies) expect(text).not.toContain(ally.name);
    expect(server.logLines.join('\n')).not.toMatch(/bondgenoot\d+@example\.org/);
  });
});
