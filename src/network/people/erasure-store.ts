import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** What an erased person is called where an old record still points at the id (a chair, a call). */
export const ERASED_PERSON_NAME = 'Gewiste persoon';

/**
 * Erases what network holds about one person (AVG art. 17), in the caller's transaction: every personal and
 * free-text field emptied and the name replaced, communities and organisations unlinked, open relations ended
 * today (both directions), and the person taken out of every network. The row stays as a tombstone (id,
 * kind, legal basis, erased_at) so ids in the audit trail and in history keep pointing somewhere. Returns
 * false when there is no such person or it was erased already.
 */
export async function erasePersonRecords(
  tx: Transaction<Database>,
  personId: string,
  today: string,
  now: Date,
): Promise<boolean> {
  const erased = await tx
    .updateTable('people')
    .set((eb) => ({
      display_name: ERASED_PERSON_NAME,
      mobile: null,
      email: null,
      following: null,
      availability: null,
      preferred_channel: null,
      languages: [],
      age_band: null,
      gender: null,
      neighbourhood_id: null,
      erased_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (Number(erased.numUpdatedRows) === 0) return false;
  await tx.deleteFrom('person_communities').where('person_id', '=', personId).execute();
  await tx.deleteFrom('person_organisations').where('person_id', '=', personId).execute();
  await tx
    .updateTable('relations')
    .set({ until: today })
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]))
    .where('until', 'is', null)
    .where((eb) => eb.or([eb('since', 'is', null), eb('since', '<=', today)]))
    .execute();
  await tx.deleteFrom('network_people').where('person_id', '=', personId).execute();
  // The farewell keeps its date and reason (the retention clock, counts); its free-text note goes.
  await tx
    .updateTable('person_farewells')
    .set({ reason_note: null })
    .where('person_id', '=', personId)
    .execute();
  return true;
}
