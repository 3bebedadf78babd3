import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { createDirectory } from '../../src/server/adapters.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { HOME_TENANT, type M365Fixture, POLICE_TENANT, startM365Fixture } from '../m365/m365-fixture.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';

describe('adding staff from the directory (local run: the demo staff table)', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAs(server.url, 'Anouk Terpstra');
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds colleagues by part of their name, marking the ones already known', async () => {
    const result = await callApi(server.url, admin, 'GET', '/api/v1/directory/users?q=dewi');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      users: [
        expect.objectContaining({
          displayName: 'Dewi Sastromedjo',
          tenantId: DEMO_TENANT_ID,
          organisation: expect.any(String),
          userId: expect.any(String),
        }),
      ],
      unsearched: [],
    });
  });

  it('refuses a tenant that is not one of the app’s, naming the field, as problem+json', async () => {
    const objectId = '00000000-0000-4000-8000-0000000000ee';
    const foreign = await callApi(server.url, admin, 'POST', '/api/v1/staff', {
      objectId,
      tenantId: '55555555-5555-4555-8555-555555555555',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      type: 'urn:bondgenoten:problem:validation-failed',
      errors: [{ field: 'body.tenantId', code: 'tenant_not_allowed' }],
    });
    const malformed = await callApi(server.url, admin, 'POST', '/api/v1/staff', {
      objectId,
      tenantId: 'politie',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({ field: 'body.tenantId', code: 'invalid_format', format: 'uuid' }),
    ]);
  });

  it('names a search text that is too short, and refuses an unknown object id with 404', async () => {
    const short = await callApi(server.url, admin, 'GET', '/api/v1/directory/users?q=d');
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { field: 'query.q', code: 'too_short', min: 2, message: 'type at least 2 characters' },
    ]);
    const unknown = await callApi(server.url, admin, 'POST', '/api/v1/staff', {
      objectId: '00000000-0000-4000-8000-0000000000ee',
    });
    expect(unknown.status).toBe(404);
  });
});

