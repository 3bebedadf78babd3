import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.js';
import { createEmptyTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

let handle: DatabaseHandle | undefined;
afterAll(async () => {
  await handle?.close();
});

describe(`the meeting themes' migration on ${TEST_ENGINE}`, () => {
  it('moves wereldgebeurtenissen in existing records to overig, once', async () => {
    handle = await createEmptyTestDatabase();
    // The schema as it was before signals: every migration up to 0027.
    const before = await mkdtemp(join(tmpdir(), 'bg-before-signals-'));
    for (const file of await readdir(MIGRATIONS_DIR))
      if (file.endsWith('.sql') && file < '0028')
        await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
    await migrateToLatest(handle, before);
    const db = handle.db;
    await sql`insert into municipalities (id, name, cbs_code, latitude, longitude)
      values ('10000000-0000-4000-8000-000000000001', 'Fictiefstad', 'GM9998', 52, 5)`.execute(db);
    await sql`insert into areas (id, municipality_id, kind, name)
      values ('10000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'district', 'Fictief')`.execute(
      db,
    );
    await sql`insert into networks (id, municipality_id, area_id, name, created_at)
      values ('10000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001',
        '10000000-0000-4000-8000-000000000002', 'Fictief netwerk', now())`.execute(db);
    const themes = [
      ['wereldgebeurtenissen', 'jongeren'],
      ['wereldgebeurtenissen', 'overig'],
      ['polarisatie'],
    ];
    for (const [i, list] of themes.entries()) {
      const id = `20000000-0000-4000-8000-00000000000${i}`;
      await sql`insert into meetings (id, network_id, meeting_date, starts_at, ends_at, organiser, intent_id)
        values (${id}, '10000000-0000-4000-8000-000000000003', ${`2026-0${i + 3}-10`}::date,
          ${`2026-0${i + 3}-10T16:00:00Z`}, ${`2026-0${i + 3}-10T18:00:00Z`}, 'fictief@example.org', gen_random_uuid())`.execute(
        db,
      );
      await sql`insert into meeting_records (meeting_id, themes, recorded_at)
        values (${id}, ${list}::text[], now())`.execute(db);
    }
    expect(await migrateToLatest(handle)).toContain('0028_signals');
    const rows = await sql<{ themes: string[] }>`
      select themes from meeting_records order by meeting_id`.execute(db);
    expect(rows.rows.map((r) => r.themes)).toEqual([['overig', 'jongeren'], ['overig'], ['polarisatie']]);
    const codes = await sql<{ code: string }>`select code from signal_themes`.execute(db);
    expect(codes.rows.map((r) => r.code)).toContain('armoede');
    expect(codes.rows.map((r) => r.code)).not.toContain('wereldgebeurtenissen');
  });
});
