import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A follow-up still running: not done and not declined. */
const RUNNING = ['open', 'in_progress'] as const;

/**
 * The running follow-ups of a network's signals that one staff member owns (continuity's hand-over), due
 * first: the signal's id, when it came in and when the follow-up is due; never the signal's text.
 */
export async function readOpenFollowUpsOwnedBy(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<Array<{ signalId: string; receivedAt: Date; dueOn: string }>> {
  return db
    .selectFrom('signal_follow_ups as f')
    .innerJoin('signals as s', 's.id', 'f.signal_id')
    .select(['f.signal_id as signalId', 's.received_at as receivedAt', 'f.due_on as dueOn'])
    .where('s.network_id', '=', networkId)
    .where('f.owner_user_id', '=', userId)
    .where('f.status', 'in', [...RUNNING])
    .orderBy('f.due_on')
    .orderBy('f.signal_id')
    .execute() as Promise<Array<{ signalId: string; receivedAt: Date; dueOn: string }>>;
}

/** Gives one staff member's running follow-ups in a network to another, in the caller's transaction. */
export async function reassignOpenFollowUps(
  db: Executor,
  networkId: string,
  fromUserId: string,
  toUserId: string,
  byUserId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('signal_follow_ups')
    .set({ owner_user_id: toUserId, updated_by: byUserId, updated_at: now })
    .where('owner_user_id', '=', fromUserId)
    .where('status', 'in', [...RUNNING])
    .where('signal_id', 'in', db.selectFrom('signals').select('id').where('network_id', '=', networkId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
