import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Database } from '../../src/platform/db/schema.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';

/**
 * The engine the suite runs against: PGlite in memory by default, or the PostgreSQL server named
 * by TEST_DATABASE_URL (an admin connection; each test file gets a database of its own there).
 */
export const TEST_ENGINE: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type PgliteArtifacts = Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle'>;

/**
 * What tests/helpers/jest-environment.mjs hands each file: PGlite's WebAssembly compiled once per worker, and a
 * map that outlives the file's module registry. Absent outside that environment (then PGlite loads its own).
 */
const suiteGlobal = globalThis as {
  __bondgenotenPglite?: PgliteArtifacts;
  __bondgenotenWorkerCache?: Map<string, Blob>;
};

/** A hash of every migration file's name and content: a template made from other migrations is never reused. */
async function migrationsKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return `pglite-template:${hash.digest('hex')}`;
}

/**
 * The data directory of a PGlite database migrated to the latest migration, made once per worker process
 * (by running every migration from empty, as the first file always did) and loaded by every later file instead
 * of rerunning the migrations. The migrations test still migrates from empty through createEmptyTestDatabase.
 */
async function migratedPgliteTemplate(): Promise<Blob | undefined> {
  const cache = suiteGlobal.__bondgenotenWorkerCache;
  if (!cache) return undefined;
  const key = await migrationsKey();
  const cached = cache.get(key);
  if (cached) return cached;
  // Only a finished template is shared: a build still running belongs to its file's vm context, which Jest tears
  // down (and then refuses its imports) if that file fails or times out; the next file then builds its own.
  const pglite = await PGlite.create({ ...suiteGlobal.__bondgenotenPglite });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest({
      db,
      engine: 'pglite',
      runScript: async (_executor, script) => {
        await pglite.exec(script);
      },
      close: () => db.destroy(),
    });
    const template = await pglite.dumpDataDir('none');
    cache.set(key, template);
    return template;
  } finally {
    await db.destroy();
  }
}

/** An empty, unmigrated database of the suite's engine; closing it drops it. */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    return openDatabase({ kind: 'pglite', dataDir: 'memory', pglite: suiteGlobal.__bondgenotenPglite });

  // Never assume an empty server: every test file gets its own freshly created database.
  const name = `bg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A migrated database, optionally with the fictional demo municipality. */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<DatabaseHandle> {
  const template = TEST_ENGINE === 'pglite' ? await migratedPgliteTemplate() : undefined;
  const handle = template
    ? await openDatabase({
        kind: 'pglite',
        dataDir: 'memory',
        pglite: { ...suiteGlobal.__bondgenotenPglite, loadDataDir: template },
      })
    : await createEmptyTestDatabase();
  // A no-op on a current template; it also proves the template is as far as the migration files go.
  await migrateToLatest(handle);
  if (options.seed) await seedDemoMunicipality(handle.db);
  return handle;
}
