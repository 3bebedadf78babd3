import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { namePattern, pseudonymiseName } from '../../src/platform/db/pseudonymise.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

/** Issue 18: an erased person's name is found in free text whatever its case and spacing (fictional names). */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table pseudonymise_probe (id integer primary key, note text)`.execute(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe(`name replacement in free text on ${TEST_ENGINE}`, () => {
  it('escapes every regular-expression character of a name', () => {
    expect(namePattern('  Jan (de) Vries+ ')).toBe('Jan\\s+\\(de\\)\\s+Vries\\+');
  });

  it('replaces mentions case-insensitively and across any whitespace, and leaves other text alone', async () => {
    const db = handle.db;
    await sql`insert into pseudonymise_probe (id, note) values
      (1, 'Fictief: Yasmina el Ouali belde.'),
      (2, 'fictief: YASMINA EL OUALI en yasmina  el' || chr(10) || 'ouali samen'),
      (3, 'Fictief: Yasminael Ouali (zonder spatie) blijft'),
      (4, null),
      (5, 'Fictief: niemand genoemd')`.execute(db);
    const changed = await pseudonymiseName(db, 'pseudonymise_probe' as never, ['note'], {
      displayName: 'Yasmina el Ouali',
      pseudonym: 'Gewiste persoon',
    });
    expect(changed).toBe(2);
    const rows = await sql<{ id: number; note: string | null }>`
      select id, note from pseudonymise_probe order by id`.execute(db);
    expect(rows.rows.map((row) => row.note)).toEqual([
      'Fictief: Gewiste persoon belde.',
      'fictief: Gewiste persoon en Gewiste persoon samen',
      'Fictief: Yasminael Ouali (zonder spatie) blijft',
      null,
      'Fictief: niemand genoemd',
    ]);
  });

  it('matches a name with regular-expression characters literally and writes a pseudonym with & and a backslash literally', async () => {
    const db = handle.db;
    await sql`insert into pseudonymise_probe (id, note) values (10, 'Fictief: J.R. de Wit en JxRx de Wit')`.execute(
      db,
    );
    await pseudonymiseName(db, 'pseudonymise_probe' as never, ['note'], {
      displayName: 'J.R. de Wit',
      pseudonym: 'A & B \\1',
    });
    const row = await sql<{ note: string }>`select note from pseudonymise_probe where id = 10`.execute(db);
    expect(row.rows[0]?.note).toBe('Fictief: A & B \\1 en JxRx de Wit');
  });
});
