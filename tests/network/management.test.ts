import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;
let sanne: string;
let municipalityId: string;
let havenId: string;

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
});
afterAll(async () => {
  await server.close();
});

describe('networks', () => {
  it('lets an administrator start a network for an area, which the overview then shows', async () => {
    const poort = (
      await server.database.db
        .selectFrom('areas')
        .select('id')
        .where('name', '=', 'Poort')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await callApi(server.url, admin, 'POST', '/api/v1/networks', {
      name: 'Bondgenoten Poort',
      areaId: poort,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Bondgenoten Poort', status: 'starting', foundedOn: null });
    const overview = await callApi(server.url, admin, 'GET', '/api/v1/areas');
    const district = overview.body.municipalities[0].districts.find(
      (d: { name: string }) => d.name === 'Poort',
    );
    expect(district.networks.map((n: { name: string }) => n.name)).toEqual(['Bondgenoten Poort']);
    const duplicate = await callApi(server.url, admin, 'POST', '/api/v1/networks', {
      name: 'Bondgenoten Poort',
      areaId: poort,
    });
    expect(duplicate.status).toBe(409);
    const nowhere = await callApi(server.url, admin, 'POST', '/api/v1/networks', {
      name: 'Bondgenoten Nergens',
      areaId: '00000000-0000-4000-8000-0000000000aa',
    });
    expect(nowhere.body.errors).toEqual([
      {
        field: 'body.areaId',
        code: 'unknown_reference',
        kind: 'area',
        message: 'is not an active district or neighbourhood',
      },
    ]);
    const active = await callApi(server.url, admin, 'PATCH', `/api/v1/networks/${created.body.id}`, {
      status: 'active',
      foundedOn: '2026-11-23',
    });
    expect(active.body).toMatchObject({ status: 'active', foundedOn: '2026-11-23' });
  });

  it('refuses a coordinator who tries to start a network', async () => {
    expect(
      (await callApi(server.url, sanne, 'POST', '/api/v1/networks', { name: 'X', areaId: havenId })).status,
    ).toBe(403);
  });
});

describe('the managed list of communities', () => {
  it('is extended by administrators; an archived community is no longer offered but stays on people', async () => {
    const added = await callApi(
      server.url,
      admin,
      'POST',
      `/api/v1/municipalities/${municipalityId}/communities`,
      {
        name: 'Eritrees',
        category: 'origin',
      },
    );
    expect(added.status).toBe(201);
    const again = await callApi(
      server.url,
      admin,
      'POST',
      `/api/v1/municipalities/${municipalityId}/communities`,
      {
        name: 'Eritrees',
        category: 'origin',
      },
    );
    expect(again.status).toBe(409);
    const offered = async () =>
      (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/communities`)).body.map(
        (c: { name: string }) => c.name,
      );
    expect(await offered()).toContain('Eritrees');
    const archived = await callApi(
      server.url,
      admin,
      'PATCH',
      `/api/v1/municipalities/${municipalityId}/communities/${added.body.id}`,
      {
        archived: true,
      },
    );
    expect(archived.body.find((c: { name: string }) => c.name === 'Eritrees').archived).toBe(true);
    expect(await offered()).not.toContain('Eritrees');
  });
});

describe('size limits', () => {
  it('are set per municipality, with the hard limit never below the soft one', async () => {
    const bad = await callApi(server.url, admin, 'PUT', `/api/v1/municipalities/${municipalityId}/settings`, {
      allySoftLimit: 12,
      allyHardLimit: 10,
    });
    expect(bad.body.errors).toEqual([
      {
        field: 'body.allyHardLimit',
        code: 'too_small',
        kind: 'soft-limit',
        message: 'must be at least the soft limit',
      },
    ]);
    const good = await callApi(
      server.url,
      admin,
      'PUT',
      `/api/v1/municipalities/${municipalityId}/settings`,
      {
        allySoftLimit: 4,
        allyHardLimit: 12,
      },
    );
    expect(good.status).toBe(200);
    const network = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`);
    expect(network.body.limits).toEqual({ soft: 4, hard: 12 });
    expect(network.body.warnings).toContainEqual({
      code: 'over-soft-limit',
      count: 5,
      limit: 4,
      userIds: [],
    });
  });
});
