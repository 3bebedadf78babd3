import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Replaces every mention of an erased person's name in free-text columns of one table with their pseudonym
 * (AVG art. 17, the privacy registry's erasers). Exact and case-sensitive, like the other erasers. A name under
 * three characters would match inside ordinary words, so it is left alone. Returns the rows changed.
 */
export async function pseudonymiseName(
  db: Kysely<Database> | Transaction<Database>,
  table: keyof Database & string,
  columns: readonly string[],
  person: { displayName: string; pseudonym: string },
): Promise<number> {
  const name = person.displayName;
  if (name.trim().length < 3) return 0;
  let changed = 0;
  for (const column of columns) {
    const result = await sql`update ${sql.table(table)}
      set ${sql.ref(column)} = replace(${sql.ref(column)}, ${name}, ${person.pseudonym})
      where strpos(${sql.ref(column)}, ${name}) > 0`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}
