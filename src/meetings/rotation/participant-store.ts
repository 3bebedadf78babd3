import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MeetingAllyPreferencesTable } from '../db-schema.js';
import type { Executor } from '../meeting-store.js';

/** How often each ally chaired a meeting of the network that was not cancelled. */
export async function chairCounts(db: Executor, networkId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meetings')
    .select(['chair_person_id'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('network_id', '=', networkId)
    .where('status', '<>', 'cancelled')
    .where('chair_person_id', 'is not', null)
    .groupBy('chair_person_id')
    .execute();
  return new Map(rows.map((row) => [row.chair_person_id as string, Number(row.n)]));
}

/** An ally's preferences for the rotation, without the key. */
export type PreferenceValues = Omit<Insertable<MeetingAllyPreferencesTable>, 'network_id' | 'person_id'>;

/** Stores an ally's rotation preferences in a network, replacing earlier ones. */
export async function upsertAllyPreferences(
  tx: Transaction<Database>,
  networkId: string,
  personId: string,
  values: PreferenceValues,
): Promise<void> {
  await tx
    .insertInto('meeting_ally_preferences')
    .values({ network_id: networkId, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['network_id', 'person_id']).doUpdateSet(values))
    .execute();
}
