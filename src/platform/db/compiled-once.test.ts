import { describe, expect, it } from '@jest/globals';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { compiledOnce } from './compiled-once.js';
import type { Database } from './schema.js';

/** A Kysely whose driver records each statement sent instead of sending it (compiledOnce's binding is pure). */
function recordingDb() {
  const sent: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      sent.push(query);
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, sent };
}

describe('compiledOnce', () => {
  it('builds once and binds each call’s values at their positions, constants kept', async () => {
    const { db, sent } = recordingDb();
    let builds = 0;
    const read = compiledOnce(['networkId', 'today'], (executor, values) => {
      builds += 1;
      return executor
        .selectFrom('networks')
        .select('id')
        .where('id', '=', values.networkId)
        .where('status', '=', 'active')
        .where('founded_on', '<=', values.today)
        .where('area_id', '!=', values.networkId);
    });
    await read(db, { networkId: 'n-1', today: '2026-12-06' });
    await read(db, { networkId: 'n-2', today: '2026-12-07' });
    expect(builds).toBe(1);
    expect(sent.map((query) => query.parameters)).toEqual([
      ['n-1', 'active', '2026-12-06', 'n-1'],
      ['n-2', 'active', '2026-12-07', 'n-2'],
    ]);
    expect(sent[0]?.sql).toBe(sent[1]?.sql);
    expect(sent[0]?.queryId).not.toBe(sent[1]?.queryId);
  });

  it('refuses a statement that inlines a value or does not use it, before sending anything', async () => {
    const { db, sent } = recordingDb();
    const inlined = compiledOnce(['networkId'], (executor, values) =>
      executor.selectFrom('networks').select('id').where('id', '=', sql.lit(values.networkId)),
    );
    await expect(inlined(db, { networkId: 'n-1' })).rejects.toThrow(/inlined/);
    const unused = compiledOnce(['networkId', 'today'], (executor, values) =>
      executor.selectFrom('networks').select('id').where('id', '=', values.networkId),
    );
    await expect(unused(db, { networkId: 'n-1', today: '2026-12-06' })).rejects.toThrow(
      /today is not a parameter/,
    );
    expect(sent).toEqual([]);
  });
});
