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

/**
 * Inzage (AVG art. 15): the half-yearly evaluations' decision on one person (continue, talk, say goodbye) with
 * the note on them and the figures the coordinators saw, dated by the day the evaluation was held.
 */
export async function describeEvaluationsOfPerson(
  db: Kysely<Database>,
  personId: string,
): Promise<{ kind: string; rows: { on: string | null; facts: Record<string, string | number | null> }[] }[]> {
  const rows = await db
    .selectFrom('evaluation_allies as a')
    .innerJoin('evaluations as e', 'e.id', 'a.evaluation_id')
    .select([
      'e.held_on',
      'a.decision',
      'a.note',
      'a.meetings_held',
      'a.meetings_attended',
      'a.call_outs',
      'a.call_outs_reached',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('e.held_on')
    .execute();
  return [
    {
      kind: 'evaluation-decisions',
      rows: rows.map((row) => ({
        on: String(row.held_on),
        facts: {
          decision: row.decision,
          text: row.note,
          meetingsHeld: row.meetings_held,
          meetingsAttended: row.meetings_attended,
          callOuts: row.call_outs,
          callOutsReached: row.call_outs_reached,
        },
      })),
    },
  ];
}
