import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * The networks a person belongs to, for the permission check on a person. It reads network's `network_people`
 * table itself: importing network's public API from identity would put network in the folder circle.
 */
export async function readPersonNetworkIdsForAccess(
  db: Kysely<Database>,
  personId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('network_people')
    .select('network_id')
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => row.network_id);
}
