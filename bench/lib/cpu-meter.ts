// CPU per request of the in-process bench server (process.cpuUsage, every thread) and of the PostgreSQL backends
// of its database (/proc/<pid>/stat), with the statements sent per request; the load comes from a child process
// (cpu-client.mjs), so its CPU is not the server's. Shared by bench/tools/cpu-per-request.ts and cpu-first-pages.ts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import type { Database } from '../../src/platform/db/schema.js';

const run = promisify(execFile);
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
// pool binds each new client's query then), so import this module before the bench server starts.
const sent = new Map<string, number>();
const count = (config: unknown) => {
  const text = typeof config === 'string' ? config : ((config as { text?: string } | undefined)?.text ?? '?');
  sent.set(text, (sent.get(text) ?? 0) + 1);
};
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  count(args[0]);
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;
// PGlite's too (Kysely's PGlite dialect sends every statement through `query`), so the counts hold on both engines.
const pgliteQuery = PGlite.prototype.query as (...args: unknown[]) => unknown;
PGlite.prototype.query = function (this: PGlite, ...args: unknown[]) {
  count(args[0]);
  return pgliteQuery.apply(this, args);
} as typeof PGlite.prototype.query;

// Connections the pool opens (each a new backend: fork, authentication, cold catalogue caches).
let opened = 0;
const connect = pg.Client.prototype.connect as (...args: unknown[]) => unknown;
pg.Client.prototype.connect = function (this: pg.Client, ...args: unknown[]) {
  opened += 1;
  return connect.apply(this, args);
} as typeof pg.Client.prototype.connect;

/** How many connections to PostgreSQL the server's pool has opened so far. */
export const connectionsOpened = () => opened;

function statementsPerRequest(since: Map<string, number>, n: number) {
  const deltas = [...sent].map(([text, count]) => [text, count - (since.get(text) ?? 0)] as const);
  const total = deltas.reduce((sum, [, count]) => sum + count, 0);
  const top = deltas
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 4))
    .map(
      ([text, count]) =>
        `${(count / n).toFixed(3)} × ${text.replace(/\s+/g, ' ').slice(0, Number(process.env.TEXT ?? 70))}`,
    );
  return { perRequest: total / n, top };
}

/** One measured row: CPU ms per request of the server and of PostgreSQL, statements per request. */
export interface CpuRow {
  nodeMs: number;
  userMs: number;
  sysMs: number;
  pgMs: number;
  statements: number;
  top: string[];
  rps: number;
  p50: number;
  non2xx: number;
  errors: number;
}

/**
 * Measures rows against one bench server's database. The backends' CPU only on PostgreSQL (`engine`): PGlite runs in
 * the server's own process, so its share is in the server's figure and the `pg` column reads 0.
 */
export async function cpuMeter(
  db: Kysely<Database>,
  baseUrl: string,
  engine: 'postgres' | 'pglite' = 'postgres',
) {
  const dbName = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name;
  async function pgTicks(): Promise<Map<number, number>> {
    if (engine === 'pglite') return new Map();
    const rows = await sql<{
      pid: number;
    }>`select pid from pg_stat_activity where datname = ${dbName}`.execute(db);
    return new Map(rows.rows.map((r) => [r.pid, procTicks(r.pid)]));
  }
  /** Ticks since `before` of the backends alive now (a backend new since then counts whole). */
  async function pgTicksSince(before: Map<number, number>): Promise<number> {
    let total = 0;
    for (const [pid, ticks] of await pgTicks()) total += ticks - (before.get(pid) ?? 0);
    return total;
  }

  async function fire(
    path: string,
    headers: Record<string, string>,
    connections: number,
    amount: number,
    perConnection?: Record<string, string>[],
  ) {
    const { stdout } = await run(process.execPath, [
      new URL('../tools/cpu-client.mjs', import.meta.url).pathname,
      JSON.stringify({
        url: `${baseUrl}${path}`,
        headers,
        ...(perConnection ? { headersPerConnection: perConnection } : {}),
        connections,
        amount,
      }),
    ]);
    return JSON.parse(stdout) as { non2xx: number; errors: number; rps: number; p50: number };
  }

  /** `amount` requests of `path` at `connections`, the audit journal sealed before and after (its share counts). */
  async function measure(
    path: string,
    headers: Record<string, string>,
    connections: number,
    amount: number,
    perConnection?: Record<string, string>[],
  ): Promise<CpuRow> {
    await sealAuditJournal(db);
    const before = { node: process.cpuUsage(), pg: await pgTicks(), sent: new Map(sent) };
    const result = await fire(path, headers, connections, amount, perConnection);
    await sealAuditJournal(db); // the chain's share of each audited view is part of its cost
    const node = process.cpuUsage(before.node);
    const statements = statementsPerRequest(before.sent, amount);
    const pgUsed = await pgTicksSince(before.pg);
    return {
      nodeMs: (node.user + node.system) / 1000 / amount,
      userMs: node.user / 1000 / amount,
      sysMs: node.system / 1000 / amount,
      pgMs: (pgUsed * TICK) / amount,
      statements: statements.perRequest,
      top: statements.top,
      ...result,
    };
  }
  return { fire, measure };
}

/** One row as the tools print it. */
export function formatCpuRow(key: string, row: CpuRow, width = 11): string {
  return (
    `${key.padEnd(width)} node ${row.nodeMs.toFixed(2)} ms/req (user ${row.userMs.toFixed(2)}, sys ${row.sysMs.toFixed(2)})  ` +
    `pg ${row.pgMs.toFixed(2)} ms/req  client rps ${row.rps.toFixed(0)} p50 ${row.p50} ms non2xx ${row.non2xx} errors ${row.errors}\n` +
    `    statements/req ${row.statements.toFixed(3)}\n      ${row.top.join('\n      ')}`
  );
}
