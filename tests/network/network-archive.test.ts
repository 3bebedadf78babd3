import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { areaId, communityId } from '../call-outs/fixtures.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;
let sanne: string;
let municipalityId: string;
let havenId: string;

const networksPath = () => `/api/v1/municipalities/${municipalityId}/networks`;
const overviewNames = async () => {
  const overview = await callApi(server.url, admin, 'GET', '/api/v1/areas');
  return overview.body.municipalities.flatMap((m: { districts: { networks: { name: string }[] }[] }) =>
    m.districts.flatMap((d) => d.networks.map((n) => n.name)),
  );
};
const callOutNetworks = async () => {
  const preview = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs/preview', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve vechtpartij bij het winkelcentrum',
    ask: 'Kom naar het buurthuis',
    placeIds: [await areaId(server.database.db, 'Centrum Haven')],
    communityIds: [await communityId(server.database.db, 'Marokkaans')],
  });
  // With Haven archived no network covers Centrum Haven: nobody to alert (422), not a call-out to Haven.
  if (preview.status === 422) {
    expect(preview.body.detail).toContain('No network covers the chosen wijken');
    return [];
  }
  expect(preview.status).toBe(200);
  return preview.body.networks.map((n: { name: string }) => n.name);
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
});
afterAll(async () => {
  await server.close();
});

describe('archiving a network', () => {
  it('lists every network of the municipality with its status and area', async () => {
    const list = await callApi(server.url, admin, 'GET', networksPath());
    expect(list.status).toBe(200);
    expect(list.body.find((n: { id: string }) => n.id === havenId)).toMatchObject({
      name: 'Bondgenoten Haven',
      status: expect.stringMatching(/^(starting|active|paused)$/),
      areaName: expect.any(String),
      areaKind: expect.stringMatching(/^(district|neighbourhood)$/),
    });
    const unknown = await callApi(
      server.url,
      admin,
      'GET',
      '/api/v1/municipalities/00000000-0000-4000-8000-0000000000aa/networks',
    );
    expect(unknown.status).toBe(404);
  });

  it('drops the network out of the overview, call-outs and the planner, but keeps its records', async () => {
    expect(await overviewNames()).toContain('Bondgenoten Haven');
    expect(await callOutNetworks()).toContain('Bondgenoten Haven');

    const archived = await callApi(server.url, admin, 'PATCH', `/api/v1/networks/${havenId}`, {
      status: 'archived',
    });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');

    expect(await overviewNames()).not.toContain('Bondgenoten Haven');
    expect(await callOutNetworks()).not.toContain('Bondgenoten Haven');
    const plan = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/networks/${havenId}/meetings/plan-preview`,
      {},
    );
    expect(plan.status).toBe(409);
    expect(plan.headers.get('content-type')).toContain('application/problem+json');

    // The records stay: the network page still opens, its people are still there, and the list shows it.
    const detail = await callApi(server.url, admin, 'GET', `/api/v1/networks/${havenId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('archived');
    expect(detail.body.allies.length).toBeGreaterThan(0);
    const list = await callApi(server.url, admin, 'GET', networksPath());
    expect(list.body.find((n: { id: string }) => n.id === havenId).status).toBe('archived');

    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', havenId)
      .where('action', 'in', ['network.archive', 'network.restore'])
      .execute();
    expect(audited.map((row) => row.action)).toEqual(['network.archive']);
  });

  it('restores the network into the overview and call-outs', async () => {
    const restored = await callApi(server.url, admin, 'PATCH', `/api/v1/networks/${havenId}`, {
      status: 'active',
    });
    expect(restored.body.status).toBe('active');
    expect(await overviewNames()).toContain('Bondgenoten Haven');
    expect(await callOutNetworks()).toContain('Bondgenoten Haven');
  });

  it('restores no network whose area was archived meanwhile (409, nothing changed)', async () => {
    const district = await callApi(
      server.url,
      admin,
      'POST',
      `/api/v1/municipalities/${municipalityId}/areas`,
      {
        kind: 'district',
        name: 'Fictief Oostkwartier',
      },
    );
    expect(district.status).toBe(201);
    const network = await callApi(server.url, admin, 'POST', '/api/v1/networks', {
      name: 'Bondgenoten Oostkwartier',
      areaId: district.body.id,
    });
    expect(network.status).toBe(201);
    const path = `/api/v1/networks/${network.body.id}`;
    expect((await callApi(server.url, admin, 'PATCH', path, { status: 'archived' })).status).toBe(200);
    const areaArchived = await callApi(
      server.url,
      admin,
      'PATCH',
      `/api/v1/municipalities/${municipalityId}/areas/${district.body.id}`,
      { archived: true },
    );
    expect(areaArchived.status).toBe(200);
    const refused = await callApi(server.url, admin, 'PATCH', path, { status: 'active', name: 'Nieuw' });
    expect(refused.status).toBe(409);
    const list = await callApi(server.url, admin, 'GET', networksPath());
    expect(list.body.find((n: { id: string }) => n.id === network.body.id)).toMatchObject({
      name: 'Bondgenoten Oostkwartier',
      status: 'archived',
    });
  });

  it('refuses an unknown status and a coordinator who tries to archive', async () => {
    const bad = await callApi(server.url, admin, 'PATCH', `/api/v1/networks/${havenId}`, { status: 'gone' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.status');
    const coordinator = await callApi(server.url, sanne, 'PATCH', `/api/v1/networks/${havenId}`, {
      status: 'archived',
    });
    expect(coordinator.status).toBe(403);
  });
});

describe('the ally limits', () => {
  it('are read by administrators and refused when the hard limit lies below the soft one', async () => {
    const path = `/api/v1/municipalities/${municipalityId}/settings`;
    const read = await callApi(server.url, admin, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ allySoftLimit: expect.any(Number), allyHardLimit: expect.any(Number) });
    const bad = await callApi(server.url, admin, 'PUT', path, { allySoftLimit: 9, allyHardLimit: 8 });
    expect(bad.status).toBe(400);
    expect((await callApi(server.url, admin, 'GET', path)).body).toEqual(read.body);
    expect((await callApi(server.url, sanne, 'GET', path)).status).toBe(403);
  });
});
