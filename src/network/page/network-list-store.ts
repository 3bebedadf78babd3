import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas } from '../../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Every network that is not archived, with its area (no personal data): what other capabilities aggregate
 * over (the signals' thermometer and sfeerbeeld for administrators).
 */
export async function readActiveNetworks(db: Executor) {
  return db
    .selectFrom('networks')
    .innerJoin(joinableAreas(db).as('areas'), 'areas.id', 'networks.area_id')
    .select([
      'networks.id',
      'networks.name',
      'networks.area_id as areaId',
      'areas.name as areaName',
      'areas.kind as areaKind',
    ])
    .where('networks.status', '<>', 'archived')
    .orderBy('networks.name')
    .execute();
}
