import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { readEndedMemberships } from '../../src/network/index.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;
let roy: { id: string; email: string };
let ilseId: string;

async function personOf(name: string) {
  return server.database.db
    .selectFrom('people')
    .select(['id', 'email', 'kind', 'version'])
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
}

async function attendeesOf(meetingId: string): Promise<string[]> {
  const meeting = await server.database.db
    .selectFrom('meetings')
    .select('calendar_event_id')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const rows = await server.database.db
    .selectFrom('calendar_attendees')
    .select('address')
    .where('event_id', '=', meeting.calendar_event_id as string)
    .execute();
  return rows.map((row) => row.address.toLowerCase());
}

/** 18:00 on a local date in Amsterdam, two hours, as UTC instants. */
function evening(date: string) {
  const start = DateTime.fromISO(`${date}T18:00`, { zone: 'Europe/Amsterdam' });
  return {
    start: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: start.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true }) as string,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra, fleur] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const royRow = await personOf('Roy Martina-Boelen');
  roy = { id: royRow.id, email: (royRow.email ?? '').toLowerCase() };
  ilseId = (await personOf('Ilse Brandsma')).id;
});
afterAll(async () => {
  await server.close();
});

describe('ending a membership goes through the farewell only', () => {
  it('refuses the PATCH that would make an ally a former ally, naming the farewell, and changes nothing', async () => {
    const before = await personOf('Roy Martina-Boelen');
    const result = await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${roy.id}`, {
      version: before.version,
      kind: 'former_ally',
    });
    expect(result.status).toBe(422);
    expect(result.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(result.body.reason).toBe('use-farewell');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ field: 'body.kind', code: 'use_farewell' }),
    ]);
    expect(await personOf('Roy Martina-Boelen')).toEqual(before);
  });

  it('refuses bad farewells with field codes', async () => {
    const { version } = await personOf('Roy Martina-Boelen');
    const other = await callApi(server.url, sanne, 'POST', `/api/v1/people/${roy.id}/farewell`, {
      version,
      endedOn: '2026-11-30',
      reason: 'other',
      thanked: false,
    });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      expect.objectContaining({ field: 'body.reasonNote', code: 'required' }),
    ]);
    const future = await callApi(server.url, sanne, 'POST', `/api/v1/people/${roy.id}/farewell`, {
      version,
      endedOn: '2999-01-01',
      reason: 'moved',
      thanked: true,
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'body.endedOn', code: 'in_future' }),
    ]);
    const stale = await callApi(server.url, sanne, 'POST', `/api/v1/people/${roy.id}/farewell`, {
      version: version + 5,
      endedOn: '2026-11-30',
      reason: 'moved',
      thanked: true,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('changed-meanwhile');
  });

  it('refuses an evaluationId that does not exist or belongs to another network, and writes nothing', async () => {
    const stadId = (
      await server.database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '!=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow()
    ).id;
    const elsewhere = (
      await server.database.db
        .insertInto('evaluations')
        .values({
          id: crypto.randomUUID(),
          network_id: stadId,
          period_from: '2026-01-01',
          period_to: '2026-06-30',
          held_on: '2026-06-30',
          mix_note: null,
          gaps_note: null,
          general_note: null,
          coverage_gaps: 0,
          recorded_by: null,
          recorded_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await personOf('Roy Martina-Boelen');
    for (const evaluationId of [elsewhere, crypto.randomUUID()]) {
      const refused = await callApi(server.url, sanne, 'POST', `/api/v1/people/${roy.id}/farewell`, {
        version: before.version,
        endedOn: '2026-11-30',
        reason: 'evaluation',
        thanked: true,
        evaluationId,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.reason).toBe('evaluation-not-of-network');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'body.evaluationId', code: 'unknown_reference' }),
      ]);
    }
    expect(await personOf('Roy Martina-Boelen')).toEqual(before);
    const farewells = await server.database.db
      .selectFrom('person_farewells')
      .select('id')
      .where('person_id', '=', roy.id)
      .execute();
    expect(farewells).toEqual([]);
    await server.database.db.deleteFrom('evaluations').where('id', '=', elsewhere).execute();
  });

  it('is refused to a secretary (403) and hidden from staff of other networks (404)', async () => {
    const { version } = await personOf('Roy Martina-Boelen');
    const body = { version, endedOn: '2026-11-30', reason: 'moved', thanked: true };
    expect((await callApi(server.url, petra, 'POST', `/api/v1/people/${roy.id}/farewell`, body)).status).toBe(
      403,
    );
    // Outside her networks the person does not exist for her (need-to-know).
    expect((await callApi(server.url, fleur, 'POST', `/api/v1/people/${roy.id}/farewell`, body)).status).toBe(
      404,
    );
    expect((await callApi(server.url, fleur, 'GET', `/api/v1/people/${roy.id}/farewell`)).status).toBe(404);
  });
});

describe('a farewell', () => {
  let meetingId: string;

  it('takes the ally out of the next meeting’s invitation, the crisis sheet and the ally list at once', async () => {
    const date = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 30 });
    // A Tuesday to Thursday evening in the future (Haven meets on those weekdays).
    const day = date.plus({ days: (9 - date.weekday) % 7 }).toISODate() as string;
    const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/meetings/series`, {
      meetings: [evening(day)],
      confirmReasons: true,
    });
    expect(created.status).toBe(201);
    meetingId = created.body.meetings[0].id;
    expect(await attendeesOf(meetingId)).toContain(roy.email);
    const sheetBefore = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/crisis-sheet`);
    expect(sheetBefore.body.allies.map((a: { displayName: string }) => a.displayName)).toContain(
      'Roy Martina-Boelen',
    );

    const { version } = await personOf('Roy Martina-Boelen');
    const result = await callApi(server.url, sanne, 'POST', `/api/v1/people/${roy.id}/farewell`, {
      version,
      endedOn: '2026-11-30',
      reason: 'moved',
      reasonNote: 'Verhuisd naar een andere stad (fictief)',
      thanked: true,
    });
    expect(result.status).toBe(201);
    expect(result.body.farewell).toMatchObject({
      personId: roy.id,
      kindBefore: 'ally',
      endedOn: '2026-11-30',
      reason: 'moved',
      thanked: true,
      backfilled: false,
    });
    expect(result.body.invitations).toEqual({ updated: 1, failed: 0 });
    expect((await personOf('Roy Martina-Boelen')).kind).toBe('former_ally');

    // The invitation now leaves Roy out (the local calendar also queued the update as .ics).
    const attendees = await attendeesOf(meetingId);
    expect(attendees).not.toContain(roy.email);
    expect(attendees.length).toBeGreaterThan(0);
    const invitation = await callApi(
      server.url,
      sanne,
      'GET',
      `/api/v1/networks/${havenId}/meetings/${meetingId}/invitation`,
    );
    expect(invitation.body.ics).not.toContain(roy.email);

    const sheet = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/crisis-sheet`);
    const onSheet = [...sheet.body.allies, ...sheet.body.keyFigures].map(
      (a: { displayName: string }) => a.displayName,
    );
    expect(onSheet).not.toContain('Roy Martina-Boelen');

    const network = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`);
    expect(network.body.allies.map((a: { id: string }) => a.id)).not.toContain(roy.id);
    expect(network.body.formerAllies).toContainEqual(
      expect.objectContaining({
        id: roy.id,
        kind: 'former_ally',
        farewell: { endedOn: '2026-11-30', reason: 'moved', backfilled: false },
      }),
    );
  });

  it('ends a key figure as a former key figure and refuses a second farewell', async () => {
    const { version } = await personOf('Ilse Brandsma');
    const ended = await callApi(server.url, sanne, 'POST', `/api/v1/people/${ilseId}/farewell`, {
      version,
      endedOn: '2026-10-01',
      reason: 'own_wish',
      thanked: false,
    });
    expect(ended.status).toBe(201);
    expect((await personOf('Ilse Brandsma')).kind).toBe('former_key_figure');
    const network = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`);
    expect(network.body.keyFigures.map((p: { id: string }) => p.id)).not.toContain(ilseId);
    const sheet = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/crisis-sheet`);
    expect(sheet.body.keyFigures.map((p: { displayName: string }) => p.displayName)).not.toContain(
      'Ilse Brandsma',
    );
    const again = await callApi(server.url, sanne, 'POST', `/api/v1/people/${ilseId}/farewell`, {
      version: version + 1,
      endedOn: '2026-10-02',
      reason: 'own_wish',
      thanked: false,
    });
    expect(again.status).toBe(422);
    expect(again.body.reason).toBe('membership-ended');
  });

  it('is read back by staff of the network, audited, and starts the retention clock', async () => {
    const read = await callApi(server.url, petra, 'GET', `/api/v1/people/${roy.id}/farewell`);
    expect(read.status).toBe(200);
    expect(read.body.farewell).toMatchObject({
      reason: 'moved',
      reasonNote: 'Verhuisd naar een andere stad (fictief)',
    });
    const still = await callApi(
      server.url,
      petra,
      'GET',
      `/api/v1/people/${(await personOf('Yasmina el Ouali')).id}/farewell`,
    );
    expect(still.body.farewell).toBeNull();
    await sealAuditJournal(server.database.db);
    const actions = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('action', 'in', ['person.farewell', 'person.farewell-read'])
      .execute();
    expect(
      actions
        .filter((a) => a.action === 'person.farewell')
        .map((a) => a.object_id)
        .sort(),
    ).toEqual([roy.id, ilseId].sort());
    expect(actions.some((a) => a.action === 'person.farewell-read')).toBe(true);
    const ended = await readEndedMemberships(server.database.db, '2026-11-30');
    expect(ended.filter((e) => e.personId === roy.id || e.personId === ilseId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: roy.id, endedOn: '2026-11-30' }),
        expect.objectContaining({ personId: ilseId, endedOn: '2026-10-01' }),
      ]),
    );
    expect(
      (await readEndedMemberships(server.database.db, '2026-11-29')).map((e) => e.personId),
    ).not.toContain(roy.id);
  });
});
