import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createGraphTokens, GraphTokenError, isConsentMissing } from '../../src/m365/graph-tokens.js';
import { SERVICE_PRINCIPAL_OID } from '../stand-ins/entra-token-endpoint.js';
import {
  FOREIGN_TENANT,
  HOME_TENANT,
  type M365Fixture,
  POLICE_TENANT,
  startM365Fixture,
} from './m365-fixture.js';

const USER_OID = 'b0000000-0000-4000-8000-000000000001';
const OTHER_USER_OID = 'b0000000-0000-4000-8000-000000000002';

let m365: M365Fixture;

beforeAll(async () => {
  m365 = await startM365Fixture();
});
afterAll(async () => {
  await m365.close();
});
beforeEach(() => {
  m365.entra.expiresInSeconds = 3599;
});

const tokenCalls = () => m365.entra.tokenRequests.length;

describe('app-only Graph tokens (client credentials)', () => {
  it('asks the home tenant for the Graph resource with .default and returns its token', async () => {
    const before = tokenCalls();
    const token = await m365.newTokens().appOnly();

    const request = m365.entra.tokenRequests[before];
    expect(request?.tenantId).toBe(HOME_TENANT);
    expect(request?.form).toMatchObject({
      grant_type: 'client_credentials',
      scope: `${m365.graph.origin}/.default`,
      client_id: m365.config.aad?.clientId,
      client_secret: 'test-secret',
    });
    const claims = await m365.entra.verifyAccessToken(token, m365.graph.origin);
    expect(claims).toMatchObject({ idtyp: 'app', tid: HOME_TENANT, oid: SERVICE_PRINCIPAL_OID });
  });

  it('asks another allowed tenant for its own app-only token, and refuses a tenant that is not allowed', async () => {
    const before = tokenCalls();
    const token = await m365.newTokens().appOnly(POLICE_TENANT);
    expect(m365.entra.tokenRequests[before]?.tenantId).toBe(POLICE_TENANT);
    const claims = await m365.entra.verifyAccessToken(token, m365.graph.origin);
    expect(claims).toMatchObject({ idtyp: 'app', tid: POLICE_TENANT });
    const refused = await m365
      .newTokens()
      .appOnly(FOREIGN_TENANT)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'tenant_not_allowed' });
    expect(tokenCalls()).toBe(before + 1);
  });

  it('keeps one client and cache per tenant: each tenant’s token is asked once and never answers for another', async () => {
    const tokens = m365.newTokens();
    const before = tokenCalls();
    const home = await tokens.appOnly();
    const police = await tokens.appOnly(POLICE_TENANT.toUpperCase());
    expect(await tokens.appOnly(HOME_TENANT)).toBe(home);
    expect(await tokens.appOnly(POLICE_TENANT)).toBe(police);
    expect(m365.entra.tokenRequests.slice(before).map((request) => request.tenantId)).toEqual([
      HOME_TENANT,
      POLICE_TENANT,
    ]);
    expect(await m365.entra.verifyAccessToken(home, m365.graph.origin)).toMatchObject({ tid: HOME_TENANT });
    expect(await m365.entra.verifyAccessToken(police, m365.graph.origin)).toMatchObject({
      tid: POLICE_TENANT,
    });
  });

  it('reports a tenant without admin consent (AADSTS7000229) as consent missing, a wrong secret not', async () => {
    m365.entra.unconsented.add(POLICE_TENANT);
    try {
      const error = await m365
        .newTokens()
        .appOnly(POLICE_TENANT)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_client', aadsts: '7000229' });
      expect(isConsentMissing(error)).toBe(true);
      expect(m365.entra.tokenRequests.at(-1)).toMatchObject({ tenantId: POLICE_TENANT, status: 401 });
      expect((error as Error).message).not.toMatch(/Trace ID|missing service principal/);
    } finally {
      m365.entra.unconsented.delete(POLICE_TENANT);
    }
    expect(isConsentMissing(new GraphTokenError('invalid_client', '7000215'))).toBe(false);
  });

  it('serves the second request from msal’s cache while the token lives', async () => {
    const tokens = m365.newTokens();
    const before = tokenCalls();
    const first = await tokens.appOnly();
    const second = await tokens.appOnly();
    expect(second).toBe(first);
    expect(tokenCalls()).toBe(before + 1);
  });

  it('fetches a new token when the cached one expires within five minutes', async () => {
    m365.entra.expiresInSeconds = 299;
    const tokens = m365.newTokens();
    const before = tokenCalls();
    await tokens.appOnly();
    await tokens.appOnly();
    expect(tokenCalls()).toBe(before + 2);
  });

  it('reports a wrong client secret as a typed error without echoing the answer', async () => {
    const config = {
      ...m365.config,
      aad: { ...(m365.config.aad as NonNullable<typeof m365.config.aad>), clientSecret: 'wrong' },
    };
    const error = await createGraphTokens(config, { networkClient: m365.networkClient })
      .appOnly()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ code: 'invalid_client', aadsts: '7000215' });
    expect((error as Error).message).not.toMatch(/Trace ID|secret value/);
  });
});

