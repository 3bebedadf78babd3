import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * Meetings's tables as other capabilities' stores may join them (`meetings`). A store of another capability never
 * names these tables itself (boundary rule `tables-owned-by-stores`): it joins the sub-query handed out here,
 * aliased as it likes (see src/setup/joinable-store.ts for why: PostgreSQL flattens it, so the plan is the
 * same as a join on the table, and meetings stays the only owner of the SQL that reads its tables).
 */

/** Meetings, every column. */
export function joinableMeetings(db: QueryCreator<Database>) {
  return db.selectFrom('meetings').selectAll('meetings');
}
