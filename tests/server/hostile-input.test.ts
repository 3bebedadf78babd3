import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { areaId, communityId } from '../call-outs/fixtures.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Issue 13: hostile input never yields a 500, and every refusal leaves an audit row naming its object.
let server: TestServer;
let sanne: string;
let dewi: string;
let havenNetworkId: string;
let callOutId: string;

interface AuditRow {
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
}

async function lastSeq(): Promise<number> {
  await sealAuditJournal(server.database.db);
  const row = await server.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

async function auditAfter(seq: number): Promise<AuditRow[]> {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['action', 'object_type as objectType', 'object_id as objectId', 'result'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
}

function expectProblem(response: { status: number; headers: Headers }, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  [sanne, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  const haven = await db
    .selectFrom('networks')
    .select('id')
    .where('name', 'ilike', '%haven%')
    .executeTakeFirstOrThrow();
  havenNetworkId = haven.id;
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve test-oproep',
    ask: 'Peil de achterban',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans')],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
});
afterAll(async () => {
  await server?.close();
});

describe('defect 1: bad percent-encoding in a path', () => {
  it.each(['/api/v1/people/%ff', '/api/v1/networks/%E0%A4%A/people', '/api/v1/call-outs/%c0%af/timeline'])(
    'answers 400 problem+json for %s, signed in or not',
    async (path) => {
      for (const cookie of ['', sanne]) {
        const response = await callApi(server.url, cookie, 'GET', path);
        expectProblem(response, 400);
        expect(response.body.type).toBe('urn:bondgenoten:problem:validation-failed');
      }
    },
  );
});

describe('defect 2: NUL characters', () => {
  it('refuses a NUL in a path id, a query and a body with 400 naming the field', async () => {
    const inPath = await callApi(server.url, sanne, 'GET', '/api/v1/people/%00');
    expectProblem(inPath, 400);
    expect(inPath.body.errors).toEqual([
      { field: 'path.personId', code: 'unstorable_text', message: 'must not contain NUL characters' },
    ]);

    const inQuery = await callApi(server.url, sanne, 'GET', '/api/v1/people?q=ab%00cd');
    expectProblem(inQuery, 400);
    expect(inQuery.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.q']);

    const inBody = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenNetworkId}/people`, {
      displayName: 'Fictief\u0000Persoon',
      consentDate: '2026-01-01',
    });
    expectProblem(inBody, 400);
    expect(inBody.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.displayName']);

    // A lone surrogate: jsonb refuses it (22P02), text would silently turn it into U+FFFD.
    const surrogate = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenNetworkId}/people`, {
      displayName: 'Fictief \ud800',
      consentDate: '2026-01-01',
    });
    expectProblem(surrogate, 400);
    expect(surrogate.body.errors).toEqual([
      { field: 'body.displayName', code: 'unstorable_text', message: 'must be well-formed Unicode text' },
    ]);

    const inKey = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenNetworkId}/people`, {
      'x\u0000': 1,
    });
    expectProblem(inKey, 400);
  });

  it('audits a refusal without copying the unvalidated path id into the trail', async () => {
    const before = await lastSeq();
    // The refusal comes before schema validation: its row names no object rather than a prober's text.
    const response = await callApi(
      server.url,
      dewi,
      'POST',
      `/api/v1/networks/%27--${'x'.repeat(300)}/people`,
      {},
    );
    expectProblem(response, 403);
    expect(await auditAfter(before)).toEqual([
      { action: 'access.denied', objectType: null, objectId: null, result: 'denied' },
    ]);
  });
});

describe('defect 3: every refusal is audited, whatever layer refuses', () => {
  it('audits each 404 of a call-out the caller may not see, naming the call-out', async () => {
    const probes: [string, string, unknown?][] = [
      ['GET', ''],
      ['GET', '/change-stamp'],
      ['GET', '/timeline'],
      ['GET', '/timeline.csv'],
      ['GET', '/timeline.pdf'],
      ['GET', '/meeting'],
      ['POST', '/answers', { answer: 'coming' }],
      ['POST', '/calls', { personId: '00000000-0000-4000-8000-00000000abcd', outcome: 'reached' }],
    ];
    for (const [method, suffix, body] of probes) {
      const before = await lastSeq();
      const response = await callApi(
        server.url,
        dewi,
        method,
        `/api/v1/call-outs/${callOutId}${suffix}`,
        body,
      );
      expect({ suffix, status: response.status }).toEqual({ suffix, status: 404 });
      expect({ suffix, audit: await auditAfter(before) }).toEqual({
        suffix,
        audit: [{ action: 'access.denied', objectType: 'call-out', objectId: callOutId, result: 'denied' }],
      });
    }
  });

  it('records the network of a 403 on /networks/{id} that an administrator-only rule refused', async () => {
    const before = await lastSeq();
    const response = await callApi(server.url, sanne, 'PATCH', `/api/v1/networks/${havenNetworkId}`, {
      name: 'Fictief',
    });
    expectProblem(response, 403);
    expect(await auditAfter(before)).toEqual([
      { action: 'access.denied', objectType: 'network', objectId: havenNetworkId, result: 'denied' },
    ]);
  });
});

describe('defect 7: cross-site writes', () => {
  const personBody = { displayName: 'Fictieve Kruissite', consentDate: '2026-01-01' };

  it('refuses a state-changing request from a foreign origin, with the session cookie, audited', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
      // The classic forgery: an HTML form posting text/plain, which needs no CORS preflight.
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    ];
    for (const headers of foreign) {
      const before = await lastSeq();
      const response = await fetch(`${server.url}/api/v1/networks/${havenNetworkId}/people`, {
        method: 'POST',
        headers: { cookie: sanne, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(personBody),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await auditAfter(before)).toEqual([
        {
          action: 'access.cross-site-refused',
          objectType: 'network',
          objectId: havenNetworkId,
          result: 'denied',
        },
      ]);
    }
    const people = await server.database.db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', personBody.displayName)
      .execute();
    expect(people).toEqual([]);
  });

  it('accepts the same request from the app itself, and reads from anywhere', async () => {
    const sameOrigin = await fetch(`${server.url}/api/v1/networks/${havenNetworkId}/people`, {
      method: 'POST',
      headers: {
        cookie: sanne,
        'content-type': 'application/json',
        origin: server.url,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ ...personBody, displayName: 'Fictieve Zelfde' }),
    });
    expect(sameOrigin.status).toBe(201);
    const read = await fetch(`${server.url}/api/v1/networks/${havenNetworkId}`, {
      headers: { cookie: sanne, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.status).toBe(200);
  });
});
