import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';
import {
  buildPgliteTemplates,
  type PgliteTemplates,
  pgliteTemplateKey,
  TEST_PGLITE_START_PARAMS,
} from './pglite-template.js';

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
  __bondgenotenWorkerCache?: Map<string, PgliteTemplates>;
};

/** The templates jest-global-setup.mjs wrote for this run, if it did and they match the migration files. */
async function templatesOfThisRun(key: string): Promise<PgliteTemplates | undefined> {
  const dir = process.env.BONDGENOTEN_PGLITE_TEMPLATES;
  if (!dir) return undefined;
  try {
    const [empty, migrated] = await Promise.all(
      ['empty', 'migrated'].map(async (name) => new Blob([await readFile(join(dir, `${key}-${name}.tar`))])),
    );
    return empty && migrated ? { empty, migrated } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * PGlite's data directories after initdb and after every migration (tests/helpers/pglite-template.ts), which
 * each test database loads instead of running initdb and the migrations again. Normally made once per run by
 * Jest's global setup; read once per worker process and kept in the worker's cache. Without them (another
 * runner, or migration files changed during the run) the worker makes its own. The migrations test still
 * migrates from empty: the empty template is initdb's output, nothing more.
 */
async function pgliteTemplates(): Promise<PgliteTemplates | undefined> {
  const cache = suiteGlobal.__bondgenotenWorkerCache;
  if (!cache) return undefined;
  const key = await pgliteTemplateKey();
  const cached = cache.get(key);
  if (cached) return cached;
  // Only a finished template is shared: a build still running belongs to its file's vm context, which Jest tears
  // down (and then refuses its imports) if that file fails or times out; the next file then builds its own.
  const templates =
    (await templatesOfThisRun(key)) ?? (await buildPgliteTemplates(suiteGlobal.__bondgenotenPglite));
  cache.set(key, templates);
  return templates;
}

/** Opens a PGlite database in memory from a template dump (or, outside Jest's environment, from initdb). */
async function openPgliteDatabase(template: Blob | undefined): Promise<DatabaseHandle> {
  return openDatabase({
    kind: 'pglite',
    dataDir: 'memory',
    pglite: {
      ...suiteGlobal.__bondgenotenPglite,
      startParams: TEST_PGLITE_START_PARAMS,
      ...(template ? { loadDataDir: template } : {}),
    },
  });
}

/** An empty, unmigrated database of the suite's engine; closing it drops it. */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openPgliteDatabase((await pgliteTemplates())?.empty);

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
  const handle =
    TEST_ENGINE === 'pglite'
      ? await openPgliteDatabase((await pgliteTemplates())?.migrated)
      : await createEmptyTestDatabase();
  // A no-op on a current template; it also proves the template is as far as the migration files go.
  await migrateToLatest(handle);
  if (options.seed) await seedDemoMunicipality(handle.db);
  return handle;
}
