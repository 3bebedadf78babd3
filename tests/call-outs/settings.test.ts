import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId, communityId, storeReference, TENANT, userId } from './fixtures.js';

let server: TestServer;
let anouk: string; // functional administrator
let sanne: string; // coordinator in Haven
let petra: string; // secretary in Haven
let sanneId: string;
let jorisId: string;
let fleurId: string;

const PATH = '/api/v1/call-out-settings';
const TEAM_PATH = '/api/v1/call-out-settings/crisis-team';
const valid = {
  backupAfterMinutes: 7,
  minAvailableStaff: 3,
  nextGroupAfterMinutes: 30,
  reminderAfterMinutes: 4,
};

async function storedRows() {
  const db = server.database.db;
  return {
    settings: await db.selectFrom('call_out_settings').selectAll().orderBy('municipality_id').execute(),
    team: await db
      .selectFrom('call_out_crisis_team')
      .selectAll()
      .orderBy('municipality_id')
      .orderBy('user_id')
      .execute(),
  };
}

async function auditAfter(seq: number) {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['seq', 'action', 'object_type', 'object_id', 'result', 'actor_user_id'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
}

async function lastSeq(): Promise<number> {
  await sealAuditJournal(server.database.db);
  const row = await server.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  return Number(row.seq ?? 0);
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  [anouk, sanne, petra] = await Promise.all([
    signInAs(server.url, 'Anouk Terpstra'),
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
  ]);
  sanneId = await userId(db, 'Sanne Verhoef');
  jorisId = await userId(db, 'Joris Amrani');
  fleurId = await userId(db, 'Fleur Oosterhout');
});
afterAll(async () => {
  await server?.close();
});

