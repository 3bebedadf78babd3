import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The open actions of a network's meetings that one staff member owns (continuity's hand-over), due first. */
export async function readOpenActionsOwnedBy(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<Array<{ id: string; description: string; dueOn: string | null }>> {
  return db
    .selectFrom('meeting_actions')
    .select(['id', 'description', 'due_on as dueOn'])
    .where('network_id', '=', networkId)
    .where('owner_user_id', '=', userId)
    .where('status', '=', 'open')
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

/**
 * Gives the open actions of a network that one staff member owns to another, in the caller's transaction
 * (the hand-over); each action's version goes up so an open edit form sees the change. Returns how many moved.
 */
export async function reassignOpenActions(
  db: Executor,
  networkId: string,
  fromUserId: string,
  toUserId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('meeting_actions')
    .set((eb) => ({ owner_user_id: toUserId, version: eb('version', '+', 1), updated_at: now }))
    .where('network_id', '=', networkId)
    .where('owner_user_id', '=', fromUserId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
