import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * Network's tables as other capabilities' stores may join them (`networks`, `people`, `network_people`, `person_communities`, `relations`, `person_organisations`). A store of another capability never
 * names these tables itself (boundary rule `tables-owned-by-stores`): it joins the sub-query handed out here,
 * aliased as it likes (see src/setup/joinable-store.ts for why: PostgreSQL flattens it, so the plan is the
 * same as a join on the table, and network stays the only owner of the SQL that reads its tables).
 */

/** Networks, every column. */
export function joinableNetworks(db: QueryCreator<Database>) {
  return db.selectFrom('networks').selectAll('networks');
}

/** People (allies, key figures, candidates), every column; personal data: join it only where the caller is allowed to read the person. */
export function joinablePeople(db: QueryCreator<Database>) {
  return db.selectFrom('people').selectAll('people');
}

/** Who is in which network, with status. */
export function joinableNetworkPeople(db: QueryCreator<Database>) {
  return db.selectFrom('network_people').selectAll('network_people');
}

/** Which communities a person belongs to. */
export function joinablePersonCommunities(db: QueryCreator<Database>) {
  return db.selectFrom('person_communities').selectAll('person_communities');
}

/** Relations between people and organisations. */
export function joinableRelations(db: QueryCreator<Database>) {
  return db.selectFrom('relations').selectAll('relations');
}

/** Which organisations a person belongs to. */
export function joinablePersonOrganisations(db: QueryCreator<Database>) {
  return db.selectFrom('person_organisations').selectAll('person_organisations');
}
