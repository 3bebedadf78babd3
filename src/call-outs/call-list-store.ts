import type { Kysely, Transaction } from 'kysely';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Takes a person off the call lists of open call-outs (their call outcomes there go with them); closed
 * call-outs keep their timeline. Returns how many call lists the person left.
 */
export async function deleteFromOpenCallLists(db: Executor, personId: string): Promise<number> {
  const result = await db
    .deleteFrom('call_out_allies')
    .where('person_id', '=', personId)
    .where((eb) =>
      eb('call_out_id', 'in', eb.selectFrom('call_outs').select('id').where('status', '=', 'open')),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Erases the person from call-outs' free text (issue 18): what was heard in calls with them is emptied, and
 * their name in call-out texts and staff answers' notes replaced by `pseudonym`. The call rows stay (with the
 * id), so a closed call-out's tallies and timeline keep their counts. Returns how many rows changed.
 */
export async function eraseFromCallOutTexts(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  let changed = Number(
    (
      await db
        .updateTable('call_out_calls')
        .set({ heard: null })
        .where('person_id', '=', person.personId)
        .where('heard', 'is not', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  changed += await pseudonymiseName(db, 'call_outs', ['summary', 'ask', 'evaluation_note'], person);
  changed += await pseudonymiseName(db, 'call_out_answers', ['note'], person);
  return changed;
}
