import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/**
 * `POST /api/v1/call-outs` with an `Idempotency-Key`: a tool (or the tab) that retries after a lost answer
 * must not alert the network twice. The same key from the same starter returns the call-out already started.
 */
let server: TestServer;
let sanne: string;
let joris: string;
let body: Record<string, unknown>;

async function start(cookie: string, key: string | null) {
  const response = await fetch(`${server.url}/api/v1/call-outs`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      ...(key === null ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: JSON.parse(text),
  };
}

async function count(table: 'call_outs' | 'call_out_deliveries'): Promise<number> {
  const row = await server.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  server = await startTestServer();
  [sanne, joris] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Joris Amrani'),
  ]);
  body = {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve brand bij een gebedshuis',
    ask: 'Kom naar het buurthuis',
    placeIds: [await areaId(server.database.db, 'Centrum Haven')],
    communityIds: [],
  };
});
afterAll(async () => {
  await server?.close();
});

describe('starting a call-out with an Idempotency-Key', () => {
  it('starts once: a retry, and two requests racing, get the call-out already started', async () => {
    const key = randomUUID();
    const [callOuts, deliveries] = [await count('call_outs'), await count('call_out_deliveries')];
    const first = await start(sanne, key);
    expect(first.status).toBe(201);
    const afterFirst = await count('call_out_deliveries');
    expect(afterFirst).toBeGreaterThan(deliveries);
    const retry = await start(sanne, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);

    const raceKey = randomUUID();
    const raced = await Promise.all([start(sanne, raceKey), start(sanne, raceKey), start(sanne, raceKey)]);
    expect(raced.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);

    expect(await count('call_outs')).toBe(callOuts + 2);
    // The retry alerted no one again: the deliveries are the two starts' own.
    expect(await count('call_out_deliveries')).toBe(deliveries + 2 * (afterFirst - deliveries));
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', first.body.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['call-out.start', 'call-out.read']);
  });

  it('keeps keys per starter, and starts anew without a key', async () => {
    const key = randomUUID();
    const mine = await start(sanne, key);
    const theirs = await start(joris, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const a = await start(sanne, null);
    const b = await start(sanne, null);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('refuses a key that is no UUID with problem+json naming the header, and writes nothing', async () => {
    const before = await count('call_outs');
    const refused = await start(sanne, 'opnieuw-proberen');
    expect(refused.status).toBe(400);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['header.idempotency-key']);
    expect(await count('call_outs')).toBe(before);
  });

  it('documents the header in the OpenAPI description', async () => {
    const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const parameters = document.paths['/api/v1/call-outs'].post.parameters as { in: string; name: string }[];
    expect(parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key' }));
  });
});
