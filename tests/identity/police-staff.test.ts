import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/server/config.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const ADMIN = '77777777-7777-4777-8777-777777777777';
const OFFICER = '88888888-8888-4888-8888-888888888888';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;

let entra: EntraStandIn;
let server: TestServer;
let adminToken: string;

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: AUDIENCE });
  server = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: TENANT,
      AAD_ALLOWED_TENANTS: `${TENANT},${POLICE_TENANT}`,
      // Upper case on purpose: tenant ids are compared case-insensitively.
      AAD_TENANT_NAMES: JSON.stringify({ [POLICE_TENANT.toUpperCase()]: 'Politie Eenheid Havenstad' }),
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOOTSTRAP_ADMINS: ADMIN,
    },
  });
  adminToken = await entra.issueToken(TENANT, { oid: ADMIN, name: 'Fictieve Beheerder' });
});
afterAll(async () => {
  await server.close();
  await entra.close();
});

async function addExternal(body: unknown, token = adminToken) {
  const response = await fetch(`${server.url}/api/v1/staff/external`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const officer = { tenantId: POLICE_TENANT, email: 'W.Agent@politie.example.org', displayName: 'W. Agent' };

async function get(path: string, token = adminToken) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('the tenants the administrator adds staff from', () => {
  it('lists the home tenant first, then the police tenant with the name AAD_TENANT_NAMES gives it', async () => {
    const tenants = await get('/staff/tenants');
    expect(tenants.status).toBe(200);
    expect(tenants.body).toEqual([
      { tenantId: TENANT, organisation: 'gemeente', name: null, home: true },
      { tenantId: POLICE_TENANT, organisation: 'politie', name: 'Politie Eenheid Havenstad', home: false },
    ]);
  });

  it('is for administrators only', async () => {
    const colleague = await entra.issueToken(TENANT, { oid: '99999999-9999-4999-8999-999999999998' });
    expect((await get('/staff/tenants', colleague)).status).toBe(403);
  });

  it('reach every signed-in user through /me, with their own tenant, so the tab names organisations everywhere', async () => {
    const colleague = await entra.issueToken(TENANT, { oid: '99999999-9999-4999-8999-999999999997' });
    const me = await get('/me', colleague);
    expect(me.status).toBe(200);
    expect(me.body.user.tenantId).toBe(TENANT);
    expect(me.body.organisations).toEqual([
      { tenantId: TENANT, organisation: 'gemeente', name: null, home: true },
      { tenantId: POLICE_TENANT, organisation: 'politie', name: 'Politie Eenheid Havenstad', home: false },
    ]);
  });

  it('refuses a malformed AAD_TENANT_NAMES, or one naming a tenant that may not sign in, at start', () => {
    const entraEnv = {
      NODE_ENV: 'test',
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: TENANT,
      AAD_ALLOWED_TENANTS: `${TENANT},${POLICE_TENANT}`,
      PUBLIC_URL: 'https://bondgenoten.example.org',
    };
    expect(loadConfig(entraEnv).aad?.tenantNames).toEqual({});
    expect(
      loadConfig({ ...entraEnv, AAD_TENANT_NAMES: `{"${TENANT}":" Gemeente Havenstad "}` }).aad?.tenantNames,
    ).toEqual({ [TENANT]: 'Gemeente Havenstad' });
    expect(() => loadConfig({ ...entraEnv, AAD_TENANT_NAMES: 'Politie' })).toThrow(
      'AAD_TENANT_NAMES: must be a JSON object',
    );
    expect(() => loadConfig({ ...entraEnv, AAD_TENANT_NAMES: `{"${TENANT}":""}` })).toThrow(
      'must not be empty',
    );
    expect(() => loadConfig({ ...entraEnv, AAD_TENANT_NAMES: '{"politie":"Politie"}' })).toThrow(
      'AAD_TENANT_NAMES',
    );
    const stranger = '55555555-5555-4555-8555-555555555555';
    expect(() => loadConfig({ ...entraEnv, AAD_TENANT_NAMES: `{"${stranger}":"Elders"}` })).toThrow(
      `AAD_TENANT_NAMES: ${stranger} is neither AAD_TENANT_ID nor in AAD_ALLOWED_TENANTS`,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', AAD_TENANT_NAMES: `{"${TENANT}":"Gemeente"}` })).toThrow(
      'AAD_TENANT_NAMES: names Entra tenants, so AUTH_MODE=entra',
    );
  });
});

describe('police staff added by e-mail (Entra mode, second allowed tenant)', () => {
  it('refuses bad input with problem+json naming the field', async () => {
    const bad = await addExternal({ ...officer, email: 'geen adres' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(JSON.stringify(bad.body.errors)).toContain('body.email');
    const home = await addExternal({ ...officer, tenantId: TENANT });
    expect(home.status).toBe(422);
    expect(JSON.stringify(home.body.errors)).toContain('body.tenantId');
    const foreign = await addExternal({ ...officer, tenantId: '55555555-5555-4555-8555-555555555555' });
    expect(foreign.status).toBe(422);
  });

  it('is for administrators only', async () => {
    const colleague = await entra.issueToken(POLICE_TENANT, { oid: '99999999-9999-4999-8999-999999999999' });
    expect((await addExternal(officer, colleague)).status).toBe(403);
  });

  it('adds the officer awaiting sign-in, refuses a duplicate, and hands the row over at first sign-in', async () => {
    const added = await addExternal(officer);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ tenantId: POLICE_TENANT, organisation: 'politie', roles: [] });
    const userId = added.body.id as string;
    const duplicate = await addExternal({ ...officer, email: 'w.agent@POLITIE.example.org' });
    expect(duplicate.status).toBe(409);
    // Says it is the address, not whose it is: the administrator's staff list shows no e-mail addresses.
    expect(duplicate.body.errors).toEqual([
      {
        field: 'body.email',
        code: 'duplicate',
        kind: 'staff',
        reason: 'email',
        message: 'a staff member of this organisation already has this e-mail address',
      },
    ]);
    expect(JSON.stringify(duplicate.body)).not.toContain(userId);

    const row = () =>
      server.database.db
        .selectFrom('users')
        .select(['id', 'aad_object_id', 'awaiting_sign_in', 'email', 'organisation'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({
      awaiting_sign_in: true,
      email: 'w.agent@politie.example.org',
      organisation: 'politie',
    });

    const token = await entra.issueToken(POLICE_TENANT, {
      oid: OFFICER,
      name: 'W. Agent',
      preferred_username: 'w.agent@politie.example.org',
    });
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.id).toBe(userId);
    expect(await row()).toMatchObject({ aad_object_id: OFFICER, awaiting_sign_in: false });
    const rows = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', POLICE_TENANT)
      .where('aad_object_id', '=', OFFICER)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('never logs the address', () => {
    expect(server.logLines.join('\n')).not.toContain('politie.example.org');
  });
});
