import type { Kysely, Transaction } from 'kysely';
import type { Database, NetworkRole } from '../platform/db/schema.js';

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

/**
 * For removing a staff member's role: their role and organisation, and how many others of that organisation
 * hold a role in the network (0: they are its last gemeente or politie staff member). Undefined without a role.
 */
export async function readOrganisationPeers(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<{ role: NetworkRole; organisation: 'gemeente' | 'politie' | null; others: number } | undefined> {
  const own = await db
    .selectFrom('network_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.role', 'u.organisation'])
    .where('r.network_id', '=', networkId)
    .where('r.user_id', '=', userId)
    .executeTakeFirst();
  if (!own) return undefined;
  if (own.organisation === null) return { ...own, others: 0 };
  const peers = await db
    .selectFrom('network_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.network_id', '=', networkId)
    .where('r.user_id', '<>', userId)
    .where('u.organisation', '=', own.organisation)
    .executeTakeFirstOrThrow();
  return { ...own, others: Number(peers.n) };
}

/** Gives a staff member this role in the network unless they hold one there; true when it was given. */
export async function grantRoleIfNone(
  db: Executor,
  networkId: string,
  userId: string,
  role: NetworkRole,
): Promise<boolean> {
  const inserted = await db
    .insertInto('network_roles')
    .values({ network_id: networkId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['network_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
