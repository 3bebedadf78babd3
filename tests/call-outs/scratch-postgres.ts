import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';

/**
 * A PostgreSQL database of its own for tests that run workers in other processes (PGlite lives inside one
 * process): created on the server of TEST_DATABASE_URL, migrated, seeded with the fictional demo
 * municipality, and dropped by `drop()`.
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
