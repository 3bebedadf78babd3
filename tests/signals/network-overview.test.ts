import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { loadAccessProfile } from '../../src/identity/access.js';
import { readNetworkOverview } from '../../src/signals/overview-service.js';
import { countingStatements } from '../helpers/counting-db.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let dewi: string; // coordinator of Buiten
let mehmet: string; // member of Stad only
let anouk: string; // administrator, no network role
let havenId: string;
let stadId: string;
let buitenId: string;
const users = new Map<string, string>();
const people = new Map<string, string>();

/** A fixture period no demo data falls in (the demo seeds the last twelve months). */
const PERIOD = '?from=2019-01-01&to=2019-12-31';

interface Row {
  networkId: string;
  name: string;
  meetings: { planned: number; held: number; cancelled: number };
  signals: number;
  openFollowUps: number;
  overdueFollowUps: number;
  coverageGaps: number;
  evaluation: { dueOn: string; state: string; heldInPeriod: number } | null;
  callOuts: { total: number; reachedWithinHour: number };
}

async function overview(session: string, query = PERIOD) {
  const response = await callApi(server.url, session, 'GET', `/api/v1/network-overview${query}`);
  expect(response.status).toBe(200);
  return response.body as { from: string; to: string; today: string; networks: Row[] };
}
const rowOf = (body: { networks: Row[] }, networkId: string) =>
  body.networks.find((n) => n.networkId === networkId) as Row;

beforeAll(async () => {
  server = await startTestServer();
  [sanne, dewi, mehmet, anouk] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Dewi Sastromedjo'),
    signInAs(server.url, 'Mehmet Kaya-de Bruin'),
    signInAs(server.url, 'Anouk Terpstra'),
  ]);
  const db = server.database.db;
  const networks = await db.selectFrom('networks').select(['id', 'name']).execute();
  const idOf = (name: string) => networks.find((n) => n.name === name)?.id as string;
  havenId = idOf('Bondgenoten Haven');
  stadId = idOf('Bondgenoten Stad');
  buitenId = idOf('Bondgenoten Buiten');
  for (const row of await db.selectFrom('users').select(['id', 'display_name']).execute())
    users.set(row.display_name, row.id);
  for (const row of await db.selectFrom('people').select(['id', 'display_name']).execute())
    people.set(row.display_name, row.id);
});
afterAll(async () => {
  await server.close();
});

async function addMeeting(networkId: string, date: string, status: 'planned' | 'held' | 'cancelled') {
  await server.database.db
    .insertInto('meetings')
    .values({
      network_id: networkId,
      meeting_date: date,
      starts_at: `${date}T18:00:00Z`,
      ends_at: `${date}T20:00:00Z`,
      status,
      organiser: 'fictief@example.org',
      intent_id: randomUUID(),
    })
    .execute();
}

