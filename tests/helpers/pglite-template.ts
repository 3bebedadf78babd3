import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Database } from '../../src/platform/db/schema.js';

/**
 * How the suite starts PGlite. PostgreSQL's default 128 MB of shared buffers is memory that PGlite's Emscripten
 * `mmap` zeroes at every start (the largest single cost of opening a database, and resident memory of every
 * instance a worker has not collected yet); a test database of a few megabytes needs far less.
 */
export const TEST_PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** initdb with 1 MB WAL segments instead of 16 MB: every test database unpacks the template's WAL segment. */
const TEST_PGLITE_INITDB_PARAMS = ['--wal-segsize=1'];

/**
 * An empty data directory (initdb's output without template0 and template1) and one migrated to the latest
 * migration, both as PGlite dumps.
 */
export interface PgliteTemplates {
  empty: Blob;
  migrated: Blob;
}

/** A hash of every migration file's name and content: a template made from other migrations is never reused. */
export async function pgliteTemplateKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return `pglite-template-${hash.digest('hex')}`;
}

/**
 * Runs initdb once and every migration from empty, as a test database would, and dumps the data directory
 * before and after the migrations. A checkpoint before each dump: a database loaded from it then starts from
 * that checkpoint instead of replaying the WAL of initdb and every migration.
 */
export async function buildPgliteTemplates(
  artifacts: Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule'> = {},
): Promise<PgliteTemplates> {
  const pglite = await PGlite.create({
    ...artifacts,
    startParams: TEST_PGLITE_START_PARAMS,
    initDbStartParams: TEST_PGLITE_INITDB_PARAMS,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    // initdb's template0 and template1 are copies of the empty database (7 MB each) that only CREATE DATABASE
    // reads, which no PGlite test does; without them the dump is 17 MB instead of 32, and every test database
    // unpacks and starts from it in about half the CPU time.
    await pglite.exec(
      `update pg_database set datistemplate = false where datname in ('template0', 'template1')`,
    );
    await pglite.exec('drop database template0');
    await pglite.exec('drop database template1');
    await pglite.exec('checkpoint');
    const empty = await pglite.dumpDataDir('none');
    await migrateToLatest({
      db,
      engine: 'pglite',
      runScript: async (_executor, script) => {
        await pglite.exec(script);
      },
      close: () => db.destroy(),
    });
    await pglite.exec('checkpoint');
    const migrated = await pglite.dumpDataDir('none');
    return { empty, migrated };
  } finally {
    await db.destroy();
  }
}
