import type { Kysely } from 'kysely';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';

/**
 * Erases what selection holds about an erased person (the privacy registry): the candidate rows that led to
 * them lose name, contact data and motivation, the assessments' and the home visit's notes on them go, and a
 * mention of their name in another candidate's texts becomes the pseudonym. Statuses, parties and dates stay,
 * so the pipeline's counts stay right. Returns the rows changed.
 */
export async function eraseFromSelection(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  const candidates = (
    await db
      .selectFrom('selection_candidates')
      .select('id')
      .where('person_id', '=', person.personId)
      .execute()
  ).map((row) => row.id);
  let changed = 0;
  if (candidates.length > 0) {
    changed += Number(
      (
        await db
          .updateTable('selection_candidates')
          .set({ display_name: person.pseudonym, mobile: null, email: null, motivation: null })
          .where('id', 'in', candidates)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    for (const table of ['selection_assessments', 'selection_visits'] as const)
      changed += Number(
        (
          await db
            .updateTable(table)
            .set({ note: null })
            .where('candidate_id', 'in', candidates)
            .executeTakeFirst()
        ).numUpdatedRows,
      );
  }
  changed += await pseudonymiseName(db, 'selection_candidates', ['motivation'], person);
  changed += await pseudonymiseName(db, 'selection_assessments', ['note'], person);
  changed += await pseudonymiseName(db, 'selection_visits', ['note'], person);
  return changed;
}
