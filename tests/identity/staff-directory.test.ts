import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDirectory } from '../../src/server/adapters.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { HOME_TENANT, type M365Fixture, startM365Fixture } from '../m365/m365-fixture.js';
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
    expect(result.body).toEqual([
      expect.objectContaining({ displayName: 'Dewi Sastromedjo', userId: expect.any(String) }),
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

describe('adding staff from Microsoft Graph (Entra mode, loopback Graph and token endpoint)', () => {
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

  it('searches Graph and adds a colleague as staff without roles', async () => {
    const hits = await call('GET', '/api/v1/directory/users?q=Sanna');
    expect(hits.status).toBe(200);
    const sanna = hits.body.find((hit: { displayName: string }) => hit.displayName === 'Sanna Ouali');
    expect(sanna).toMatchObject({ tenantId: HOME_TENANT, userId: null });
    const added = await call('POST', '/api/v1/staff', { objectId: sanna.objectId });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ displayName: 'Sanna Ouali', isAdministrator: false, roles: [] });
    const again = await call('GET', '/api/v1/directory/users?q=Sanna');
    expect(again.body.find((hit: { displayName: string }) => hit.displayName === 'Sanna Ouali').userId).toBe(
      added.body.id,
    );
  });

  it('answers 502 problem+json when Graph keeps failing, without Graph details', async () => {
    m365.graph.failNext(10, 503, 0);
    const result = await call('GET', '/api/v1/directory/users?q=Sanne');
    expect(result.status).toBe(502);
    expect(result.body).toMatchObject({ type: 'urn:bondgenoten:problem:upstream-failed' });
  });
});
