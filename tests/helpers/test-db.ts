import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
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

/** Whether a demo seed made at `seededAt` may stand in for a fresh one made `now` (see above). */
function seedStillFresh(seededAt: Date, now: Date): boolean {
  const age = now.getTime() - seededAt.getTime();
  return age >= 0 && age < SEEDED_TEMPLATE_MAX_AGE_MS && sameDays(seededAt, now);
}

/**
 * The newest demo-seeded dump another worker (or an earlier process of this one, before a memory-limit restart)
 * left in this run's template folder, `<key>-<seededAt ms>.tar`, if it is still fresh.
 */
async function sharedSeededDump(key: string, now: Date): Promise<SeededTemplate | undefined> {
  const dir = process.env.BONDGENOTEN_PGLITE_TEMPLATES;
  if (!dir) return undefined;
  const pattern = new RegExp(`^${key}-(\\d+)\\.tar$`);
  const newest = Math.max(0, ...(await readdir(dir)).map((file) => Number(pattern.exec(file)?.[1] ?? 0)));
  const seededAt = new Date(newest);
  if (newest === 0 || !seedStillFresh(seededAt, now)) return undefined;
  return { dump: new Blob([await readFile(join(dir, `${key}-${newest}.tar`))]), seededAt };
}

/** Leaves a demo-seeded dump in this run's template folder for the other workers (renamed in whole). */
async function shareSeededDump(key: string, seeded: SeededTemplate): Promise<void> {
  const dir = process.env.BONDGENOTEN_PGLITE_TEMPLATES;
  if (!dir) return;
  const file = join(dir, `${key}-${seeded.seededAt.getTime()}.tar`);
  await writeFile(`${file}.${process.pid}`, Buffer.from(await seeded.dump.arrayBuffer()));
  await rename(`${file}.${process.pid}`, file);
}

/**
 * The migrated template with the demo municipality seeded (seedDemoMunicipality, about 1.7 s of CPU on PGlite),
 * made by the first seeded database of the run and reused by the next ones, in every worker, for
 * SEEDED_TEMPLATE_MAX_AGE_MS: a worker keeps it in its cache and shares it through the run's template folder, so
 * a worker restarted at its memory limit, or the other worker, loads it instead of seeding again. Opened here
 * rather than through openDatabase because the dump needs the PGlite instance; the DATE parser is openDatabase's,
 * so the seed reads what it would read there.
 */
async function seededPgliteTemplate(migrated: Blob): Promise<Blob | undefined> {
  const cache = suiteGlobal.__bondgenotenWorkerCache;
  if (!cache) return undefined;
  const key = `${await pgliteTemplateKey()}-seeded`;
  const now = new Date();
  const cached = cache.get(key) as SeededTemplate | undefined;
  if (cached && seedStillFresh(cached.seededAt, now)) return cached.dump;
  const shared = await sharedSeededDump(key, now);
  if (shared) {
    cache.set(key, shared);
    return shared.dump;
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
    const seeded = { dump: await pglite.dumpDataDir('none'), seededAt };
    cache.set(key, seeded);
    await shareSeededDump(key, seeded);
    return seeded.dump;
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

/** Creates database `name` on the server, a copy of `template` if one is named, and opens it. */
async function createPostgresDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<DatabaseHandle> {
  await withAdmin(adminUrl, (client) =>
    client.query(`create database ${name}${template ? ` template ${template}` : ''}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await openDatabase({ kind: 'postgres', url: url.toString() });
  } catch (error) {
    await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    throw error;
  }
}

/** A PostgreSQL database of this file's own, a copy of `template` or empty; closing it drops it. */
async function createPostgresTestDatabase(adminUrl: string, template?: string): Promise<DatabaseHandle> {
  // Never assume an empty server: every test file gets its own freshly created database.
  const name = `bg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await createPostgresDatabase(adminUrl, name, template);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * On PostgreSQL, the run's migrated template (BONDGENOTEN_PG_TEMPLATE, made by jest-global-setup.mjs) with the
 * demo municipality seeded, as a database on the server named `<template>_seeded_<seededAt ms>_<pid>`: the
 * newest one still fresh (SEEDED_TEMPLATE_MAX_AGE_MS, as on PGlite), or a new one. Seeding takes seconds of
 * round trips on PostgreSQL; copying a template a fraction of one. A new one is seeded under a working name and
 * renamed once its connections are closed, so no worker copies it half-seeded (PostgreSQL copies a template only
 * while nobody is connected to it). jest-global-teardown.mjs drops them all (they start with `<template>_`).
 */
async function seededPostgresTemplate(adminUrl: string, migrated: string): Promise<string> {
  const now = new Date();
  const prefix = `${migrated}_seeded_`;
  const { rows } = await withAdmin(adminUrl, (client) =>
    client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
      prefix,
    ]),
  );
  const newest = rows
    .map(({ datname }) => ({ datname, seededAt: Number(datname.slice(prefix.length).split('_')[0]) }))
    .sort((a, b) => b.seededAt - a.seededAt)[0];
  if (newest && seedStillFresh(new Date(newest.seededAt), now)) return newest.datname;

  const working = `${migrated}_seeding_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await createPostgresDatabase(adminUrl, working, migrated);
  const seededAt = new Date();
  try {
    await seedDemoMunicipality(handle.db);
  } finally {
    await handle.close();
  }
  const name = `${prefix}${seededAt.getTime()}_${process.pid}`;
  await withAdmin(adminUrl, (client) => client.query(`alter database ${working} rename to ${name}`));
  return name;
}

/** An empty, unmigrated database of the suite's engine; closing it drops it. */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openPgliteDatabase((await pgliteTemplates())?.empty);
  return createPostgresTestDatabase(adminUrl);
}

/** A migrated database, optionally with the fictional demo municipality. */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const migrated = (await pgliteTemplates())?.migrated;
    const seeded = options.seed && migrated ? await seededPgliteTemplate(migrated) : undefined;
    const handle = await openPgliteDatabase(seeded ?? migrated);
    // A no-op on a current template; it also proves the template is as far as the migration files go.
    await migrateToLatest(handle);
    // Outside Jest's environment there is no seeded template: seed here.
    if (options.seed && !seeded) await seedDemoMunicipality(handle.db);
    return handle;
  }
  // The run's templates when Jest's global setup made them (jest-global-setup.mjs); otherwise from empty.
  const migrated = process.env.BONDGENOTEN_PG_TEMPLATE;
  const template = migrated && options.seed ? await seededPostgresTemplate(adminUrl, migrated) : migrated;
  const handle = await createPostgresTestDatabase(adminUrl, template);
  // A no-op on a current template; it also proves the template is as far as the migration files go.
  await migrateToLatest(handle);
  if (options.seed && !migrated) await seedDemoMunicipality(handle.db);
  return handle;
}