describe(`adding staff from Microsoft Graph of the municipality and the police on ${TEST_ENGINE} (Entra mode, loopback Graph and token endpoint)`, () => {
  const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
  const ADMIN_OID = '88888888-8888-4888-8888-888888888888';
  let m365: M365Fixture;
  let sso: EntraStandIn;
  let server: TestServer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let token: string;

  beforeAll(async () => {
    m365 = await startM365Fixture();
    sso = await startEntraStandIn({ audience: `api://bondgenoten.example.org/${CLIENT_ID}` });
    database = await createTestDatabase({ seed: false });
    server = await startTestServer({
      database,
      env: {
        AAD_CLIENT_ID: CLIENT_ID,
        AAD_CLIENT_SECRET: 'test-secret',
        AAD_TENANT_ID: HOME_TENANT,
        AAD_ALLOWED_TENANTS: `${HOME_TENANT},${POLICE_TENANT}`,
        AAD_AUTHORITY_HOST: sso.authorityHost,
        PUBLIC_URL: 'https://bondgenoten.example.org',
        BOOTSTRAP_ADMINS: ADMIN_OID,
      },
      directory: createDirectory({ config: m365.config, db: database.db }, m365.newTokens()),
    });
    token = `Bearer ${await sso.issueToken(HOME_TENANT, { oid: ADMIN_OID })}`;
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await sso.close();
    await m365.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: token, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json() };
  };

  const search = (q: string) => call('GET', `/api/v1/directory/users?q=${encodeURIComponent(q)}`);
  type Hit = { objectId: string; tenantId: string; displayName: string; userId: string | null };
  const hitNamed = (body: { users: Hit[] }, name: string) =>
    body.users.find((hit) => hit.displayName === name);
  /** The Graph `/users` searches a call caused, as [tenant of the token, status]. */
  const searchesDuring = async (work: () => Promise<unknown>) => {
    const before = m365.graph.requests.length;
    await work();
    return m365.graph.requests
      .slice(before)
      .filter((request) => request.path === '/v1.0/users')
      .map((request) => [request.tenantId, request.status]);
  };
  const auditActions = async () => {
    await sealAuditJournal(database.db);
    const rows = await database.db.selectFrom('audit_events').select('action').orderBy('seq').execute();
    return rows.map((row) => row.action);
  };

  // First, while no police token is cached: the police administrator has not consented to the app yet.
  it('still finds the municipality’s people, and names the police tenant as not searched, without consent', async () => {
    m365.entra.unconsented.add(POLICE_TENANT);
    try {
      const hits = await search('Sanne');
      expect(hits.status).toBe(200);
      expect(hits.body.users.map((hit: { displayName: string }) => hit.displayName)).toEqual([
        'Sanne Verhoef',
      ]);
      expect(hits.body.unsearched).toEqual([
        {
          tenantId: POLICE_TENANT,
          organisation: 'politie',
          reason: 'not-consented',
          retryAfterSeconds: null,
        },
      ]);
      expect(m365.entra.tokenRequests.map((request) => [request.tenantId, request.status])).toContainEqual([
        POLICE_TENANT,
        401,
      ]);
    } finally {
      m365.entra.unconsented.delete(POLICE_TENANT);
    }
  });

  it('searches both tenants, each with its own app-only token, and tags every match with its tenant', async () => {
    let hits = {
      status: 0,
      body: { users: [], unsearched: [] } as { users: unknown[]; unsearched: unknown[] },
    };
    const searches = await searchesDuring(async () => {
      hits = await search('Sanne');
    });
    expect(searches.sort()).toEqual([
      [HOME_TENANT, 200],
      [POLICE_TENANT, 200],
    ]);
    const sent = m365.graph.requests.filter((request) => request.path === '/v1.0/users').slice(-2);
    for (const request of sent) {
      expect(request.headers.consistencylevel).toBe('eventual');
      expect(request.query.get('$search')).toBe('"displayName:Sanne"');
      expect(request.query.get('$top')).toBe('15');
    }
    expect(hits.status).toBe(200);
    // One list, ordered by name, whichever tenant a match is from.
    expect(hits.body).toEqual({
      users: [
        expect.objectContaining({
          displayName: 'Sanne de Politie-Vries',
          tenantId: POLICE_TENANT,
          organisation: 'politie',
          mail: 'sanne.de.politie.vries@politie.example',
          userId: null,
        }),
        expect.objectContaining({
          displayName: 'Sanne Verhoef',
          tenantId: HOME_TENANT,
          organisation: 'gemeente',
          userId: null,
        }),
      ],
      unsearched: [],
    });
  });

  it('adds a police colleague from the police tenant’s directory, as politie staff, audited', async () => {
    const hits = await search('Karim');
    const karim = hitNamed(hits.body, 'Karim Benali') as Hit;
    expect(karim.tenantId).toBe(POLICE_TENANT);
    // The home tenant has no such user: the tenant the search named is the one asked.
    const wrongTenant = await call('POST', '/api/v1/staff', {
      objectId: karim.objectId,
      tenantId: HOME_TENANT,
    });
    expect(wrongTenant.status).toBe(404);
    const before = m365.graph.requests.length;
    const added = await call('POST', '/api/v1/staff', { objectId: karim.objectId, tenantId: POLICE_TENANT });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ displayName: 'Karim Benali', organisation: 'politie', roles: [] });
    expect(m365.graph.requests.slice(before).map((request) => [request.path, request.tenantId])).toEqual([
      [`/v1.0/users/${karim.objectId}`, POLICE_TENANT],
    ]);
    const row = await database.db
      .selectFrom('users')
      .select(['tenant_id', 'aad_object_id', 'email', 'awaiting_sign_in'])
      .where('id', '=', added.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      tenant_id: POLICE_TENANT,
      aad_object_id: karim.objectId,
      email: 'karim.benali@politie.example',
      awaiting_sign_in: false,
    });
    const again = await search('Karim');
    expect(hitNamed(again.body, 'Karim Benali')).toMatchObject({ userId: added.body.id });
    const actions = await auditActions();
    expect(actions.filter((action) => action === 'directory.search').length).toBeGreaterThanOrEqual(3);
    expect(actions.at(-2)).toBe('user.create');
    expect(server.logLines.join('\n')).not.toContain('Karim');
  });

  it('searches Graph and adds a municipality colleague (no tenant named: the home tenant) as gemeente staff', async () => {
    const hits = await search('Sanna');
    const sanna = hitNamed(hits.body, 'Sanna Ouali') as Hit;
    expect(sanna).toMatchObject({ tenantId: HOME_TENANT, organisation: 'gemeente', userId: null });
    const added = await call('POST', '/api/v1/staff', { objectId: sanna.objectId });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      displayName: 'Sanna Ouali',
      organisation: 'gemeente',
      isAdministrator: false,
      roles: [],
    });
    const again = await search('Sanna');
    expect(hitNamed(again.body, 'Sanna Ouali')).toMatchObject({ userId: added.body.id });
  });

  it('takes over a police colleague added by e-mail before their first sign-in, instead of adding them twice', async () => {
    const external = await call('POST', '/api/v1/staff/external', {
      tenantId: POLICE_TENANT,
      email: 'Sanne.de.Politie.Vries@POLITIE.example',
      displayName: 'S. de Politie-Vries',
    });
    expect(external.status).toBe(201);
    const hits = await search('Sanne');
    const sanne = hitNamed(hits.body, 'Sanne de Politie-Vries') as Hit;
    // Known already: the search marks the waiting row as this colleague.
    expect(sanne).toMatchObject({ tenantId: POLICE_TENANT, userId: external.body.id });
    expect(hitNamed(hits.body, 'Sanne Verhoef')).toMatchObject({ userId: null });
    const added = await call('POST', '/api/v1/staff', { objectId: sanne.objectId, tenantId: POLICE_TENANT });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: external.body.id,
      displayName: 'Sanne de Politie-Vries',
      organisation: 'politie',
    });
    const rows = await database.db
      .selectFrom('users')
      .select(['id', 'aad_object_id', 'awaiting_sign_in'])
      .where('tenant_id', '=', POLICE_TENANT)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', 'sanne.de.politie.vries@politie.example'))
      .execute();
    expect(rows).toEqual([{ id: external.body.id, aad_object_id: sanne.objectId, awaiting_sign_in: false }]);
    expect((await auditActions()).at(-1)).toBe('user.refresh');
  });

  it('names a throttled police tenant with its Retry-After instead of waiting minutes for it', async () => {
    m365.graph.failNextFor(POLICE_TENANT, 1, 429, 120);
    const started = Date.now();
    const hits = await search('Sanne');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(hits.status).toBe(200);
    expect(hits.body.users.map((hit: { tenantId: string }) => hit.tenantId)).toEqual([HOME_TENANT]);
    expect(hits.body.unsearched).toEqual([
      { tenantId: POLICE_TENANT, organisation: 'politie', reason: 'throttled', retryAfterSeconds: 120 },
    ]);
  });

  it('waits out a short Retry-After once, and then has both tenants', async () => {
    m365.graph.failNextFor(POLICE_TENANT, 1, 429, 1);
    let hits = { status: 0, body: { users: [] as unknown[], unsearched: [] as unknown[] } };
    const searches = await searchesDuring(async () => {
      hits = await search('Sanne');
    });
    expect(searches.filter(([tenant]) => tenant === POLICE_TENANT)).toEqual([
      [POLICE_TENANT, 429],
      [POLICE_TENANT, 200],
    ]);
    expect(hits.body.users).toHaveLength(2);
    expect(hits.body.unsearched).toEqual([]);
  });

  it('names a police tenant that keeps failing (5xx), or answers 403 for want of the permission', async () => {
    m365.graph.failNextFor(POLICE_TENANT, 2, 503, 0);
    const failing = await search('Sanne');
    expect(failing.status).toBe(200);
    expect(failing.body.unsearched).toEqual([
      { tenantId: POLICE_TENANT, organisation: 'politie', reason: 'unavailable', retryAfterSeconds: null },
    ]);
    expect(hitNamed(failing.body, 'Sanne Verhoef')).toBeDefined();
    m365.graph.deniedTenants.add(POLICE_TENANT);
    try {
      const denied = await search('Sanne');
      expect(denied.body.unsearched).toEqual([
        {
          tenantId: POLICE_TENANT,
          organisation: 'politie',
          reason: 'not-permitted',
          retryAfterSeconds: null,
        },
      ]);
    } finally {
      m365.graph.deniedTenants.delete(POLICE_TENANT);
    }
  });

  it('answers 502 problem+json when every tenant keeps failing, without Graph details', async () => {
    m365.graph.failNext(10, 503, 0);
    const result = await search('Sanne');
    expect(result.status).toBe(502);
    expect(result.body).toMatchObject({ type: 'urn:bondgenoten:problem:upstream-failed' });
    expect(JSON.stringify(result.body)).not.toContain('Service Unavailable');
  });
});