describe('delegated Graph tokens (on-behalf-of)', () => {
  it('exchanges the user’s Teams SSO token for a delegated Graph token', async () => {
    const assertion = await m365.entra.issueUserToken(HOME_TENANT, { oid: USER_OID, name: 'Sanne Verhoef' });
    const before = tokenCalls();
    const token = await m365.newTokens().onBehalfOf(assertion, HOME_TENANT);

    const request = m365.entra.tokenRequests[before];
    expect(request?.tenantId).toBe(HOME_TENANT);
    expect(request?.form).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion,
    });
    expect(request?.form.scope?.split(' ')).toContain(`${m365.graph.origin}/.default`);
    const claims = await m365.entra.verifyAccessToken(token, m365.graph.origin);
    expect(claims).toMatchObject({
      idtyp: 'user',
      oid: USER_OID,
      tid: HOME_TENANT,
      scp: 'User.Read User.ReadBasic.All',
    });
  });

  it('caches per user assertion', async () => {
    const tokens = m365.newTokens();
    const sanne = await m365.entra.issueUserToken(HOME_TENANT, { oid: USER_OID });
    const joris = await m365.entra.issueUserToken(HOME_TENANT, { oid: OTHER_USER_OID });
    const before = tokenCalls();
    const first = await tokens.onBehalfOf(sanne, HOME_TENANT);
    expect(await tokens.onBehalfOf(sanne, HOME_TENANT)).toBe(first);
    expect(tokenCalls()).toBe(before + 1);
    const other = await tokens.onBehalfOf(joris, HOME_TENANT);
    expect(tokenCalls()).toBe(before + 2);
    expect(await m365.entra.verifyAccessToken(other, m365.graph.origin)).toMatchObject({
      oid: OTHER_USER_OID,
    });
  });

  it('exchanges a police officer’s token in the police tenant', async () => {
    const assertion = await m365.entra.issueUserToken(POLICE_TENANT, { oid: USER_OID });
    const before = tokenCalls();
    const token = await m365.newTokens().onBehalfOf(assertion, POLICE_TENANT);
    expect(m365.entra.tokenRequests[before]?.tenantId).toBe(POLICE_TENANT);
    expect(await m365.entra.verifyAccessToken(token, m365.graph.origin)).toMatchObject({
      tid: POLICE_TENANT,
    });
  });

  it('turns Entra’s invalid_grant for a forged assertion into a typed error', async () => {
    const genuine = await m365.entra.issueUserToken(HOME_TENANT, { oid: USER_OID });
    const [header, payload] = genuine.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const error = await m365
      .newTokens()
      .onBehalfOf(forged, HOME_TENANT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ code: 'invalid_grant', aadsts: '50013' });
    expect((error as Error).message).not.toContain(forged);
    expect(m365.entra.tokenRequests.at(-1)?.status).toBe(400);
  });

  it('refuses a tenant the app does not serve before calling Entra', async () => {
    const assertion = await m365.entra.issueUserToken(FOREIGN_TENANT, { oid: USER_OID });
    const before = m365.entra.requests.length;
    await expect(m365.newTokens().onBehalfOf(assertion, FOREIGN_TENANT)).rejects.toMatchObject({
      code: 'tenant_not_allowed',
    });
    expect(m365.entra.requests.length).toBe(before);
  });
});

describe('msal against a loopback authority', () => {
  it('reads the tenant’s OpenID configuration there and sends nothing anywhere else', async () => {
    await m365.newTokens().appOnly();
    const urls = m365.networkClient.urls;
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith(`${m365.entra.authorityHost}/`))).toBe(true);
    expect(urls).toContain(
      `${m365.entra.authorityHost}/${HOME_TENANT}/v2.0/.well-known/openid-configuration`,
    );
    expect(urls.some((url) => url.includes('discovery/instance'))).toBe(false);
  });
});
