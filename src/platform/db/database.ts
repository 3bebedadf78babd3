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
       * Extra PGlite options; the test suite passes WebAssembly compiled once per worker, a migrated
       * template (`loadDataDir`) so that each test file does not redo both, and smaller shared buffers.
       */
      pglite?: Pick<
        PGliteOptions,
        'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle' | 'loadDataDir' | 'startParams'
      >;
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

/** How many distinct statement texts one pool prepares by name; any beyond run unnamed (parsed each time). */
export const PREPARED_STATEMENT_LIMIT = 2_000;

/**
 * Names for the statement texts the application repeats. Kysely builds the same text for the same query shape
 * (values travel as parameters), so the shapes are few; the limit bounds the server-side prepared statements
 * per connection should some code build texts that vary (e.g. an `in` list of every length).
 */
class StatementNames {
  private readonly names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= PREPARED_STATEMENT_LIMIT) return known;
    const name = `bg_${this.names.size}`;
    this.names.set(text, name);
    return name;
  }
}

type QueryCall = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Sends every parameterised statement as a named prepared statement (pg parses it once per connection and
 * then only binds and executes it): PostgreSQL skips parsing and analysis, and after a few executions may
 * reuse a generic plan instead of planning again (plan_cache_mode auto), which for the network page's people
 * query took longer than running it. Statements without parameters (migrations, begin/commit, scripts of
 * several commands) stay on the simple protocol, unnamed.
 */
function prepareRepeatedStatements(client: pg.PoolClient, statements: StatementNames): void {
  const query = client.query.bind(client) as QueryCall;
  const prepared: QueryCall = (config, values, callback) => {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statements.nameOf(config);
      if (name !== undefined) return query({ name, text: config, values });
    }
    return query(config, values, callback);
  };
  (client as unknown as { query: QueryCall }).query = prepared;
}

/** How long a pooled PostgreSQL connection may stay idle before the pool closes it (see openDatabase). */
export const IDLE_CONNECTION_MS = 5 * 60_000;

/** Opens the database the configuration names; the caller owns the handle and must close it. */
export async function openDatabase(
  target: DatabaseTarget,
  onIdleClientError: (error: Error) => void = () => {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    // Idle connections are kept for minutes, not pg's default 10 s: a page opened after a pause (a call-out's card
    // tapped after a quiet night, a second tab minutes later) otherwise opens a new connection per statement it runs
    // in parallel, with a TLS handshake each in production, and every statement prepared on the old connections
    // (prepareRepeatedStatements) is parsed again (issue 21: the call-out page's first read opened 6 connections
    // after an idle pause). At most `max` connections per instance stay open meanwhile.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      idleTimeoutMillis: IDLE_CONNECTION_MS,
    });
    // An idle connection that the server drops (restart, failover) must not crash the process;
    // the pool replaces it, and the next query reports any lasting outage.
    pool.on('error', onIdleClientError);
    // A connection that breaks while checked out but between statements (inside a transaction) emits
    // 'error' on its client, where the pool listens only while it is idle: without this listener that is an
    // uncaught exception, and the process dies on a database restart. The statement in progress fails anyway.
    const statements = new StatementNames();
    pool.on('connect', (client) => {
      client.on('error', onIdleClientError);
      prepareRepeatedStatements(client, statements);
    });
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
