// CPU time per request of the network page, its coverage, /areas, /me and /healthz: server process (process.cpuUsage, every thread)
// and the PostgreSQL backends of the bench database (/proc/<pid>/stat), the client in a child process.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { generateLargeMunicipality } from '../lib/large-municipality.js';
import { administratorHeaders, grantViewers, signInEach, viewersOfNetwork } from '../lib/many-users.js';
import { benchServer, stopBenchServer } from '../lib/server.js';
import { signInLocallyAs } from '../lib/sign-in.js';

const run = promisify(execFile);
const amount = Number(process.env.AMOUNT ?? 2000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const only = process.env.ONLY?.split(',');
// USERS=50: also /me and the network page spread over 50 of the network's staff, one per connection (`me@50`,
// `network@50`); staff of other networks are first made viewers of it, so every row reads a page with 50 staff.
const users = Number(process.env.USERS ?? 0);
const TICK = 10; // ms per clock tick (USER_HZ 100)

function procTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

// Every statement the server sends to PostgreSQL, by its text: patched before the pool opens a connection (the
// pool binds each new client's query then). Printed per row as statements per request and the most frequent ones.
const sent = new Map<string, number>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config] = args;
  const text = typeof config === 'string' ? config : ((config as { text?: string } | undefined)?.text ?? '?');
  sent.set(text, (sent.get(text) ?? 0) + 1);
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

function statementsSummary(since: Map<string, number>, n: number): string {
  const deltas = [...sent].map(([text, count]) => [text, count - (since.get(text) ?? 0)] as const);
  const total = deltas.reduce((sum, [, count]) => sum + count, 0);
  const top = deltas
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([text, count]) => `${(count / n).toFixed(3)} × ${text.replace(/\s+/g, ' ').slice(0, 70)}`);
  return `statements/req ${(total / n).toFixed(3)}\n      ${top.join('\n      ')}`;
}

const server = await benchServer();
const db = server.database.db;
const generated = await generateLargeMunicipality(db);
const plan = generated.plan;
const sizes = new Map<string, number>();
for (const { networkId } of plan.memberships) sizes.set(networkId, (sizes.get(networkId) ?? 0) + 1);
const network = [...plan.networks].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0];
const coordinator = plan.roles.find((r) => r.networkId === network?.id && r.role === 'coordinator');
if (!network || !coordinator) throw new Error('Benchstad has no network with a coordinator');
const cookie = await signInLocallyAs(server.url, coordinator.userId);
const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
let perUser: Record<string, string>[] = [];
if (users > 0) {
  const viewers = viewersOfNetwork(plan, network.id, users);
  await grantViewers(server.url, await administratorHeaders(server.url), network.id, viewers.toGrant);
  perUser = await signInEach(server.url, viewers.userIds);
}
const dbName = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name;

async function backends(): Promise<number[]> {
  const rows = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${dbName}`.execute(
    db,
  );
  return rows.rows.map((r) => r.pid);
}

async function pgTicks(): Promise<Map<number, number>> {
  return new Map((await backends()).map((pid) => [pid, procTicks(pid)]));
}

/** Ticks since `before` of the backends alive now (a backend new since then counts whole). */
async function pgTicksSince(before: Map<number, number>): Promise<number> {
  let total = 0;
  for (const [pid, ticks] of await pgTicks()) total += ticks - (before.get(pid) ?? 0);
  return total;
}

async function fire(path: string, n: number, many = false) {
  const { stdout } = await run(process.execPath, [
    new URL('./cpu-client.mjs', import.meta.url).pathname,
    JSON.stringify({
      url: `${server.url}${path}`,
      headers,
      ...(many ? { headersPerConnection: perUser } : {}),
      connections,
      amount: n,
    }),
  ]);
  return JSON.parse(stdout) as { non2xx: number; errors: number; rps: number; p50: number };
}

const endpoints: [string, string, boolean?][] = [
  ['healthz', '/healthz'],
  ['me', '/api/v1/me'],
  ...(users > 0 ? [[`me@${users}`, '/api/v1/me', true] as [string, string, boolean]] : []),
  ['network', `/api/v1/networks/${network.id}`],
  ...(users > 0
    ? [[`network@${users}`, `/api/v1/networks/${network.id}`, true] as [string, string, boolean]]
    : []),
  ['coverage', `/api/v1/networks/${network.id}/coverage`],
  ['areas', '/api/v1/areas'],
];
const body = await (await fetch(`${server.url}/api/v1/networks/${network.id}`, { headers })).text();
console.log(
  `network ${network.name}: ${sizes.get(network.id)} people, body ${body.length} bytes; amount ${amount} at ${connections} connections`,
);
for (const [, path, many] of endpoints) await fire(path, 300, many);
await sealAuditJournal(db);
const profile = process.env.PROFILE;
let session: Session | undefined;
if (profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
for (let round = 0; round < rounds; round++) {
  for (const [key, path, many] of endpoints) {
    if (only && !only.includes(key)) continue;
    await sealAuditJournal(db);
    const before = {
      node: process.cpuUsage(),
      pg: await pgTicks(),
      at: performance.now(),
      sent: new Map(sent),
    };
    const result = await fire(path, amount, many);
    await sealAuditJournal(db); // the chain's share of each audited view is part of its cost
    const node = process.cpuUsage(before.node);
    const statements = statementsSummary(before.sent, amount);
    const pgUsed = await pgTicksSince(before.pg);
    console.log(
      `${key.padEnd(11)} node ${((node.user + node.system) / 1000 / amount).toFixed(2)} ms/req ` +
        `(user ${(node.user / 1000 / amount).toFixed(2)}, sys ${(node.system / 1000 / amount).toFixed(2)})  ` +
        `pg ${((pgUsed * TICK) / amount).toFixed(2)} ms/req  client rps ${result.rps.toFixed(0)} p50 ${result.p50} ms non2xx ${result.non2xx} errors ${result.errors}\n    ${statements}`,
    );
  }
}
if (session && profile) {
  const { profile: data } = await session.post('Profiler.stop');
  writeFileSync(profile, JSON.stringify(data));
}
await stopBenchServer();
