import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * Setup's reference tables as other capabilities' stores may join them. A store of another capability never
 * names `areas`, `communities`, `municipalities`, … itself (boundary rule `tables-owned-by-stores`): it joins
 * the sub-query setup hands out here, aliased as it likes, e.g.
 *
 *   db.selectFrom('networks').innerJoin(joinableAreas(db).as('areas'), 'areas.id', 'networks.area_id')
 *
 * PostgreSQL flattens such a sub-query into the outer one, so the plan (and the number of round trips) is the
 * same as a join on the table; setup stays the only owner of the SQL that reads its tables, and a change to a
 * table's shape is made here for every reader. These are reference data without personal data, so every column
 * is offered.
 */

/** Setup's wijken and stadsdelen (`areas`), every column. */
export function joinableAreas(db: QueryCreator<Database>) {
  return db.selectFrom('areas').selectAll('areas');
}

/** Setup's communities, every column. */
export function joinableCommunities(db: QueryCreator<Database>) {
  return db.selectFrom('communities').selectAll('communities');
}

/** Setup's municipalities, every column. */
export function joinableMunicipalities(db: QueryCreator<Database>) {
  return db.selectFrom('municipalities').selectAll('municipalities');
}

/** Which communities are marked relevant in which neighbourhood. */
export function joinableNeighbourhoodCommunities(db: QueryCreator<Database>) {
  return db.selectFrom('neighbourhood_communities').selectAll('neighbourhood_communities');
}

/** Setup's organisations catalogue, every column. */
export function joinableOrganisations(db: QueryCreator<Database>) {
  return db.selectFrom('organisations').selectAll('organisations');
}

/** Setup's relation types, every column. */
export function joinableRelationTypes(db: QueryCreator<Database>) {
  return db.selectFrom('relation_types').selectAll('relation_types');
}
