import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { GraphDirectory } from '../../src/m365/graph-directory.js';
import { GraphRequestError } from '../../src/m365/graph-request-error.js';
import { createGraphTokens, GraphTokenError, type GraphTokens } from '../../src/m365/graph-tokens.js';
import { TenantGraphClients } from '../../src/m365/tenant-clients.js';
import { DomainError } from '../../src/platform/errors.js';
import { HOME_TENANT, type M365Fixture, startM365Fixture } from './m365-fixture.js';

let m365: M365Fixture;
let tokens: GraphTokens;
let directory: GraphDirectory;

/** A directory of the home tenant alone, through `client`. */
const homeDirectory = (client: Client) =>
  new GraphDirectory(new TenantGraphClients({ allowedTenants: [HOME_TENANT], clientFor: () => client }));

beforeAll(async () => {
  m365 = await startM365Fixture();
  tokens = m365.newTokens();
  const client = createGraphClient({
    graphBaseUrl: m365.config.graphBaseUrl,
    tokens,
    credential: { kind: 'app' },
  });
  directory = homeDirectory(client);
});
afterAll(async () => {
  await m365.close();
});

/** Runs `work` and returns the Graph requests it caused. */
async function graphRequestsDuring(work: () => Promise<unknown>) {
  const before = m365.graph.requests.length;
  await work();
  return m365.graph.requests.slice(before);
}

describe('GraphDirectory.searchUsers', () => {
  it('searches display names app-only, with the token from the token endpoint and ConsistencyLevel', async () => {
    let found: Awaited<ReturnType<GraphDirectory['searchUsers']>>['users'] = [];
    const requests = await graphRequestsDuring(async () => {
      ({ users: found } = await directory.searchUsers('  sanne '));
    });

    expect(found).toEqual([
      {
        objectId: 'a0000000-0000-4000-8000-000000000001',
        tenantId: HOME_TENANT,
        organisation: 'gemeente',
        displayName: 'Sanne Verhoef',
        mail: 'sanne.verhoef@almere.example',
        jobTitle: 'Adviseur openbare orde en veiligheid',
        // The mobile number wins over the business line.
        phone: '+31 6 0000 0301',
      },
    ]);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.path).toBe('/v1.0/users');
    expect(request?.headers.consistencylevel).toBe('eventual');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      $search: '"displayName:sanne"',
      $count: 'true',
      $select: 'id,displayName,mail,jobTitle,mobilePhone,businessPhones',
      $top: '10',
    });
    const bearer = /^Bearer (.+)$/.exec(request?.headers.authorization ?? '')?.[1] ?? '';
    expect(await m365.entra.verifyAccessToken(bearer, m365.graph.origin)).toMatchObject({
      idtyp: 'app',
      tid: HOME_TENANT,
    });
  });

  it('does not ask the token endpoint again while the token lives', async () => {
    await directory.searchUsers('joris');
    const before = m365.entra.tokenRequests.length;
    await directory.searchUsers('mehmet');
    await directory.searchUsers('kaya');
    expect(m365.entra.tokenRequests.length).toBe(before);
  });

  it('escapes double quotes inside the search clause', async () => {
    let found: { displayName: string; mail: string | null }[] = [];
    const [request] = await graphRequestsDuring(async () => {
      ({ users: found } = await directory.searchUsers('Sander "Sjors"', 5));
    });
    expect(request?.query.get('$search')).toBe('"displayName:Sander \\"Sjors\\""');
    expect(request?.query.get('$top')).toBe('5');
    expect(found).toMatchObject([{ displayName: 'Sander "Sjors" de Wit', mail: null }]);
  });

  it('keeps & and # inside the search value', async () => {
    const [request] = await graphRequestsDuring(() => directory.searchUsers('R&D #2'));
    expect(request?.query.get('$search')).toBe('"displayName:R&D #2"');
  });

  it.each([
    ['a', 'query'],
    ['   a   ', 'query'],
    ['x'.repeat(101), 'query'],
  ])('refuses the query %j before calling Graph', async (query, field) => {
    const requests = await graphRequestsDuring(async () => {
      const error = await directory.searchUsers(query).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'validation-failed', errors: [{ field }] });
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses a limit outside 1–25', async () => {
    await expect(directory.searchUsers('sanne', 26)).rejects.toMatchObject({ errors: [{ field: 'limit' }] });
  });
});

