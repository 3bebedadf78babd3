import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';

/** The server the default `npm test` uses when TEST_DATABASE_URL is unset: CI and this machine kind have it. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The admin connection for tests that run workers in other processes: TEST_DATABASE_URL when set, else the
 * PostgreSQL on 127.0.0.1:5432 when it answers. Without either the tests skip, and say so — except on CI
 * (`CI` set), where a missing server is an error, so the crash and stall tests are never silently left out.
 * Not PGlite over a socket (@electric-sql/pglite-socket): PGlite has one session, which its server shares
 * between connections, so a worker killed inside a transaction would leave it open for everyone and
 * `FOR UPDATE SKIP LOCKED` between two workers would not be tested at all.
 */
export async function resolveAdminUrl(
  label: string,
  localUrl = LOCAL_POSTGRES_URL,
): Promise<string | undefined> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return configured;
  if (await answers(localUrl)) return localUrl;
  if (process.env.CI)
    throw new Error(
      `${label}: needs PostgreSQL (TEST_DATABASE_URL, or a server on 127.0.0.1:5432); none answers on CI`,
    );
  console.warn(`${label}: skipped, no PostgreSQL (set TEST_DATABASE_URL or run one on 127.0.0.1:5432)`);
  return undefined;
}

/**
 * A PostgreSQL database of its own for tests that run workers in other processes (PGlite lives inside one
 * process): created with a random name on the server of the admin URL ({@link resolveAdminUrl}), migrated,
 * seeded with the fictional demo municipality, and dropped by `drop()`.
 */
export interface ScratchPostgres {
  /** The connection string child processes use. */
  url: string;
  database: DatabaseHandle;
  drop(): Promise<void>;
}

async function admin(adminUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export async function createScratchPostgres(adminUrl: string, label: string): Promise<ScratchPostgres> {
  const name = `bg_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const database = await openDatabase({ kind: 'postgres', url });
  await migrateToLatest(database);
  await seedDemoMunicipality(database.db);
  return {
    url,
    database,
    drop: async () => {
      await database.close();
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
