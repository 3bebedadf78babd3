import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';
import { eventually } from '../helpers/eventually.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { findPostgresBin, type OwnPostgres, startOwnPostgres } from '../helpers/own-postgres.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Issue 13, defect 6 and "keep it proven": a database outage under write load, on a cluster of our own.
const bin = findPostgresBin();
if (!bin) console.warn('database-outage.test: skipped, no initdb under /usr/lib/postgresql/*/bin');

const OUTAGE_MS = 3_000;
const WRITERS = 4;

let cluster: OwnPostgres;
let database: DatabaseHandle;
let server: TestServer;
let cookie: string;
let networkId: string;

interface Outcome {
  name: string;
  status: number;
  retryAfter: string | null;
  type: string | null;
  at: number;
}

beforeAll(async () => {
  if (!bin) return;
  cluster = await startOwnPostgres(bin);
  database = await openDatabase({ kind: 'postgres', url: cluster.url });
  await migrateToLatest(database);
  await seedDemoMunicipality(database.db);
  server = await startTestServer({ database });
  cookie = await signInAs(server.url, 'Sanne Verhoef');
  const haven = await database.db
    .selectFrom('networks')
    .select('id')
    .where('name', 'ilike', '%haven%')
    .executeTakeFirstOrThrow();
  networkId = haven.id;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.close().catch(() => undefined);
  await cluster?.destroy();
});

async function write(n: number): Promise<Outcome> {
  const name = `Fictieve Storing ${n}`;
  const response = await fetch(`${server.url}/api/v1/networks/${networkId}/people`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: name, consentDate: '2026-01-01' }),
  });
  const text = await response.text();
  const type = response.status >= 400 ? ((JSON.parse(text) as { type?: string }).type ?? null) : null;
  return {
    name,
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    type,
    at: Date.now(),
  };
}

(!bin ? describe.skip : describe)('a database outage under write load', () => {
  it('answers 503 with Retry-After, loses no acknowledged write, and recovers without a restart', async () => {
    const outcomes: Outcome[] = [];
    let counter = 0;
    let running = true;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (running) outcomes.push(await write(counter++));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const stoppedAt = Date.now();
    await cluster.stop('immediate');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const during = await callApi(server.url, cookie, 'GET', `/api/v1/networks/${networkId}`);
    expect(during.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));

    const restartedAt = Date.now();
    await cluster.start();
    const back = Date.now();
    // Keep writing until the first acknowledged write after the restart, then a little more.
    while (!outcomes.some((o) => o.at > back && o.status === 201) && Date.now() - back < 15_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const recoveredAt = outcomes.find((o) => o.at > back && o.status === 201)?.at ?? Number.NaN;
    await new Promise((resolve) => setTimeout(resolve, 300));
    running = false;
    await Promise.all(writers);

    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    console.info(
      `outage test: ${outcomes.length} writes, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `outage ${restartedAt - stoppedAt} ms, pg_ctl start ${back - restartedAt} ms, ` +
        `first acknowledged write ${recoveredAt - back} ms after the server was back`,
    );
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.retryAfter).toMatch(/^\d+$/);
      expect(o.type).toBe('urn:bondgenoten:problem:not-ready');
    }
    expect(recoveredAt - back).toBeLessThan(5_000);

    // Every acknowledged write is there.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.name);
    const stored = await database.db
      .selectFrom('people')
      .select('display_name')
      .where('display_name', 'like', 'Fictieve Storing %')
      .execute();
    const storedNames = new Set(stored.map((row) => row.display_name));
    expect(acknowledged.filter((name) => !storedNames.has(name))).toEqual([]);

    // Logged once each, at warn and info; no error-level line for the outage.
    const logs = server.logLines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logs.filter((l) => l.msg.startsWith('database unavailable'))).toHaveLength(1);
    expect(logs.filter((l) => l.msg.startsWith('database unavailable'))[0]?.level).toBe(40);
    await eventually(() => server.logLines.filter((l) => l.includes('database available again')).length, {
      timeout: 5_000,
    }).toBe(1);
    expect(logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);

    // The audit trail is whole.
    await sealAuditJournal(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ valid: true });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 60_000);
});
