import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EntraTokenValidator } from '../../src/identity/entra-token.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const FOREIGN_TENANT = '55555555-5555-4555-8555-555555555555';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;

let entra: EntraStandIn;
let server: TestServer;

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: AUDIENCE });
  server = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: TENANT,
      AAD_ALLOWED_TENANTS: `${TENANT},${POLICE_TENANT}`,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
    },
  });
});
afterAll(async () => {
  await server.close();
  await entra.close();
});

async function me(
  authorization?: string,
): Promise<{ status: number; body: { detail?: string; user?: { displayName: string } } }> {
  const response = await fetch(
    `${server.url}/api/v1/me`,
    authorization ? { headers: { authorization } } : {},
  );
  return { status: response.status, body: await response.json() };
}

describe('Teams SSO tokens (Entra ID v2) on the API', () => {
  it('accepts a valid token for each allowed tenant and creates the user', async () => {
    for (const tenant of [TENANT, POLICE_TENANT]) {
      const result = await me(`Bearer ${await entra.issueToken(tenant)}`);
      expect(result.status).toBe(200);
      expect(result.body.user?.displayName).toBe('Test Medewerker');
    }
  });

  it("stores a police officer's e-mail from the token's claims, and the organisation from the tenant", async () => {
    const officer = '66666666-6666-4666-8666-666666666666';
    const userRow = () =>
      server.database.db
        .selectFrom('users')
        .select(['email', 'organisation'])
        .where('tenant_id', '=', POLICE_TENANT)
        .where('aad_object_id', '=', officer)
        .executeTakeFirstOrThrow();
    // A v2 token without the email/upn optional claims: preferred_username is used when it is an address.
    const first = await entra.issueToken(POLICE_TENANT, {
      oid: officer,
      preferred_username: 'W.Agent@Politie.example.org',
    });
    expect((await me(`Bearer ${first}`)).status).toBe(200);
    expect(await userRow()).toEqual({ email: 'w.agent@politie.example.org', organisation: 'politie' });
    // The email optional claim wins over preferred_username; a non-address username is never stored.
    const second = await entra.issueToken(POLICE_TENANT, {
      oid: officer,
      preferred_username: '+31600000000',
      email: 'wijkagent@politie.example.org',
    });
    expect((await me(`Bearer ${second}`)).status).toBe(200);
    expect((await userRow()).email).toBe('wijkagent@politie.example.org');
    // A later token without any address keeps the one stored.
    const third = await entra.issueToken(POLICE_TENANT, {
      oid: officer,
      preferred_username: 'not an address',
    });
    expect((await me(`Bearer ${third}`)).status).toBe(200);
    expect((await userRow()).email).toBe('wijkagent@politie.example.org');
    expect(server.logLines.join('\n')).not.toContain('politie.example.org');
  });

  it('accepts the bare client id as audience too', async () => {
    expect((await me(`Bearer ${await entra.issueToken(TENANT, { aud: CLIENT_ID })}`)).status).toBe(200);
  });

  it('does not offer the local sign-in', async () => {
    const config = await (await fetch(`${server.url}/api/v1/auth/config`)).json();
    expect(config).toEqual({ mode: 'entra', clientId: CLIENT_ID });
    expect((await fetch(`${server.url}/api/v1/auth/local/staff`)).status).toBe(404);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => Promise<string | undefined>, RegExp][] = [
    ['no token', async () => undefined, /Sign in/],
    ['not a bearer header', async () => 'Basic abc', /Bearer/],
    ['not a JWT', async () => 'Bearer not.a.jwt', /not a JWT/],
    [
      'expired',
      async () =>
        `Bearer ${await entra.issueToken(TENANT, { exp: now() - 600, iat: now() - 4000, nbf: now() - 4000 })}`,
      /expired/,
    ],
    [
      'not yet valid',
      async () => `Bearer ${await entra.issueToken(TENANT, { nbf: now() + 900 })}`,
      /not valid yet/,
    ],
    [
      'wrong signature',
      async () => `Bearer ${await entra.issueToken(TENANT, {}, { foreignKey: true })}`,
      /signature/,
    ],
    [
      'wrong audience',
      async () => `Bearer ${await entra.issueToken(TENANT, { aud: 'api://other.example.org/x' })}`,
      /another application/,
    ],
    [
      'wrong issuer',
      async () => `Bearer ${await entra.issueToken(TENANT, { iss: 'https://sts.windows.net/x/' })}`,
      /issuer/,
    ],
    [
      'tenant not allowed',
      async () => `Bearer ${await entra.issueToken(FOREIGN_TENANT)}`,
      /tenant that is not allowed/,
    ],
    [
      'no access_as_user scope',
      async () => `Bearer ${await entra.issueToken(TENANT, { scp: 'User.Read' })}`,
      /access_as_user/,
    ],
    [
      'no object id',
      async () => `Bearer ${await entra.issueToken(TENANT, { oid: undefined })}`,
      /oid|object id/,
    ],
  ];
  for (const [name, authorization, detail] of refusals) {
    it(`refuses ${name} with 401 problem+json`, async () => {
      const result = await me(await authorization());
      expect(result.status).toBe(401);
      expect(result.body.detail).toMatch(detail);
    });
  }

  it('never fetches keys for a tenant that is not allowed', async () => {
    await me(`Bearer ${await entra.issueToken(FOREIGN_TENANT)}`);
    expect(entra.requests.some((url) => url.includes(FOREIGN_TENANT))).toBe(false);
  });
});

describe('EntraTokenValidator key rotation', () => {
  it('picks up a rotated signing key on its first unknown kid', async () => {
    const validator = new EntraTokenValidator({
      clientId: CLIENT_ID,
      appDomain: 'bondgenoten.example.org',
      allowedTenants: [TENANT],
      authorityHost: entra.authorityHost,
      keyRefetchCooldownMs: 0,
    });
    await expect(validator.validate(await entra.issueToken(TENANT))).resolves.toMatchObject({
      tenantId: TENANT,
    });
    await entra.rotateKey();
    const keyFetchesBefore = entra.requests.filter((url) => url.endsWith('/keys')).length;
    await expect(validator.validate(await entra.issueToken(TENANT))).resolves.toMatchObject({
      tenantId: TENANT,
    });
    expect(entra.requests.filter((url) => url.endsWith('/keys')).length).toBe(keyFetchesBefore + 1);
  });
});
