import type { Kysely } from 'kysely';
import { joinableNetworks } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { joinableAreas, joinableCommunities } from '../setup/index.js';

/**
 * The wijken a call-out can be started for, each with its district's name: all of them (`areaIds` null,
 * administrators), or those that are one of `areaIds` or lie in one (a network's area is a district or a wijk).
 */
export async function readStartableWijken(db: Kysely<Database>, areaIds: readonly string[] | null) {
  if (areaIds?.length === 0) return [];
  let wijken = db
    .selectFrom(joinableAreas(db).as('w'))
    .leftJoin(joinableAreas(db).as('d'), 'd.id', 'w.parent_id')
    .select([
      'w.id',
      'w.name',
      'w.municipality_id',
      'd.name as district',
      'w.archived',
      'w.parent_id as districtId',
    ])
    .where('w.kind', '=', 'neighbourhood');
  if (areaIds)
    wijken = wijken.where((eb) =>
      eb.or([eb('w.id', 'in', [...areaIds]), eb('w.parent_id', 'in', [...areaIds])]),
    );
  return wijken.orderBy('d.name').orderBy('w.name').execute();
}

/** The communities in use (not archived) of these municipalities, by name. */
export async function readActiveCommunities(db: Kysely<Database>, municipalityIds: readonly string[]) {
  if (municipalityIds.length === 0) return [];
  return db
    .selectFrom(joinableCommunities(db).as('communities'))
    .select(['id', 'name'])
    .where('municipality_id', 'in', [...municipalityIds])
    .where('archived', '=', false)
    .orderBy('name')
    .execute();
}

/** The starter's networks with their area and state, for the rule of which wijken a call-out may name. */
export async function readStarterNetworks(db: Kysely<Database>, networkIds: readonly string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom(joinableNetworks(db).as('networks'))
    .select(['id', 'area_id', 'status'])
    .where('id', 'in', [...networkIds])
    .execute();
}
