import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { MIGRATIONS_DIR, migrateToLatest, pendingMigrations } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';
import { createEmptyTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

const open: DatabaseHandle[] = [];
async function emptyDatabase(): Promise<DatabaseHandle> {
  const handle = await createEmptyTestDatabase();
  open.push(handle);
  return handle;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((handle) => handle.close()));
});

async function tableExists(handle: DatabaseHandle, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(
    handle.db,
  );
  return rows[0]?.found != null;
}

describe(`migrations on ${TEST_ENGINE}`, () => {
  it('applies every committed migration to an empty database, then nothing more', async () => {
    const handle = await emptyDatabase();
    const files = (await readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql'));
    expect(await pendingMigrations(handle)).toHaveLength(files.length);
    expect(await migrateToLatest(handle)).toEqual(files.map((file) => file.replace(/\.sql$/, '')).sort());
    expect(await pendingMigrations(handle)).toEqual([]);
    expect(await migrateToLatest(handle)).toEqual([]);
    for (const table of ['municipalities', 'areas', 'networks', 'people', 'conversation_references']) {
      expect(await tableExists(handle, table)).toBe(true);
    }
  });

  it('rolls a failing batch back whole and names the failing migration', async () => {
    const handle = await emptyDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'bg-migrations-'));
    await writeFile(
      join(dir, '0001_good.sql'),
      'create table good_one (id int primary key);\ncreate index on good_one (id);',
    );
    await writeFile(
      join(dir, '0002_bad.sql'),
      'create table bad_one (id int primary key);\nselect * from no_such_table;',
    );
    await expect(migrateToLatest(handle, dir)).rejects.toThrow(/^Migration 0002_bad failed: .*no_such_table/);
    expect(await tableExists(handle, 'good_one')).toBe(false);
    expect(await tableExists(handle, 'bad_one')).toBe(false);
    expect(await pendingMigrations(handle, dir)).toEqual(['0001_good', '0002_bad']);
  });

  (TEST_ENGINE === 'postgres' ? it : it.skip)(
    'applies each migration once when several instances start together',
    async () => {
      const first = await emptyDatabase();
      // Three runs at once over separate pooled connections, as instances starting together would do.
      const results = await Promise.all([
        migrateToLatest(first),
        migrateToLatest(first),
        migrateToLatest(first),
      ]);
      expect(results.flat().sort()).toEqual(
        (await readdir(MIGRATIONS_DIR)).map((f) => f.replace(/\.sql$/, '')).sort(),
      );
    },
  );
});

describe(`schema rules on ${TEST_ENGINE}`, () => {
  it('refuses a network whose area lies in another municipality', async () => {
    const handle = await emptyDatabase();
    await migrateToLatest(handle);
    const [a, b] = await handle.db
      .insertInto('municipalities')
      .values([
        { name: 'Gemeente A', cbs_code: 'GM9991', latitude: 52, longitude: 5 },
        { name: 'Gemeente B', cbs_code: 'GM9992', latitude: 52, longitude: 5 },
      ])
      .returning('id')
      .execute();
    const area = await handle.db
      .insertInto('areas')
      .values({ municipality_id: a?.id as string, kind: 'district', name: 'Noord', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      handle.db
        .insertInto('networks')
        .values({ municipality_id: b?.id as string, area_id: area.id, name: 'Grensoverschrijdend' })
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });

  it('refuses an ally who is a professional of the regular network', async () => {
    const handle = await emptyDatabase();
    await migrateToLatest(handle);
    await seedDemoMunicipality(handle.db);
    const { id } = await handle.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
    await expect(
      handle.db
        .insertInto('people')
        .values({ municipality_id: id, display_name: 'Fictief Persoon', kind: 'ally', is_professional: true })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('never seeds the demo into a database that already holds a municipality', async () => {
    const handle = await emptyDatabase();
    await migrateToLatest(handle);
    await handle.db
      .insertInto('municipalities')
      .values({ name: 'Fictiefstad', cbs_code: 'GM9901', latitude: 52.1, longitude: 5.1 })
      .execute();
    expect(await seedDemoMunicipality(handle.db)).toBe('refused');
    const rows = await handle.db.selectFrom('municipalities').select('name').execute();
    expect(rows).toEqual([{ name: 'Fictiefstad' }]);
    const areas = await handle.db.selectFrom('areas').select('id').execute();
    expect(areas).toEqual([]);
  });

  it('seeds the demo municipality once', async () => {
    const handle = await emptyDatabase();
    await migrateToLatest(handle);
    expect(await seedDemoMunicipality(handle.db)).toBe('seeded');
    expect(await seedDemoMunicipality(handle.db)).toBe('already-seeded');
    const count = async (table: 'areas' | 'networks' | 'people' | 'users') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('areas')).toBe(27);
    expect(await count('networks')).toBe(3);
    // 18 people of the three networks, and Buiten's former ally of the evaluation demo (seed-evaluation.ts).
    expect(await count('people')).toBe(19);
    expect(await count('users')).toBe(7);
  });

  it('refuses to seed the demo into a database that holds a real municipality', async () => {
    const handle = await emptyDatabase();
    await migrateToLatest(handle);
    await handle.db
      .insertInto('municipalities')
      .values({ name: 'Fictiefstad', cbs_code: 'GM9990', latitude: 52.1, longitude: 5.1 })
      .execute();
    expect(await seedDemoMunicipality(handle.db)).toBe('refused');
    const count = async (table: 'municipalities' | 'areas' | 'people' | 'users' | 'administrators') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('municipalities')).toBe(1);
    for (const table of ['areas', 'people', 'users', 'administrators'] as const)
      expect(await count(table)).toBe(0);
  });
});
