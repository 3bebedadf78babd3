import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;
let sanne: string;
let municipalityId: string;
let havenId: string;
let yasminaId: string;

/** The id of a demo organisation (by name) or relation type (by label). */
const idOf = async (table: 'organisations' | 'relation_types', value: string) => {
  const db = server.database.db;
  const query =
    table === 'organisations'
      ? db.selectFrom('organisations').select('id').where('name', '=', value)
      : db.selectFrom('relation_types').select('id').where('label', '=', value);
  return (await query.executeTakeFirstOrThrow()).id;
};

beforeAll(async () => {
  server = await startTestServer();
  [admin, sanne] = await Promise.all([
    signInAs(server.url, 'Anouk Terpstra'),
    signInAs(server.url, 'Sanne Verhoef'),
  ]);
  const db = server.database.db;
  municipalityId = (await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Yasmina el Ouali')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

const base = (id = municipalityId) => `/api/v1/municipalities/${id}`;

describe('organisations', () => {
  it('are created, renamed and listed with their usage; bad input and taken names are refused', async () => {
    const created = await callApi(server.url, admin, 'POST', `${base()}/organisations`, {
      name: 'Stichting De Brug (fictief)',
      kind: 'stichting',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'stichting',
      archived: false,
      usage: { relations: 0, people: 0 },
    });
    const again = await callApi(server.url, admin, 'POST', `${base()}/organisations`, {
      name: 'Stichting De Brug (fictief)',
      kind: 'stichting',
    });
    expect(again.status).toBe(409);
    const bad = await callApi(server.url, admin, 'POST', `${base()}/organisations`, { name: 'X', kind: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.kind', 'body.name']);
    const renamed = await callApi(server.url, admin, 'PATCH', `${base()}/organisations/${created.body.id}`, {
      name: 'Stichting De Nieuwe Brug (fictief)',
    });
    expect(renamed.body.find((o: { id: string }) => o.id === created.body.id).name).toBe(
      'Stichting De Nieuwe Brug (fictief)',
    );
    const clash = await callApi(server.url, admin, 'PATCH', `${base()}/organisations/${created.body.id}`, {
      name: 'Moskee Al-Fajr (fictief)',
    });
    expect(clash.status).toBe(409);
    const list = await callApi(server.url, admin, 'GET', `${base()}/organisations`);
    expect(list.body.find((o: { name: string }) => o.name === 'Moskee Al-Fajr (fictief)').usage).toEqual({
      relations: 1,
      people: 0,
    });
    expect((await callApi(server.url, sanne, 'GET', `${base()}/organisations`)).status).toBe(403);
  });

  it('refuses to delete one in use (409 naming the use, nothing changed) and deletes an unused one', async () => {
    const mosque = await idOf('organisations', 'Moskee Al-Fajr (fictief)');
    const refused = await callApi(server.url, admin, 'DELETE', `${base()}/organisations/${mosque}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This organisation is in use by 1 relation(s) and 0 person(s); archive it instead.',
    );
    expect(await idOf('organisations', 'Moskee Al-Fajr (fictief)')).toBe(mosque);
    const spare = await callApi(server.url, admin, 'POST', `${base()}/organisations`, {
      name: 'Tijdelijke Club (fictief)',
      kind: 'club',
    });
    expect(
      (await callApi(server.url, admin, 'DELETE', `${base()}/organisations/${spare.body.id}`)).status,
    ).toBe(204);
    expect(
      (await callApi(server.url, admin, 'DELETE', `${base()}/organisations/${spare.body.id}`)).status,
    ).toBe(404);
    await sealAuditJournal(server.database.db);
    const actions = await server.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', spare.body.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['organisation.create', 'organisation.delete']);
  });
});

describe('relation types', () => {
  it('are created with both labels and a target kind, and refused when taken or malformed', async () => {
    const created = await callApi(server.url, admin, 'POST', `${base()}/relation-types`, {
      label: 'is trainer bij',
      inverseLabel: 'heeft als trainer',
      targetKind: 'organisation',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ targetKind: 'organisation', usage: { relations: 0 } });
    const taken = await callApi(server.url, admin, 'POST', `${base()}/relation-types`, {
      label: 'is trainer bij',
      inverseLabel: 'x x',
      targetKind: 'organisation',
    });
    expect(taken.status).toBe(409);
    const bad = await callApi(server.url, admin, 'POST', `${base()}/relation-types`, {
      label: 'kent ook',
      inverseLabel: 'kent ook',
      targetKind: 'animal',
    });
    expect(bad.body.errors[0].field).toBe('body.targetKind');
    const noKindChange = await callApi(
      server.url,
      admin,
      'PATCH',
      `${base()}/relation-types/${created.body.id}`,
      {
        targetKind: 'person',
      },
    );
    expect(noKindChange.status).toBe(400);
    const used = await idOf('relation_types', 'kent');
    const refused = await callApi(server.url, admin, 'DELETE', `${base()}/relation-types/${used}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('This relation type is in use by 1 relation(s); archive it instead.');
    expect(
      (await callApi(server.url, admin, 'DELETE', `${base()}/relation-types/${created.body.id}`)).status,
    ).toBe(204);
  });
});

describe('archived entries', () => {
  it('stay on existing relations but are no longer offered or accepted for new ones', async () => {
    const mosque = await idOf('organisations', 'Moskee Al-Fajr (fictief)');
    const board = await idOf('relation_types', 'is bestuurslid van');
    const worksAt = await idOf('relation_types', 'werkt bij');
    await callApi(server.url, admin, 'PATCH', `${base()}/organisations/${mosque}`, { archived: true });
    await callApi(server.url, admin, 'PATCH', `${base()}/relation-types/${board}`, { archived: true });

    const relations = await callApi(server.url, sanne, 'GET', `/api/v1/people/${yasminaId}/relations`);
    expect(relations.body).toContainEqual(
      expect.objectContaining({
        label: 'is bestuurslid van',
        other: expect.objectContaining({ name: 'Moskee Al-Fajr (fictief)' }),
      }),
    );
    const choices = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/relation-choices`);
    expect(choices.body.organisations.map((o: { id: string }) => o.id)).not.toContain(mosque);
    expect(choices.body.relationTypes.map((t: { id: string }) => t.id)).not.toContain(board);

    const archivedType = await callApi(server.url, sanne, 'POST', `/api/v1/people/${yasminaId}/relations`, {
      relationTypeId: board,
      organisationId: mosque,
    });
    expect(archivedType.body.errors).toEqual([
      {
        field: 'body.relationTypeId',
        code: 'unknown_reference',
        kind: 'relation-type',
        message: 'is not a relation type of this municipality',
      },
    ]);
    const archivedOrganisation = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/people/${yasminaId}/relations`,
      {
        relationTypeId: worksAt,
        organisationId: mosque,
      },
    );
    expect(archivedOrganisation.body.errors).toEqual([
      {
        field: 'body.organisationId',
        code: 'unknown_reference',
        kind: 'organisation',
        message: 'is not an organisation of this municipality',
      },
    ]);

    const restored = await callApi(server.url, admin, 'PATCH', `${base()}/organisations/${mosque}`, {
      archived: false,
    });
    expect(restored.body.find((o: { id: string }) => o.id === mosque).archived).toBe(false);
  });
});

describe('an empty municipality', () => {
  it('starts with empty lists and is filled through the API alone', async () => {
    const { id } = await server.database.db
      .insertInto('municipalities')
      .values({ name: 'Fictiefdorp', cbs_code: 'GM9998', latitude: 52.1, longitude: 5.1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const list of ['communities', 'organisations', 'relation-types'])
      expect((await callApi(server.url, admin, 'GET', `${base(id)}/${list}`)).body).toEqual([]);
    const community = await callApi(server.url, admin, 'POST', `${base(id)}/communities`, {
      name: 'Joodse gemeenschap',
      category: 'religion',
      traditions: ['jewish'],
    });
    expect(community.status).toBe(201);
    const organisation = await callApi(server.url, admin, 'POST', `${base(id)}/organisations`, {
      name: 'Synagoge (fictief)',
      kind: 'synagoge',
    });
    expect(organisation.status).toBe(201);
    const type = await callApi(server.url, admin, 'POST', `${base(id)}/relation-types`, {
      label: 'is voorzitter van',
      inverseLabel: 'heeft als voorzitter',
      targetKind: 'organisation',
    });
    expect(type.status).toBe(201);
    // An organisation of another municipality cannot be changed through this one.
    const mosque = await idOf('organisations', 'Moskee Al-Fajr (fictief)');
    expect(
      (await callApi(server.url, admin, 'PATCH', `${base(id)}/organisations/${mosque}`, { kind: 'x' }))
        .status,
    ).toBe(404);
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    expect((await callApi(server.url, admin, 'GET', `${base(unknown)}/organisations`)).status).toBe(404);
  });
});