async function addSignal(
  networkId: string,
  receivedAt: string,
  followUp: { status: 'open' | 'in_progress' | 'done'; dueOn: string },
) {
  const db = server.database.db;
  const receiver = users.get('Sanne Verhoef') as string;
  const row = await db
    .insertInto('signals')
    .values({
      network_id: networkId,
      received_at: receivedAt,
      received_by: receiver,
      person_id: null,
      channel: 'phone',
      urgency: 'attention',
      body: 'Fictief signaal',
      assessment: null,
      created_by: receiver,
      created_at: receivedAt,
      form_token: null,
      updated_at: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('signal_follow_ups')
    .values({
      signal_id: row.id,
      owner_user_id: receiver,
      status: followUp.status,
      actions: null,
      not_taken_up_reason: null,
      due_on: followUp.dueOn,
      fed_back_on: null,
      updated_by: receiver,
      updated_at: receivedAt,
    })
    .execute();
}

/** A call-out started at `startedAt` (goal: an hour later), with what reached whom after how many minutes. */
async function addCallOut(
  startedAt: string,
  input: {
    staff?: { user: string; networkId: string; answer?: 'coming' | 'unavailable'; afterMinutes?: number }[];
    allies?: { person: string; networkId: string; reachedAfterMinutes?: number }[];
  },
) {
  const db = server.database.db;
  const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
  const start = new Date(startedAt);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const starter = users.get('Sanne Verhoef') as string;
  const callOut = await db
    .insertInto('call_outs')
    .values({
      municipality_id: municipality.id,
      started_by: starter,
      kind: 'tension',
      urgency: 'today',
      summary: 'Fictief',
      ask: 'Fictief',
      status: 'closed',
      closed_at: at(180),
      closed_by: starter,
      started_at: start,
      goal_at: at(60),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of input.staff ?? []) {
    const userId = users.get(s.user) as string;
    await db
      .insertInto('call_out_recipients')
      .values({
        call_out_id: callOut.id,
        user_id: userId,
        reason: 'network-staff',
        network_id: s.networkId,
        added_at: start,
      })
      .execute();
    if (s.answer)
      await db
        .insertInto('call_out_answers')
        .values({
          call_out_id: callOut.id,
          user_id: userId,
          answer: s.answer,
          note: null,
          eta_minutes: null,
          answered_at: at(s.afterMinutes ?? 0),
        })
        .execute();
  }
  for (const a of input.allies ?? []) {
    const personId = people.get(a.person) as string;
    await db
      .insertInto('call_out_allies')
      .values({
        call_out_id: callOut.id,
        person_id: personId,
        network_id: a.networkId,
        caller_user_id: starter,
      })
      .execute();
    if (a.reachedAfterMinutes !== undefined)
      await db
        .insertInto('call_out_calls')
        .values({
          call_out_id: callOut.id,
          person_id: personId,
          caller_user_id: starter,
          outcome: 'reached',
          heard: null,
          coming: true,
          recorded_at: at(a.reachedAfterMinutes),
        })
        .execute();
  }
}

describe(`the cross-network overview on ${TEST_ENGINE}`, () => {
  it('shows staff their own networks only, administrators every active network, without names', async () => {
    const haven = await overview(sanne);
    expect(haven.networks.map((n) => n.networkId)).toEqual([havenId]);
    expect(haven.networks[0]?.name).toBe('Bondgenoten Haven');
    const buiten = await overview(dewi);
    expect(buiten.networks.map((n) => n.networkId)).toEqual([buitenId]);
    expect((await overview(mehmet)).networks.map((n) => n.networkId)).toEqual([stadId]);
    const all = await overview(anouk);
    const active = await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('status', '<>', 'archived')
      .execute();
    expect(all.networks.map((n) => n.networkId).sort()).toEqual(active.map((n) => n.id).sort());
    expect(all.networks.map((n) => n.networkId)).toEqual(expect.arrayContaining([havenId, stadId, buitenId]));
    const text = JSON.stringify(all);
    for (const name of [...users.keys(), ...people.keys()]) expect(text).not.toContain(name);
  });

  it('counts coverage gaps and the next evaluation exactly as the network pages do', async () => {
    const all = await overview(anouk);
    let gapsSeen = 0;
    for (const row of all.networks) {
      const coverage = await callApi(server.url, anouk, 'GET', `/api/v1/networks/${row.networkId}/coverage`);
      expect(coverage.status).toBe(200);
      expectSaying(row.coverageGaps, row.name).toBe(coverage.body.gaps);
      gapsSeen += row.coverageGaps;
    }
    // The demo marks some communities relevant where no ally lives yet: the comparison is not 0 = 0 everywhere.
    expect(gapsSeen).toBeGreaterThan(0);
    const due = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/evaluation-due`);
    expect(due.status).toBe(200);
    expect(rowOf(all, havenId).evaluation).toMatchObject({ dueOn: due.body.dueOn, state: due.body.state });
  });

  it('counts the fixtures of the period per network, and open follow-ups as they stand today', async () => {
    const before = await overview(anouk);
    expect(rowOf(before, havenId)).toMatchObject({
      meetings: { planned: 0, held: 0, cancelled: 0 },
      signals: 0,
      callOuts: { total: 0, reachedWithinHour: 0 },
      evaluation: { heldInPeriod: 0 },
    });
    // Haven: two held, one planned and one cancelled meeting in 2019; one held meeting just outside the period.
    await addMeeting(havenId, '2019-02-05', 'held');
    await addMeeting(havenId, '2019-06-11', 'held');
    await addMeeting(havenId, '2019-12-31', 'planned');
    await addMeeting(havenId, '2019-09-03', 'cancelled');
    await addMeeting(havenId, '2020-01-01', 'held');
    await addMeeting(buitenId, '2019-03-14', 'held');
    // Haven: three signals in 2019 (one overdue open follow-up, one in progress not yet due, one done) and one
    // the day after the period, still open: it counts as open today but not as a signal of the period.
    await addSignal(havenId, '2019-03-01T09:00:00Z', { status: 'open', dueOn: '2019-03-15' });
    await addSignal(havenId, '2019-04-01T09:00:00Z', { status: 'in_progress', dueOn: '2999-01-01' });
    await addSignal(havenId, '2019-05-01T09:00:00Z', { status: 'done', dueOn: '2019-05-15' });
    await addSignal(havenId, '2019-12-31T23:30:00Z', { status: 'open', dueOn: '2999-01-01' });
    // A half-yearly evaluation of Buiten held in the period.
    await server.database.db
      .insertInto('evaluations')
      .values({
        id: randomUUID(),
        network_id: buitenId,
        period_from: '2018-12-01',
        period_to: '2019-05-31',
        held_on: '2019-06-01',
        coverage_gaps: 0,
        recorded_by: null,
        recorded_at: new Date('2019-06-01T12:00:00Z'),
      })
      .execute();
    // Call-outs: Haven's coordinator answers "coming" in 10 minutes (reached); Haven answers "unavailable" only
    // (not reached), and Buiten's ally is reached by phone in 30 minutes (reached for Buiten); Haven answers
    // "coming" after 90 minutes (not within the hour). One call-out in 2018 counts for nobody.
    await addCallOut('2019-04-10T10:00:00Z', {
      staff: [{ user: 'Sanne Verhoef', networkId: havenId, answer: 'coming', afterMinutes: 10 }],
    });
    await addCallOut('2019-07-10T10:00:00Z', {
      staff: [{ user: 'Sanne Verhoef', networkId: havenId, answer: 'unavailable', afterMinutes: 5 }],
      allies: [{ person: 'Hatice Yıldız-Mulder', networkId: buitenId, reachedAfterMinutes: 30 }],
    });
    await addCallOut('2019-08-10T10:00:00Z', {
      staff: [{ user: 'Sanne Verhoef', networkId: havenId, answer: 'coming', afterMinutes: 90 }],
    });
    await addCallOut('2018-08-10T10:00:00Z', {
      staff: [{ user: 'Sanne Verhoef', networkId: havenId, answer: 'coming', afterMinutes: 1 }],
    });

    const after = await overview(anouk);
    const haven = rowOf(after, havenId);
    const havenBefore = rowOf(before, havenId);
    expect(haven).toMatchObject({
      meetings: { planned: 3, held: 2, cancelled: 1 },
      signals: 3,
      openFollowUps: havenBefore.openFollowUps + 3,
      overdueFollowUps: havenBefore.overdueFollowUps + 1,
      callOuts: { total: 3, reachedWithinHour: 1 },
      coverageGaps: havenBefore.coverageGaps,
    });
    expect(rowOf(after, buitenId)).toMatchObject({
      meetings: { planned: 1, held: 1, cancelled: 0 },
      signals: 0,
      callOuts: { total: 1, reachedWithinHour: 1 },
      evaluation: { heldInPeriod: 1 },
    });
    expect(rowOf(after, stadId)).toEqual(rowOf(before, stadId));
    // Haven's coordinator sees the same numbers for Haven, and nothing of Buiten.
    const own = await overview(sanne);
    expect(own.networks).toEqual([haven]);
    // The last day's late-evening signal belongs to the next day in Amsterdam: a period ending 2020-01-01 has it.
    expect(rowOf(await overview(sanne, '?from=2019-01-01&to=2020-01-01'), havenId).signals).toBe(4);
  });

  it('defaults to the last three months and refuses bad periods as problem+json', async () => {
    const fallback = await overview(sanne, '');
    expect(fallback.to).toBe(fallback.today);
    const months = (Date.parse(fallback.to) - Date.parse(fallback.from)) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(88);
    expect(months).toBeLessThanOrEqual(92);
    for (const [query, field, code] of [
      ['?from=2019-13-01&to=2019-12-31', 'query.from', undefined],
      ['?from=2019-06-01&to=2019-01-01', 'query.to', 'before_start'],
      ['?from=2017-01-01&to=2019-12-31', 'query.to', 'range_too_long'],
    ] as const) {
      const bad = await callApi(server.url, sanne, 'GET', `/api/v1/network-overview${query}`);
      expectSaying(bad.status, query).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, ...(code ? { code } : {}) })]),
      );
    }
    // Two years to the day is allowed.
    expect(
      (await callApi(server.url, sanne, 'GET', '/api/v1/network-overview?from=2018-01-01&to=2019-12-31'))
        .status,
    ).toBe(200);
  });

  it('asks each owner once for all networks: the same number of queries for one network as for all', async () => {
    const queriesFor = async (userName: string) => {
      const counted = countingStatements(server.database.db);
      const db = counted.db;
      const access = await loadAccessProfile(server.database.db, users.get(userName) as string);
      const origin = {
        actorUserId: access.userId,
        channel: 'api',
        clientAddress: null,
        requestId: null,
      } as const;
      const answer = await readNetworkOverview(
        db,
        origin,
        access,
        { from: '2019-01-01', to: '2019-12-31' },
        new Date(),
      );
      return { queries: counted.count(), networks: answer.networks.length };
    };
    const one = await queriesFor('Sanne Verhoef');
    const all = await queriesFor('Anouk Terpstra');
    expect(one.networks).toBe(1);
    expect(all.networks).toBeGreaterThanOrEqual(3);
    // Networks, meetings, signals, coverage gaps, the evaluation's two (network dates, its facts), call-outs, audit.
    expect(all.queries).toBe(one.queries);
    expect(all.queries).toBe(8);
  });

  it('is in the audit trail, one row per view', async () => {
    await sealAuditJournal(server.database.db);
    const before = await server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'network-overview.read')
      .execute();
    await overview(dewi);
    await sealAuditJournal(server.database.db);
    const after = await server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'network-overview.read')
      .execute();
    expect(after.length).toBe(before.length + 1);
  });
});