describe('the call-out settings API', () => {
  it('shows the defaults while no row is stored, and audits the read', async () => {
    const before = await lastSeq();
    const response = await callApi(server.url, anouk, 'GET', PATH);
    expect(response.status).toBe(200);
    const defaults = {
      backupAfterMinutes: 10,
      minAvailableStaff: 2,
      nextGroupAfterMinutes: 20,
      reminderAfterMinutes: 5,
    };
    expect(response.body).toMatchObject({
      settings: defaults,
      defaults,
      isDefault: true,
      crisisTeam: [],
      canEdit: true,
    });
    // Every demo staff member belongs to this (the only) municipality and may be chosen.
    expect(response.body.candidates).toHaveLength(7);
    const audit = await auditAfter(before);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'call-out-settings.read',
        object_type: 'municipality',
        object_id: response.body.municipalityId,
        result: 'success',
      }),
    ]);
  });

  it('stores the four numbers and shows them back', async () => {
    const put = await callApi(server.url, anouk, 'PUT', PATH, valid);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ settings: valid, isDefault: false });
    const get = await callApi(server.url, anouk, 'GET', PATH);
    expect(get.body).toMatchObject({ settings: valid, isDefault: false });
    const { settings } = await storedRows();
    expect(settings).toEqual([
      {
        municipality_id: get.body.municipalityId,
        backup_after_minutes: 7,
        min_available_staff: 3,
        next_group_after_minutes: 30,
        reminder_after_minutes: 4,
      },
    ]);
  });

  it('refuses invalid numbers field by field with problem+json and changes nothing', async () => {
    const before = await storedRows();
    const cases: { input: unknown; field: string }[] = [
      { input: { ...valid, backupAfterMinutes: 0 }, field: 'body.backupAfterMinutes' },
      { input: { ...valid, backupAfterMinutes: 241 }, field: 'body.backupAfterMinutes' },
      { input: { ...valid, backupAfterMinutes: 2.5 }, field: 'body.backupAfterMinutes' },
      { input: { ...valid, minAvailableStaff: -1 }, field: 'body.minAvailableStaff' },
      { input: { ...valid, minAvailableStaff: 101 }, field: 'body.minAvailableStaff' },
      { input: { ...valid, nextGroupAfterMinutes: '20' }, field: 'body.nextGroupAfterMinutes' },
      // The reminder must come before the crisis team is alerted.
      { input: { ...valid, reminderAfterMinutes: 30 }, field: 'body.reminderAfterMinutes' },
      { input: { ...valid, reminderAfterMinutes: undefined }, field: 'body.reminderAfterMinutes' },
      { input: { ...valid, extra: 1 }, field: 'body' },
    ];
    for (const c of cases) {
      const response = await callApi(server.url, anouk, 'PUT', PATH, c.input);
      expect({ field: c.field, status: response.status }).toEqual({ field: c.field, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
    expect(await storedRows()).toEqual(before);
  });

  it('replaces the crisis team with names, numbers and reachability, and audits each change', async () => {
    await storeReference(server.database.db, jorisId, 'http://127.0.0.1:9/connector');
    const before = await lastSeq();
    const put = await callApi(server.url, anouk, 'PUT', TEAM_PATH, { userIds: [sanneId, jorisId] });
    expect(put.status).toBe(200);
    expect(put.body.crisisTeam).toEqual([
      { userId: jorisId, displayName: 'Joris Amrani', phone: '+46701740687', reachable: true },
      { userId: sanneId, displayName: 'Sanne Verhoef', phone: '+46701740686', reachable: false },
    ]);
    const replaced = await callApi(server.url, anouk, 'PUT', TEAM_PATH, { userIds: [jorisId, fleurId] });
    expect(replaced.body.crisisTeam.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [jorisId, fleurId].sort(),
    );
    const audit = (await auditAfter(before)).map((e) => `${e.action} ${e.object_id}`);
    const municipality = put.body.municipalityId;
    expect(audit.sort()).toEqual(
      [
        `call-out-crisis-team.replace ${municipality}`,
        `call-out-crisis-team.add ${sanneId}`,
        `call-out-crisis-team.add ${jorisId}`,
        `call-out-crisis-team.replace ${municipality}`,
        `call-out-crisis-team.add ${fleurId}`,
        `call-out-crisis-team.remove ${sanneId}`,
      ].sort(),
    );
  });

  it('replaces the crisis team for several administrators at once one after the other (the municipality row lock)', async () => {
    const reset = await callApi(server.url, anouk, 'PUT', TEAM_PATH, { userIds: [sanneId] });
    expect(reset.status).toBe(200);
    // Without the lock each request would see the same team and add the same members: a primary-key collision.
    const puts = await Promise.all(
      Array.from({ length: 6 }, () =>
        callApi(server.url, anouk, 'PUT', TEAM_PATH, { userIds: [jorisId, fleurId] }),
      ),
    );
    expect(puts.map((put) => put.status)).toEqual(Array.from({ length: 6 }, () => 200));
    const municipality = reset.body.municipalityId;
    expect((await storedRows()).team.filter((row) => row.municipality_id === municipality)).toEqual(
      [
        { municipality_id: municipality, user_id: jorisId },
        { municipality_id: municipality, user_id: fleurId },
      ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );
  });

  it('replaces the crisis team all or nothing: an unknown id, a duplicate or too many change nothing', async () => {
    const before = await storedRows();
    const unknown = randomUUID();
    const cases: { input: unknown; field: string }[] = [
      { input: { userIds: [sanneId, unknown] }, field: 'body.userIds.1' },
      { input: { userIds: [sanneId, sanneId] }, field: 'body.userIds' },
      { input: { userIds: ['not-an-id'] }, field: 'body.userIds.0' },
      { input: { userIds: Array.from({ length: 51 }, () => randomUUID()) }, field: 'body.userIds' },
      { input: {}, field: 'body.userIds' },
    ];
    for (const c of cases) {
      const response = await callApi(server.url, anouk, 'PUT', TEAM_PATH, c.input);
      expect({ field: c.field, status: response.status }).toEqual({ field: c.field, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
    expect(await storedRows()).toEqual(before);
  });

  it('lets coordinators read without the staff list, and refuses others with an audit row', async () => {
    const read = await callApi(server.url, sanne, 'GET', PATH);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ settings: valid, canEdit: false, candidates: null });

    const before = await lastSeq();
    const stored = await storedRows();
    // Petra is secretary: no reading; Sanne coordinates but does not administer: no changing.
    const refused = [
      await callApi(server.url, petra, 'GET', PATH),
      await callApi(server.url, sanne, 'PUT', PATH, { ...valid, backupAfterMinutes: 1 }),
      await callApi(server.url, sanne, 'PUT', TEAM_PATH, { userIds: [] }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await storedRows()).toEqual(stored);
    const audit = await auditAfter(before);
    expect(audit.map((e) => [e.action, e.result])).toEqual([
      ['call-out-settings.read', 'denied'],
      ['access.denied', 'denied'],
      ['access.denied', 'denied'],
    ]);
  });

  it('uses the new minutes for call-outs started after the change', async () => {
    const db = server.database.db;
    await callApi(server.url, anouk, 'PUT', PATH, {
      backupAfterMinutes: 3,
      minAvailableStaff: 1,
      nextGroupAfterMinutes: 17,
      reminderAfterMinutes: 2,
    });
    const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictieve onrust bij het station',
      ask: 'Peil de achterban',
      placeIds: [await areaId(db, 'Centrum Haven')],
      communityIds: [await communityId(db, 'Marokkaans')],
    });
    expect(started.status).toBe(201);
    const timers = await db
      .selectFrom('call_out_timers')
      .innerJoin('call_outs', 'call_outs.id', 'call_out_timers.call_out_id')
      .select(['call_out_timers.kind', 'call_out_timers.due_at', 'call_outs.started_at'])
      .where('call_out_id', '=', started.body.id)
      .execute();
    const minutesOf = (kind: string) =>
      timers
        .filter((t) => t.kind === kind)
        .map((t) => (new Date(t.due_at).getTime() - new Date(t.started_at).getTime()) / 60_000);
    // Sanne and Joris back each other up in Haven: both get a back-up timer after N = 3 minutes.
    expect(minutesOf('backup-after-no-answer')).toEqual([3, 3]);
    expect(minutesOf('next-group')).toEqual([17]);
    expect(minutesOf('reminder')).toEqual([2]);
  });

  it('refuses a staff member of another municipality and asks which municipality when it is ambiguous', async () => {
    const db = server.database.db;
    const other = await db
      .insertInto('municipalities')
      .values({ name: 'Fictiefdam', cbs_code: 'GM9999', latitude: 52.1, longitude: 5.1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const district = await db
      .insertInto('areas')
      .values({ municipality_id: other.id, parent_id: null, kind: 'district', name: 'Fictief-Noord' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const network = await db
      .insertInto('networks')
      .values({ municipality_id: other.id, area_id: district.id, name: 'Bondgenoten Fictief-Noord' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stranger = await db
      .insertInto('users')
      .values({
        tenant_id: TENANT,
        aad_object_id: randomUUID(),
        display_name: 'Fictieve Buitenstaander',
        organisation: 'gemeente',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('network_roles')
      .values({ network_id: network.id, user_id: stranger.id, role: 'coordinator' })
      .execute();

    // The administrator now serves two municipalities and must name one.
    const ambiguous = await callApi(server.url, anouk, 'GET', PATH);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.municipalityId']);

    const almere = (await callApi(server.url, sanne, 'GET', PATH)).body.municipalityId as string;
    const before = await storedRows();
    const refused = await callApi(server.url, anouk, 'PUT', `${TEAM_PATH}?municipalityId=${almere}`, {
      userIds: [jorisId, stranger.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'body.userIds.1',
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not a staff member of this municipality',
      },
    ]);
    expect(await storedRows()).toEqual(before);

    // In their own municipality they are staff; its settings are separate and start at the defaults.
    const own = await callApi(server.url, anouk, 'PUT', `${TEAM_PATH}?municipalityId=${other.id}`, {
      userIds: [stranger.id],
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ municipalityId: other.id, isDefault: true });
    expect(own.body.candidates.map((c: { userId: string }) => c.userId)).toContain(stranger.id);
    expect(own.body.candidates.map((c: { userId: string }) => c.userId)).not.toContain(sanneId);
    const almereTeam = await callApi(server.url, anouk, 'GET', `${PATH}?municipalityId=${almere}`);
    expect(almereTeam.body.crisisTeam.map((m: { userId: string }) => m.userId)).not.toContain(stranger.id);
  });
});
