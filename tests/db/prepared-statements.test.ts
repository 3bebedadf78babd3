import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { type DatabaseHandle, PREPARED_STATEMENT_LIMIT } from '../../src/platform/db/database.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

/*
 * On PostgreSQL every parameterised statement is sent as a named prepared statement (issue 21): parsed and
 * analysed once per connection, after which PostgreSQL may reuse a generic plan. PGlite has no such cache in
 * its driver, so there the statements run as before; the file checks that results are the same either way.
 */

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await handle.close();
});

/** The staff member named `name`, read by a parameterised statement built by Kysely. */
function staffQuery(db: DatabaseHandle['db'], name: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('display_name', '=', name);
}

function staffNamed(db: DatabaseHandle['db'], name: string) {
  return staffQuery(db, name).execute();
}

describe('statements on one connection', () => {
  it('answer alike when repeated with other values', async () => {
    const all = await handle.db.selectFrom('users').select('display_name').orderBy('display_name').execute();
    const [first, second] = all;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    await handle.db.connection().execute(async (db) => {
      expect((await staffNamed(db, first?.display_name ?? '')).map((u) => u.display_name)).toEqual([
        first?.display_name,
      ]);
      expect((await staffNamed(db, second?.display_name ?? '')).map((u) => u.display_name)).toEqual([
        second?.display_name,
      ]);
      expect(await staffNamed(db, 'Niemand Fictief')).toEqual([]);
    });
  });

  it('a failing statement leaves the connection usable for the next', async () => {
    await handle.db.connection().execute(async (db) => {
      await expect(sql`select ${'not a number'}::int as n`.execute(db)).rejects.toThrow(
        /invalid input syntax/,
      );
      const { rows } = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(db);
      expect(rows).toEqual([{ n: 42 }]);
    });
  });
});

(TEST_ENGINE === 'postgres' ? describe : describe.skip)('on PostgreSQL', () => {
  /** The prepared statements of the connection `db` is pinned to, by their text. */
  async function preparedOn(db: DatabaseHandle['db']) {
    const { rows } = await sql<{ statement: string; generic: number; custom: number }>`
      select statement, generic_plans::int as generic, custom_plans::int as custom
      from pg_prepared_statements`.execute(db);
    return rows;
  }

  it('a script of several commands without parameters still runs (simple protocol, as migrations do)', async () => {
    await handle.db.connection().execute(async (db) => {
      await sql.raw('select 1; select 2').execute(db);
    });
  });

  it('a repeated statement is parsed once per connection and its plan reused', async () => {
    await handle.db.connection().execute(async (db) => {
      const text = staffQuery(db, 'x').compile().sql;
      const runs = async () =>
        (await preparedOn(db))
          .filter((row) => row.statement === text)
          .reduce((sum, row) => sum + row.generic + row.custom, 0);
      await staffNamed(db, 'Fictief');
      const before = await runs();
      for (let i = 0; i < 8; i += 1) await staffNamed(db, `Fictief ${i}`);
      expect((await preparedOn(db)).filter((row) => row.statement === text)).toHaveLength(1);
      expect((await runs()) - before).toBe(8);
    });
  });

  it('prepares at most the limit of distinct texts; texts beyond it run unnamed', async () => {
    await handle.db.connection().execute(async (db) => {
      for (let i = 0; i <= PREPARED_STATEMENT_LIMIT; i += 1) {
        const { rows } = await sql<{ n: number }>`select ${i}::int as n, ${sql.lit(i)} as k`.execute(db);
        expect(rows[0]?.n).toBe(i);
      }
      expect((await preparedOn(db)).length).toBeLessThanOrEqual(PREPARED_STATEMENT_LIMIT);
      const texts = new Set((await preparedOn(db)).map((row) => row.statement));
      // The first of these texts was prepared; the last came after the limit was reached.
      expect(texts.has('select $1::int as n, 0 as k')).toBe(true);
      expect(texts.has(`select $1::int as n, ${PREPARED_STATEMENT_LIMIT} as k`)).toBe(false);
    });
  });
});
