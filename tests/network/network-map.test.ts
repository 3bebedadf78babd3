import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { DEMO_MOBILE_PATTERN } from '../../src/server/seed/demo-phones.js';
import { admitAllyForTest } from '../helpers/admit-ally.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven and Stad
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;

/** Looks up a seeded row's id by its name (test setup only). */
async function idOf(
  table: 'people' | 'areas' | 'communities' | 'users',
  column: 'display_name' | 'name',
  value: string,
): Promise<string> {
  const { rows } = await sql<{
    id: string;
  }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(server.database.db);
  if (!rows[0]) throw new Error(`no ${table} row named ${value}`);
  return rows[0].id;
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
});
afterAll(async () => {
  await server.close();
});

describe('the network page', () => {
  it('shows allies, key figures, staff with back-ups, communities and warnings — without contact data', async () => {
    const result = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`);
    expect(result.status).toBe(200);
    const network = result.body;
    expect(network.allies).toHaveLength(5);
    expect(network.keyFigures.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Bas Wolters',
      'Ilse Brandsma',
      'Ravi Ramsaran-Tol',
    ]);
    expect(
      network.staff.find((s: { displayName: string }) => s.displayName === 'Sanne Verhoef').backup
        .displayName,
    ).toBe('Joris Amrani');
    expect(network.warnings.map((w: { code: string }) => w.code)).toEqual([
      'staff-without-backup',
      'coverage-gaps',
    ]);
    expect(network.warnings[1].count).toBe(3);
    expect(JSON.stringify(network)).not.toMatch(/example\.org/);
    expect(JSON.stringify(network)).not.toMatch(DEMO_MOBILE_PATTERN);
    expect(network.myRole).toBe('coordinator');
  });

  it('is refused to staff of other networks', async () => {
    expect((await callApi(server.url, fleur, 'GET', `/api/v1/networks/${havenId}`)).status).toBe(403);
  });
});

describe('people: need-to-know, rules and the coverage gap', () => {
  it('shows a person with contact data to staff of their network, audits it, and hides them from others', async () => {
    const yasmina = await idOf('people', 'display_name', 'Yasmina el Ouali');
    const seen = await callApi(server.url, petra, 'GET', `/api/v1/people/${yasmina}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      displayName: 'Yasmina el Ouali',
      mobile: expect.stringMatching(DEMO_MOBILE_PATTERN),
      version: 1,
    });
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('action', '=', 'person.read')
      .execute();
    expect(audit).toContainEqual({ action: 'person.read', object_id: yasmina });
    const hidden = await callApi(server.url, fleur, 'GET', `/api/v1/people/${yasmina}`);
    expect(hidden.status).toBe(404);
    const unknown = await callApi(
      server.url,
      sanne,
      'GET',
      '/api/v1/people/00000000-0000-4000-8000-00000000dead',
    );
    expect(unknown.status).toBe(404);
  });

  it('walks a coordinator through adding a key figure, making her an ally, and closing a gap', async () => {
    const coverage = async () =>
      (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/coverage`)).body;
    const before = await coverage();
    const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictieve Schoolleider',
      neighbourhoodId: await idOf('areas', 'name', 'De Velden'),
      communityIds: [await idOf('communities', 'name', 'Scholen')],
      mobile: '06-12345678',
      consentDate: '2026-11-01',
    });
    expect(created.status).toBe(201);
    expect(created.body.person).toMatchObject({ kind: 'key_figure', mobile: '+31612345678', version: 1 });
    expect((await coverage()).gaps).toBe(before.gaps);

    // The people API refuses to make an ally (selection admits them, issue 16); admission closes the gap.
    const promoted = await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${created.body.person.id}`, {
      version: 1,
      kind: 'ally',
    });
    expect(promoted.status).toBe(422);
    expect(promoted.body.reason).toBe('ally-needs-selection');
    await admitAllyForTest(server.database.db, havenId, { personId: created.body.person.id });
    const admitted = await callApi(server.url, sanne, 'GET', `/api/v1/people/${created.body.person.id}`);
    expect(admitted.body).toMatchObject({ kind: 'ally', version: 2 });
    expect((await coverage()).gaps).toBe(before.gaps - 1);
    const stale = await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${created.body.person.id}`, {
      version: 1,
      kind: 'key_figure',
    });
    expect(stale.status).toBe(409);
  });

  it('never makes a professional of the regular network an ally, and changes nothing', async () => {
    const bas = await idOf('people', 'display_name', 'Bas Wolters');
    const result = await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${bas}`, {
      version: 1,
      kind: 'ally',
    });
    expect(result.status).toBe(422);
    expect(result.body.errors[0]).toMatchObject({ field: 'body.kind', code: 'ally_via_selection' });
    // Admission through selection applies the rule too.
    await expect(admitAllyForTest(server.database.db, havenId, { personId: bas })).rejects.toMatchObject({
      errors: [
        expect.objectContaining({
          code: 'rule_professional',
          message: expect.stringContaining('never an ally'),
        }),
      ],
    });
    expect((await callApi(server.url, sanne, 'GET', `/api/v1/people/${bas}`)).body).toMatchObject({
      kind: 'key_figure',
      version: 1,
    });
  });

  it('names each bad field and stores nothing', async () => {
    const result = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: '',
      mobile: '12',
      neighbourhoodId: 'haven',
    });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.consentDate',
      'body.displayName',
      'body.neighbourhoodId',
    ]);
    const badPhone = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictief Persoon',
      mobile: '12',
      consentDate: '2026-11-01',
    });
    expect(badPhone.body.errors).toEqual([
      { field: 'body.mobile', code: 'invalid_phone', message: expect.stringContaining('valid phone number') },
    ]);
    const noConsent = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictief Persoon',
    });
    expect(noConsent.body.errors).toEqual([
      { field: 'body.consentDate', code: 'required', message: 'is required when the legal basis is consent' },
    ]);
    const district = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictief Persoon',
      consentDate: '2026-11-01',
      neighbourhoodId: await idOf('areas', 'name', 'Haven'),
    });
    expect(district.body.errors).toEqual([
      {
        field: 'body.neighbourhoodId',
        code: 'unknown_reference',
        kind: 'neighbourhood',
        message: 'is not a neighbourhood of this municipality',
      },
    ]);
    const count = await server.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('display_name', '=', 'Fictief Persoon')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lets only coordinators add people', async () => {
    const result = await callApi(server.url, petra, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictief Persoon',
      consentDate: '2026-11-01',
    });
    expect(result.status).toBe(403);
  });
});

