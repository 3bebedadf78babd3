import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The staff of a network whose back-up one staff member is (continuity's hand-over), by name. */
export async function readBackupDutiesOf(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<Array<{ userId: string; displayName: string }>> {
  return db
    .selectFrom('network_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id as userId', 'u.display_name as displayName'])
    .where('r.network_id', '=', networkId)
    .where('r.backup_user_id', '=', userId)
    .orderBy('u.display_name')
    .orderBy('r.user_id')
    .execute();
}

/**
 * Makes another staff member the back-up wherever one was, in the caller's transaction. Nobody backs
 * themselves up: where the successor was the one backed up, that back-up is cleared (`cleared`), and the
 * network page's warning for staff without back-up shows it.
 */
export async function reassignBackupDuties(
  db: Executor,
  networkId: string,
  fromUserId: string,
  toUserId: string,
): Promise<{ moved: number; cleared: number }> {
  const cleared = await db
    .updateTable('network_roles')
    .set({ backup_user_id: null })
    .where('network_id', '=', networkId)
    .where('backup_user_id', '=', fromUserId)
    .where('user_id', '=', toUserId)
    .executeTakeFirst();
  const moved = await db
    .updateTable('network_roles')
    .set({ backup_user_id: toUserId })
    .where('network_id', '=', networkId)
    .where('backup_user_id', '=', fromUserId)
    .executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), cleared: Number(cleared.numUpdatedRows) };
}
