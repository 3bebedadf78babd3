import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * The PostgreSQL regular expression (ARE) that finds a name in free text: case-insensitive (with the `i`
 * flag), and any run of whitespace between the name's words matches any other run, so "yasmina  el
 * ouali" or a name broken over a line is found as well. Every character with a meaning in a regular
 * expression is escaped, so a name is always matched literally.
 */
export function namePattern(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&'))
    .join('\\s+');
}

/**
 * Replaces every mention of an erased person's name in free-text columns of one table with their pseudonym
 * (AVG art. 17, the privacy registry's erasers). Case-insensitive and tolerant of whitespace between the
 * name's words (`namePattern`); a misspelt mention stays. A name under three characters would match inside
 * ordinary words, so it is left alone. Returns the rows changed.
 */
export async function pseudonymiseName(
  db: Kysely<Database> | Transaction<Database>,
  table: keyof Database & string,
  columns: readonly string[],
  person: { displayName: string; pseudonym: string },
): Promise<number> {
  const name = person.displayName;
  if (name.trim().length < 3) return 0;
  const pattern = namePattern(name);
  // In regexp_replace's replacement a backslash starts `\1` or `\&`; doubled, the pseudonym is written literally.
  const replacement = person.pseudonym.replace(/\\/g, '\\\\');
  let changed = 0;
  for (const column of columns) {
    const result = await sql`update ${sql.table(table)}
      set ${sql.ref(column)} = regexp_replace(${sql.ref(column)}, ${pattern}, ${replacement}, 'gi')
      where ${sql.ref(column)} ~* ${pattern}`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}