describe('size limits per municipality', () => {
  it('warns above the soft limit and refuses above the hard limit, also when two additions race', async () => {
    const allies = Number(
      (
        await server.database.db
          .selectFrom('network_people')
          .innerJoin('people', 'people.id', 'network_people.person_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('network_id', '=', havenId)
          .where('kind', '=', 'ally')
          .executeTakeFirstOrThrow()
      ).n,
    );
    await server.database.db
      .updateTable('municipalities')
      .set({ ally_soft_limit: allies, ally_hard_limit: allies + 1 })
      .execute();
    // Two admissions at once (selection's second approvals): the network row lock makes them queue.
    const addAlly = (name: string) =>
      admitAllyForTest(server.database.db, havenId, { person: { displayName: name } });
    const [first, second] = await Promise.allSettled([
      addAlly('Fictieve Bondgenoot A'),
      addAlly('Fictieve Bondgenoot B'),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual(['fulfilled', 'rejected']);
    const accepted = first.status === 'fulfilled' ? first : second;
    expect(accepted.status === 'fulfilled' && accepted.value.warnings).toEqual([
      { code: 'over-soft-limit', count: allies + 1, limit: allies, userIds: [] },
    ]);
    const refused = first.status === 'rejected' ? first : second;
    expect(refused.status === 'rejected' && refused.reason.detail).toContain(`the limit is ${allies + 1}`);
  });
});

describe('staff back-ups and relevance', () => {
  it('clears the back-up warning once every staff member at the table has one', async () => {
    const petraId = await idOf('users', 'display_name', 'Petra Lindeboom');
    const joris = await idOf('users', 'display_name', 'Joris Amrani');
    const result = await callApi(
      server.url,
      sanne,
      'PUT',
      `/api/v1/networks/${havenId}/roles/${petraId}/backup`,
      { backupUserId: joris },
    );
    expect(result.status).toBe(200);
    const network = (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`)).body;
    expect(network.warnings.map((w: { code: string }) => w.code)).not.toContain('staff-without-backup');
    const self = await callApi(
      server.url,
      sanne,
      'PUT',
      `/api/v1/networks/${havenId}/roles/${petraId}/backup`,
      { backupUserId: petraId },
    );
    expect(self.status).toBe(400);
  });

  it('opens a gap when a community without an ally is marked relevant in a neighbourhood', async () => {
    const before = (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/coverage`)).body;
    const result = await callApi(server.url, sanne, 'PUT', `/api/v1/networks/${havenId}/coverage/relevance`, {
      neighbourhoodId: await idOf('areas', 'name', 'De Werven'),
      communityIds: [
        await idOf('communities', 'name', 'Protestants'),
        await idOf('communities', 'name', 'Syrisch'),
      ],
    });
    expect(result.status).toBe(200);
    expect(result.body.gaps).toBe(before.gaps + 1);
    const foreign = await callApi(
      server.url,
      sanne,
      'PUT',
      `/api/v1/networks/${havenId}/coverage/relevance`,
      {
        neighbourhoodId: await idOf('areas', 'name', 'Muziekwijk'),
        communityIds: [],
      },
    );
    expect(foreign.status).toBe(400);
  });
});
