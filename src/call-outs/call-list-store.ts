import { type Kysely, sql, type Transaction } from 'kysely';
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
  if (person.displayName.trim().length < 3) return changed;
  const name = person.displayName;
  const named = (column: string) => sql<boolean>`strpos(${sql.ref(column)}, ${name}) > 0`;
  const replaced = (column: string) => sql<string>`replace(${sql.ref(column)}, ${name}, ${person.pseudonym})`;
  for (const column of ['summary', 'ask', 'evaluation_note'] as const)
    changed += Number(
      (
        await db
          .updateTable('call_outs')
          .set({ [column]: replaced(column) })
          .where(named(column))
          .executeTakeFirst()
      ).numUpdatedRows,
    );
  changed += Number(
    (
      await db
        .updateTable('call_out_answers')
        .set({ note: replaced('note') })
        .where(named('note'))
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  return changed;
}
