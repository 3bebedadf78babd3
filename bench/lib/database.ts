import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';
import { deferCleanup } from './cleanup.js';

/** The admin connection of the PostgreSQL server to bench against; unset means PGlite in memory. */
const ADMIN_URL = process.env.BENCH_DATABASE_URL;

/** The engine every suite runs against this time. */
export const BENCH_ENGINE: 'pglite' | 'postgres' = ADMIN_URL ? 'postgres' : 'pglite';

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(adminUrl: string): Promise<DatabaseHandle> {
  // A database of its own per suite: never measure (or damage) whatever else lives on the server.
  const name = `bg_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const drop = deferCleanup(() =>
    withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(
      () => undefined,
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() }).catch(async (error) => {
    await drop();
    throw error;
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/**
 * A fresh, migrated database of the bench's engine, optionally with the fictional demo municipality;
 * closing it drops it (PostgreSQL) or discards it (PGlite in memory).
 */
export async function createBenchDatabase(options: { seed?: boolean } = {}): Promise<DatabaseHandle> {
  const handle = ADMIN_URL
    ? await createPostgresDatabase(ADMIN_URL)
    : await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  try {
    await migrateToLatest(handle);
    if (options.seed) await seedDemoMunicipality(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** The engine and its version, for the results file: the server's version, or PGlite's package version. */
export async function describeEngine(): Promise<{ engine: string; version: string }> {
  if (ADMIN_URL) {
    const version = await withAdmin(ADMIN_URL, async (client) => {
      const result = await client.query<{ server_version: string }>('show server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    });
    return { engine: 'postgres', version };
  }
  const manifest = join(projectRoot(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return { engine: 'pglite', version };
}

/**
 * Bench databases on the PostgreSQL server that no running bench owns: a run killed outright (SIGKILL)
 * cannot drop its own. Only listed, never dropped here: another machine may share the server.
 */
export async function leftoverBenchDatabases(): Promise<string[]> {
  if (!ADMIN_URL) return [];
  const names = await withAdmin(ADMIN_URL, async (client) => {
    const result = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'bg\\_bench\\_%' order by datname",
    );
    return result.rows.map((row) => row.datname);
  });
  return names.filter((name) => !isRunning(Number(name.split('_')[2])));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
