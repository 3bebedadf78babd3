import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createEmptyTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;
let petra: string;
let municipalityId: string;

beforeAll(async () => {
  server = await startTestServer();
  [admin, petra] = await Promise.all([
    signInAs(server.url, 'Anouk Terpstra'),
    signInAs(server.url, 'Petra Lindeboom'),
  ]);
  municipalityId = (
    await server.database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

const communities = () => `/api/v1/municipalities/${municipalityId}/communities`;

describe('migration 0013', () => {
  it('derives traditions once from the names the planner used to know, and leaves other names empty', async () => {
    const before = await mkdtemp(join(tmpdir(), 'bg-migrations-'));
    const handle = await createEmptyTestDatabase();
    try {
      for (const file of await readdir(MIGRATIONS_DIR))
        if (file < '0013') await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      await migrateToLatest(handle, before);
      const { id } = await handle.db
        .insertInto('municipalities')
        .values({ name: 'Fictiefdorp', cbs_code: 'GM9999', latitude: 52, longitude: 5 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const names = {
        Marokkaans: 'origin',
        ' hindoestaans ': 'religion',
        Moslims: 'religion',
        Jongeren: 'group',
      };
      await handle.db
        .insertInto('communities')
        .values(
          Object.entries(names).map(([name, category]) => ({
            municipality_id: id,
            name,
            category: category as 'religion' | 'origin' | 'group',
          })),
        )
        .execute();
      await migrateToLatest(handle);
      const rows = await handle.db
        .selectFrom('communities')
        .select(['name', 'traditions'])
        .orderBy('name')
        .execute();
      expect(Object.fromEntries(rows.map((r) => [r.name, r.traditions]))).toEqual({
        ' hindoestaans ': ['hindu', 'keti-koti'],
        Jongeren: [],
        Marokkaans: ['islamic'],
        Moslims: [],
      });
    } finally {
      await handle.close();
      await rm(before, { recursive: true, force: true });
    }
  });
});

describe('communities with kind and traditions', () => {
  it('creates a community with traditions and warns about a faith community without one', async () => {
    const linde = await callApi(server.url, admin, 'POST', communities(), {
      name: 'Gemeenschap De Linde',
      category: 'religion',
      traditions: ['islamic'],
    });
    expect(linde.status).toBe(201);
    expect(linde.body).toMatchObject({ traditions: ['islamic'], warnings: [], archived: false });
    const moslims = await callApi(server.url, admin, 'POST', communities(), {
      name: 'Moslims',
      category: 'religion',
    });
    expect(moslims.body).toMatchObject({ traditions: [], warnings: ['no-tradition'] });
    const list = await callApi(server.url, admin, 'GET', communities());
    const demo = list.body.find((c: { name: string }) => c.name === 'Hindoestaans');
    expect(demo).toMatchObject({ category: 'religion', traditions: ['hindu', 'keti-koti'], warnings: [] });

    // Setting the kind to group clears the warning; setting a tradition does too.
    const regrouped = await callApi(server.url, admin, 'PATCH', `${communities()}/${moslims.body.id}`, {
      category: 'group',
    });
    expect(regrouped.body.find((c: { id: string }) => c.id === moslims.body.id).warnings).toEqual([]);
  });

  it('renames, refuses a taken name with 409 and bad input with 400 naming the field, changing nothing', async () => {
    const created = await callApi(server.url, admin, 'POST', communities(), {
      name: 'Eritrees',
      category: 'origin',
    });
    const taken = await callApi(server.url, admin, 'PATCH', `${communities()}/${created.body.id}`, {
      name: 'Joods',
    });
    expect(taken.status).toBe(409);
    expect(taken.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const unknown = await callApi(server.url, admin, 'PATCH', `${communities()}/${created.body.id}`, {
      traditions: ['pastafarian'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.traditions.0');
    const twice = await callApi(server.url, admin, 'PATCH', `${communities()}/${created.body.id}`, {
      traditions: ['jewish', 'jewish'],
    });
    expect(twice.body.errors).toEqual([
      { field: 'body.traditions', code: 'duplicate', message: 'lists a tradition twice' },
    ]);
    expect(
      (await callApi(server.url, admin, 'PATCH', `${communities()}/${created.body.id}`, {})).status,
    ).toBe(400);
    const renamed = await callApi(server.url, admin, 'PATCH', `${communities()}/${created.body.id}`, {
      name: 'Eritrees-Nederlands',
      traditions: ['christian'],
    });
    expect(renamed.body.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({
      name: 'Eritrees-Nederlands',
      traditions: ['christian'],
    });
    const missing = await callApi(
      server.url,
      admin,
      'PATCH',
      `${communities()}/00000000-0000-4000-8000-0000000000aa`,
      { archived: true },
    );
    expect(missing.status).toBe(404);
    await sealAuditJournal(server.database.db);
    const actions = await server.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', created.body.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['community.create', 'community.update']);
  });

  it('derives the network planning from traditions, and warns the secretary about one without', async () => {
    const db = server.database.db;
    const network = await db
      .selectFrom('networks')
      .innerJoin('network_roles', 'network_roles.network_id', 'networks.id')
      .innerJoin('users', 'users.id', 'network_roles.user_id')
      .select('networks.id')
      .where('users.display_name', '=', 'Petra Lindeboom')
      .where('network_roles.role', '=', 'secretary')
      .executeTakeFirstOrThrow();
    const settings = async () =>
      (await callApi(server.url, petra, 'GET', `/api/v1/networks/${network.id}/meeting-settings`)).body;
    const derivedBefore: string[] = (await settings()).observances.derived;
    // A fictional key figure in a faith community whose name tells the planner nothing.
    const chorus = await callApi(server.url, admin, 'POST', communities(), {
      name: 'Het Koor',
      category: 'religion',
    });
    const person = await db
      .insertInto('people')
      .values({ municipality_id: municipalityId, display_name: 'Fictieve Zanger', kind: 'key_figure' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('network_people').values({ network_id: network.id, person_id: person.id }).execute();
    await db
      .insertInto('person_communities')
      .values({ person_id: person.id, community_id: chorus.body.id })
      .execute();
    const warned = await settings();
    expect(warned.observances.derived).toEqual(derivedBefore);
    expect(warned.warnings.map((w: { code: string }) => w.code)).toContain('community-without-tradition');
    expect(
      warned.warnings.find((w: { code: string }) => w.code === 'community-without-tradition').nl,
    ).toContain('Het Koor');
    const preview = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${network.id}/meetings/plan-preview`,
      {
        from: '2027-01-04',
        to: '2027-03-31',
      },
    );
    expect(preview.body.warnings.map((w: { code: string }) => w.code)).toContain(
      'community-without-tradition',
    );

    await callApi(server.url, admin, 'PATCH', `${communities()}/${chorus.body.id}`, {
      traditions: ['chinese'],
    });
    const fixed = await settings();
    expect(fixed.observances.derived).toContain('chinese');
    expect(fixed.warnings.map((w: { code: string }) => w.code)).not.toContain('community-without-tradition');
  });
});
