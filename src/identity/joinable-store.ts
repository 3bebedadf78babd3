import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * Identity's tables as other capabilities' stores may join them (`users`, `network_roles`). A store of another capability never
 * names these tables itself (boundary rule `tables-owned-by-stores`): it joins the sub-query handed out here,
 * aliased as it likes (see src/setup/joinable-store.ts for why: PostgreSQL flattens it, so the plan is the
 * same as a join on the table, and identity stays the only owner of the SQL that reads its tables).
 */

/** Staff members (users), every column: work data from the directory. */
export function joinableUsers(db: QueryCreator<Database>) {
  return db.selectFrom('users').selectAll('users');
}

/** Who holds which role in which network, with their back-up. */
export function joinableNetworkRoles(db: QueryCreator<Database>) {
  return db.selectFrom('network_roles').selectAll('network_roles');
}
