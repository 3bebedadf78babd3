import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * Call-outs's tables as other capabilities' stores may join them (`call_out_places`, `call_out_crisis_team`). A store of another capability never
 * names these tables itself (boundary rule `tables-owned-by-stores`): it joins the sub-query handed out here,
 * aliased as it likes (see src/setup/joinable-store.ts for why: PostgreSQL flattens it, so the plan is the
 * same as a join on the table, and call-outs stays the only owner of the SQL that reads its tables).
 */

/** The wijken a call-out covers. */
export function joinableCallOutPlaces(db: QueryCreator<Database>) {
  return db.selectFrom('call_out_places').selectAll('call_out_places');
}

/** The crisis team of a municipality. */
export function joinableCallOutCrisisTeam(db: QueryCreator<Database>) {
  return db.selectFrom('call_out_crisis_team').selectAll('call_out_crisis_team');
}
