import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas } from '../../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every wijk (neighbourhood) of a municipality: a person's wijk may lie outside the network's district. */
export async function readMunicipalityNeighbourhoods(
  db: Executor,
  municipalityId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom(joinableAreas(db).as('areas'))
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'neighbourhood')
    .orderBy('name')
    .execute();
}
