import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Database } from '../../src/platform/db/schema.js';
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
  __bondgenotenWorkerCache?: Map<string, PgliteTemplates | SeededTemplate>;
};

/** A migrated template with the demo municipality seeded into it, and when it was seeded. */
interface SeededTemplate {
  dump: Blob;
  seededAt: Date;
}

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
 * migrates from empty: the empty template is initdb's output (less the two template databases).
 */
async function pgliteTemplates(): Promise<PgliteTemplates | undefined> {
  const cache = suiteGlobal.__bondgenotenWorkerCache;
  if (!cache) return undefined;
  const key = await pgliteTemplateKey();
  const cached = cache.get(key) as PgliteTemplates | undefined;
  if (cached) return cached;
  // Only a finished template is shared: a build still running belongs to its file's vm context, which Jest tears
  // down (and then refuses its imports) if that file fails or times out; the next file then builds its own.
  const templates =
    (await templatesOfThisRun(key)) ?? (await buildPgliteTemplates(suiteGlobal.__bondgenotenPglite));
  cache.set(key, templates);
  return templates;
}

/**
 * How long a worker reuses the demo municipality it seeded. The seed is relative to its moment (signals of the
 * past year, an absence two weeks ahead, decisions taken "now"), so a database from this template holds what a
 * fresh seed of at most this long ago would. A test file already runs up to a minute after its own seed; a few
 * minutes more is the same kind of gap, and a new day (UTC or Amsterdam) always seeds afresh.
 */
const SEEDED_TEMPLATE_MAX_AGE_MS = 5 * 60_000;

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
function sameDays(a: Date, b: Date): boolean {
  return (
    a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10) &&
    AMSTERDAM_DATE.format(a) === AMSTERDAM_DATE.format(b)
  );
}

/**
 * The migrated template with the demo municipality seeded (seedDemoMunicipality, about 1.7 s of CPU on PGlite),
 * made by the first seeded database of a worker and reused by the next ones for SEEDED_TEMPLATE_MAX_AGE_MS.
 * Opened here rather than through openDatabase because the dump needs the PGlite instance; the DATE parser is
 * openDatabase's, so the seed reads what it would read there.
 */
async function seededPgliteTemplate(migrated: Blob): Promise<Blob | undefined> {
  const cache = suiteGlobal.__bondgenotenWorkerCache;
  if (!cache) return undefined;
  const key = `${await pgliteTemplateKey()}-seeded`;
  const now = new Date();
  const cached = cache.get(key) as SeededTemplate | undefined;
  if (
    cached &&
    now.getTime() - cached.seededAt.getTime() < SEEDED_TEMPLATE_MAX_AGE_MS &&
    sameDays(cached.seededAt, now)
  ) {
    return cached.dump;
  }
  const pglite = await PGlite.create({
    ...suiteGlobal.__bondgenotenPglite,
    startParams: TEST_PGLITE_START_PARAMS,
    loadDataDir: migrated,
    parsers: { [pg.types.builtins.DATE]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    const seededAt = new Date();
    await seedDemoMunicipality(db);
    await pglite.exec('checkpoint');
    const dump = await pglite.dumpDataDir('none');
    cache.set(key, { dump, seededAt });
    return dump;
  } finally {
    await db.destroy();
  }
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
  if (TEST_ENGINE === 'pglite') {
    const migrated = (await pgliteTemplates())?.migrated;
    const seeded = options.seed && migrated ? await seededPgliteTemplate(migrated) : undefined;
    const handle = await openPgliteDatabase(seeded ?? migrated);
    // A no-op on a current template; it also proves the template is as far as the migration files go.
    await migrateToLatest(handle);
    // Outside Jest's environment there is no seeded template: seed here.
    if (options.seed && !seeded) await seedDemoMunicipality(handle.db);
    return handle;
  }
  const handle = await createEmptyTestDatabase();
  await migrateToLatest(handle);
  if (options.seed) await seedDemoMunicipality(handle.db);
  return handle;
}
