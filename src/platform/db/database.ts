import { mkdir } from 'node:fs/promises';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';

/** Where the data lives: a PostgreSQL server, or PGlite (PostgreSQL in WebAssembly) in a folder or in memory. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | {
      kind: 'pglite';
      dataDir: string | 'memory';
      /**
       * Extra PGlite options; the test suite passes WebAssembly compiled once per worker and a migrated
       * template (`loadDataDir`) so that each test file does not redo both.
       */
      pglite?: Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle' | 'loadDataDir'>;
    };

/** An open database: the typed query builder plus which engine serves it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: 'postgres' | 'pglite';
  /**
   * Runs a multi-statement SQL script (a migration) on `executor`, which may be a transaction.
   * PGlite's prepared statements take one command each, so there the script goes through `exec`
   * on its single session, which is the session the transaction is open on.
   */
  runScript(executor: Kysely<unknown>, script: string): Promise<void>;
  close(): Promise<void>;
}

// Dates without a time must stay plain strings: turning them into Date objects shifts them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** Opens the database the configuration names; the caller owns the handle and must close it. */
export async function openDatabase(
  target: DatabaseTarget,
  onIdleClientError: (error: Error) => void = () => {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server drops (restart, failover) must not crash the process;
    // the pool replaces it, and the next query reports any lasting outage.
    pool.on('error', onIdleClientError);
    // A connection that breaks while checked out but between statements (inside a transaction) emits
    // 'error' on its client, where the pool listens only while it is idle: without this listener that is an
    // uncaught exception, and the process dies on a database restart. The statement in progress fails anyway.
    pool.on('connect', (client) => client.on('error', onIdleClientError));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    return {
      db,
      engine: 'postgres',
      runScript: async (executor, script) => {
        await sql.raw(script).execute(executor);
      },
      close: () => db.destroy(),
    };
  }
  if (target.dataDir !== 'memory') await mkdir(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...target.pglite,
    ...(target.dataDir === 'memory' ? {} : { dataDir: target.dataDir }),
    parsers: { [pg.types.builtins.DATE]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    runScript: async (_executor, script) => {
      await pglite.exec(script);
    },
    close: () => db.destroy(),
  };
}
