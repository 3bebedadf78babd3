import type { QueryCreator } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * The Teams side's tables as other capabilities' stores may join them (`conversation_references`). A store of another capability never
 * names these tables itself (boundary rule `tables-owned-by-stores`): it joins the sub-query handed out here,
 * aliased as it likes (see src/setup/joinable-store.ts for why: PostgreSQL flattens it, so the plan is the
 * same as a join on the table, and the teams side stays the only owner of the SQL that reads its tables).
 */

/** Where the bot can reach a user proactively. */
export function joinableConversationReferences(db: QueryCreator<Database>) {
  return db.selectFrom('conversation_references').selectAll('conversation_references');
}
