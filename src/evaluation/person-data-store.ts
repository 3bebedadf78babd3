import type { Kysely } from 'kysely';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';

/**
 * Erases what the half-yearly evaluations hold about an erased person (the privacy registry): the note on them
 * goes, their decision and figures stay (the evaluation's counts), and a mention of their name in the
 * network-level notes becomes the pseudonym. Returns the rows changed.
 */
export async function eraseFromEvaluations(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  let changed = Number(
    (
      await db
        .updateTable('evaluation_allies')
        .set({ note: null })
        .where('person_id', '=', person.personId)
        .where('note', 'is not', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  changed += await pseudonymiseName(db, 'evaluations', ['mix_note', 'gaps_note', 'general_note'], person);
  changed += await pseudonymiseName(db, 'evaluation_allies', ['note'], person);
  return changed;
}