describe('GraphDirectory.getUser', () => {
  it('reads a user by object id', async () => {
    const [request] = await graphRequestsDuring(async () => {
      expect(await directory.getUser(HOME_TENANT, 'A0000000-0000-4000-8000-000000000002')).toEqual({
        objectId: 'a0000000-0000-4000-8000-000000000002',
        tenantId: HOME_TENANT,
        organisation: 'gemeente',
        displayName: 'Joris Amrani',
        mail: 'joris.amrani@almere.example',
        jobTitle: 'Wijkagent Haven',
        // No mobile: the first business line that is not blank.
        phone: '+31 36 000 0302',
      });
    });
    expect(request?.path).toBe('/v1.0/users/a0000000-0000-4000-8000-000000000002');
    expect(request?.query.get('$select')).toBe('id,displayName,mail,jobTitle,mobilePhone,businessPhones');
  });

  it('answers null for Graph’s 404', async () => {
    const [request] = await graphRequestsDuring(async () => {
      expect(await directory.getUser(HOME_TENANT, 'c0000000-0000-4000-8000-00000000dead')).toBeNull();
    });
    expect(request?.status).toBe(404);
  });

  it('refuses an object id that is not a GUID before calling Graph', async () => {
    const requests = await graphRequestsDuring(async () => {
      await expect(directory.getUser(HOME_TENANT, '../me')).rejects.toMatchObject({
        code: 'validation-failed',
      });
    });
    expect(requests).toHaveLength(0);
  });
});

describe('throttling and outages', () => {
  it('waits for Retry-After on a 429 and then succeeds', async () => {
    m365.graph.failNext(1, 429, 1);
    let found: unknown[] = [];
    const requests = await graphRequestsDuring(async () => {
      ({ users: found } = await directory.searchUsers('joris'));
    });
    expect(found).toHaveLength(1);
    expect(requests.map((request) => request.status)).toEqual([429, 200]);
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(requests[1]?.headers['retry-attempt']).toBe('1');
  });

  it('gives up on a 503 after three retries with a typed error', async () => {
    m365.graph.failNext(4, 503, 0);
    const requests = await graphRequestsDuring(async () => {
      const error = await directory.searchUsers('joris').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphRequestError);
      expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable' });
      expect((error as Error).message).not.toMatch(/Service Unavailable/);
    });
    expect(requests.map((request) => request.status)).toEqual([503, 503, 503, 503]);
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    m365.graph.failNext(1, 429, 120);
    const requests = await graphRequestsDuring(async () => {
      await expect(directory.searchUsers('joris')).rejects.toMatchObject({
        status: 429,
        code: 'TooManyRequests',
      });
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a 504 without Retry-After after the policy’s own delay', async () => {
    m365.graph.failNext(1, 504);
    const requests = await graphRequestsDuring(async () => {
      expect(await directory.getUser(HOME_TENANT, 'a0000000-0000-4000-8000-000000000003')).toMatchObject({
        displayName: 'Mehmet Kaya-de Bruin',
      });
    });
    expect(requests.map((request) => request.status)).toEqual([504, 200]);
  });

  it('reports a refusal by Graph with its status and code, not its message', async () => {
    // Tokens for another resource: Graph answers 401 InvalidAuthenticationToken.
    const otherResource = createGraphTokens(
      { ...m365.config, graphBaseUrl: 'http://127.0.0.1:9/v1.0' },
      { networkClient: m365.networkClient },
    );
    const client = createGraphClient({
      graphBaseUrl: m365.config.graphBaseUrl,
      tokens: otherResource,
      credential: { kind: 'app' },
    });
    const error = await homeDirectory(client)
      .getUser(HOME_TENANT, 'a0000000-0000-4000-8000-000000000003')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect((error as Error).message).toBe('Microsoft Graph answered 401 (InvalidAuthenticationToken)');
  });
});

describe('Graph with a delegated (on-behalf-of) token', () => {
  it('sends the user’s delegated token', async () => {
    const userOid = 'b0000000-0000-4000-8000-000000000009';
    const assertion = await m365.entra.issueUserToken(HOME_TENANT, { oid: userOid });
    const client = createGraphClient({
      graphBaseUrl: m365.config.graphBaseUrl,
      tokens,
      credential: { kind: 'user', assertion, tenantId: HOME_TENANT },
    });
    const [request] = await graphRequestsDuring(() => homeDirectory(client).searchUsers('sanna'));
    const bearer = /^Bearer (.+)$/.exec(request?.headers.authorization ?? '')?.[1] ?? '';
    expect(await m365.entra.verifyAccessToken(bearer, m365.graph.origin)).toMatchObject({
      idtyp: 'user',
      oid: userOid,
    });
  });

  it('surfaces a failed exchange as the token error and calls no Graph', async () => {
    const client = createGraphClient({
      graphBaseUrl: m365.config.graphBaseUrl,
      tokens,
      credential: { kind: 'user', assertion: 'not-a-jwt', tenantId: HOME_TENANT },
    });
    const requests = await graphRequestsDuring(async () => {
      const error = await homeDirectory(client)
        .searchUsers('sanne')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphTokenError);
      expect(error).toMatchObject({ code: 'invalid_grant' });
    });
    expect(requests).toHaveLength(0);
  });
});

describe('the Graph stand-in', () => {
  it('refuses $search without ConsistencyLevel, as Graph does', async () => {
    const token = await tokens.appOnly();
    const response = await fetch(
      `${m365.graph.baseUrl}/users?$search=${encodeURIComponent('"displayName:sanne"')}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'Request_UnsupportedQuery' } });
  });
});
