import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sql } from 'kysely';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import { areaId, communityId } from '../call-outs/fixtures.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  HOSTILE_STRINGS,
  type IdPools,
  type JsonSchema,
  junk,
  SchemaArbitraries,
} from './schema-arbitrary.js';

/**
 * Issue 13, "keep it proven": requests generated from the OpenAPI document (fast-check) over every
 * operation as two roles (an administrator and a coordinator), with real and random ids, schema-shaped
 * and hostile values. No answer may be a 5xx; afterwards the server is healthy and the audit chain verifies.
 * FUZZ_REQUESTS and FUZZ_SEED change the budget and the seed.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const ROLES = ['Anouk Terpstra', 'Sanne Verhoef'] as const;
const ID_TABLES = [
  'networks',
  'people',
  'call_outs',
  'meetings',
  'meeting_locations',
  'meeting_actions',
  'areas',
  'communities',
  'municipalities',
  'users',
  'relations',
  'relation_types',
] as const;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}
interface FuzzRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | null;
}

let server: TestServer;
let operations: Operation[] = [];
let arbitraries: SchemaArbitraries;
const cookies = new Map<string, string>();

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      result.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return result;
}

async function knownIds(): Promise<IdPools> {
  const pools: Record<string, string[]> = { all: [] };
  for (const table of ID_TABLES) {
    const rows = await sql<{ id: string }>`select id::text as id from ${sql.table(table)} limit 8`.execute(
      server.database.db,
    );
    pools[table] = rows.rows.map((row) => row.id);
    pools.all?.push(...(pools[table] ?? []));
  }
  return pools;
}

// encodeURIComponent throws on a lone surrogate; send its (undecodable) UTF-8 bytes instead.
function encodeSegment(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

// A path segment: usually the schema's value, percent-encoded; sometimes raw bad percent-encoding.
function pathValue(parameter: Parameter): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: arbitraries.of(parameter.schema, 0, parameter.name).map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom('%ff', '%00', '%E0%A4%A', '%', '..', '%2e%2e') },
  );
}

function queryString(parameters: Parameter[]): fc.Arbitrary<string> {
  const pairs = parameters.map((parameter) =>
    fc.option(
      arbitraries.of(parameter.schema, 0, parameter.name).map((value) => {
        const values = Array.isArray(value) ? value : [value];
        return values.map((v) => [parameter.name, typeof v === 'string' ? v : JSON.stringify(v)] as const);
      }),
      { freq: 2 },
    ),
  );
  return fc.tuple(fc.tuple(...pairs), fc.boolean()).map(([chosen, rawJunk]) => {
    const search = new URLSearchParams();
    for (const list of chosen) for (const [name, value] of list ?? []) search.append(name, value);
    const text = search.toString();
    // Raw, undecodable percent-encoding appended as it would arrive from a hostile client.
    const raw = rawJunk ? `${text ? '&' : ''}q=%ff%00&x[y][z]=1` : '';
    return text || raw ? `?${text}${raw}` : '';
  });
}

function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  const path = fc.tuple(...pathParameters.map((p) => pathValue(p))).map((values) => {
    let filled = operation.path;
    pathParameters.forEach((parameter, index) => {
      filled = filled.replace(`{${parameter.name}}`, values[index] ?? '');
    });
    return filled;
  });
  const headers = fc
    .tuple(...headerParameters.map(() => fc.option(fc.oneof(fc.uuid(), fc.string({ unit: 'binary-ascii' })))))
    .map((values) => {
      const result: Record<string, string> = {};
      headerParameters.forEach((parameter, index) => {
        const value = values[index];
        // fetch refuses control characters in headers, as any HTTP client does; they cannot arrive.
        if (value && /^[\x20-\x7e]*$/.test(value)) result[parameter.name] = value;
      });
      return result;
    });
  const body: fc.Arbitrary<FuzzRequest['body']> = operation.body
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: arbitraries.of(operation.body).map((value) => ({ kind: 'json' as const, value })),
        },
        { weight: 1, arbitrary: junk.map((value) => ({ kind: 'json' as const, value })) },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('raw' as const),
            text: fc.constantFrom(
              '{"a":',
              '\u0000',
              '{"displayName":"\\u0000"}',
              '[]',
              'null',
              ...HOSTILE_STRINGS,
            ),
            type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          }),
        },
      )
    : fc.constant(null);
  return fc.record({ path, query: queryString(queryParameters), headers, body });
}

async function send(role: string, operation: Operation, request: FuzzRequest): Promise<number> {
  const body = request.body;
  const init: RequestInit = {
    method: operation.method,
    headers: {
      cookie: cookies.get(role) ?? '',
      'x-bondgenoten-client': 'tab',
      ...request.headers,
      ...(body ? { 'content-type': body.kind === 'json' ? 'application/json' : body.type } : {}),
    },
    ...(body ? { body: body.kind === 'json' ? JSON.stringify(body.value) : body.text } : {}),
    signal: AbortSignal.timeout(20_000),
  };
  const response = await fetch(`${server.url}${request.path}${request.query}`, init);
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) cookies.set(role, await signInAs(server.url, role));
  // A call-out, so call-out operations also meet a real row.
  const db = server.database.db;
  await callApi(server.url, cookies.get('Sanne Verhoef') ?? '', 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve fuzz-oproep',
    ask: 'Peil de achterban',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans')],
  });
  const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  operations = operationsOf(document);
  arbitraries = new SchemaArbitraries(document.components.schemas, await knownIds());
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe(`fuzzing every operation of the OpenAPI document (${TEST_ENGINE})`, () => {
  it('never answers 5xx, stays healthy and keeps a verifiable audit chain', async () => {
    const perCombination = Math.max(1, Math.ceil(REQUESTS / (operations.length * ROLES.length)));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = performance.now();
    for (const [index, operation] of operations.entries()) {
      for (const role of ROLES) {
        const samples = fc.sample(requestFor(operation), { numRuns: perCombination, seed: SEED + index });
        for (const request of samples) {
          let status = await send(role, operation, request);
          if (status === 401) {
            // The fuzzer may have signed this role out (DELETE /auth/local/session): sign in again.
            cookies.set(role, await signInAs(server.url, role));
            status = await send(role, operation, request);
            sent += 1;
          }
          sent += 1;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500)
            failures.push(
              `${status} ${operation.operationId} ${operation.method} ${request.path}${request.query}`,
            );
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `openapi fuzz (${TEST_ENGINE}): ${sent} requests over ${operations.length} operations × ${ROLES.length} roles ` +
        `in ${seconds} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `${failures.length} 5xx`,
    );
    expect(operations.length).toBeGreaterThanOrEqual(80);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    expect(failures.slice(0, 20)).toEqual([]);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await sealAuditJournal(server.database.db);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ valid: true });
  }, 180_000);
});
