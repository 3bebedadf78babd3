import type { Kysely, Transaction } from 'kysely';
import type { Database, NetworkRole } from '../platform/db/schema.js';
import type { JoinableNetworks } from './network-port.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One role assignment with the staff member it belongs to. */
export interface RoleAssignmentRecord {
  userId: string;
  displayName: string;
  organisation: 'gemeente' | 'politie' | null;
  jobTitle: string | null;
  role: NetworkRole;
}

/** The staff of one network with their roles. */
export async function listNetworkRoleAssignments(
  db: Executor,
  networkId: string,
): Promise<RoleAssignmentRecord[]> {
  return db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select([
      'users.id as userId',
      'users.display_name as displayName',
      'users.organisation',
      'users.job_title as jobTitle',
      'network_roles.role',
    ])
    .where('network_roles.network_id', '=', networkId)
    .orderBy('users.display_name')
    .execute();
}

/** Sets a user's role in a network (insert or change); returns the previous role, if any. */
export async function upsertNetworkRole(
  tx: Transaction<Database>,
  networkId: string,
  userId: string,
  role: NetworkRole,
): Promise<NetworkRole | null> {
  const previous = await tx
    .selectFrom('network_roles')
    .select('role')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  await tx
    .insertInto('network_roles')
    .values({ network_id: networkId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['network_id', 'user_id']).doUpdateSet({ role }))
    .execute();
  return previous?.role ?? null;
}

/** Removes a user's role in a network; returns whether there was one. */
export async function deleteNetworkRole(
  tx: Transaction<Database>,
  networkId: string,
  userId: string,
): Promise<boolean> {
  const result = await tx
    .deleteFrom('network_roles')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether a network with this id exists. */
export async function networkExists(
  db: Executor,
  networks: JoinableNetworks,
  networkId: string,
): Promise<boolean> {
  return (
    (await db
      .selectFrom(networks(db).as('networks'))
      .select('id')
      .where('id', '=', networkId)
      .executeTakeFirst()) !== undefined
  );
}

/** Whether a user with this id exists. */
export async function userExists(db: Executor, userId: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined
  );
}

/** Every known staff member with their administrator flag and roles, for the administrator screen. */
export async function listStaffWithRoles(
  db: Executor,
  networks: JoinableNetworks,
): Promise<
  {
    id: string;
    tenantId: string;
    displayName: string;
    organisation: 'gemeente' | 'politie' | null;
    jobTitle: string | null;
    isAdministrator: boolean;
    roles: { networkId: string; networkName: string; role: NetworkRole }[];
  }[]
> {
  const [users, admins, roles] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'tenant_id', 'display_name', 'organisation', 'job_title'])
      .orderBy('display_name')
      .execute(),
    db.selectFrom('administrators').select('user_id').execute(),
    db
      .selectFrom('network_roles')
      .innerJoin(networks(db).as('networks'), 'networks.id', 'network_roles.network_id')
      .select([
        'network_roles.user_id',
        'networks.id as networkId',
        'networks.name as networkName',
        'network_roles.role',
      ])
      .orderBy('networks.name')
      .execute(),
  ]);
  const adminIds = new Set(admins.map((row) => row.user_id));
  return users.map((user) => ({
    id: user.id,
    tenantId: user.tenant_id,
    displayName: user.display_name,
    organisation: user.organisation,
    jobTitle: user.job_title,
    isAdministrator: adminIds.has(user.id),
    roles: roles
      .filter((row) => row.user_id === user.id)
      .map(({ networkId, networkName, role }) => ({ networkId, networkName, role })),
  }));
}

/** Grants administrator rights; returns false when the user already had them. */
export async function insertAdministrator(
  tx: Transaction<Database>,
  userId: string,
  grantedBy: string,
): Promise<boolean> {
  const result = await tx
    .insertInto('administrators')
    .values({ user_id: userId, granted_by: grantedBy })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Revokes administrator rights; locks the table's rows so two revocations cannot remove the last two at once. */
export async function deleteAdministrator(
  tx: Transaction<Database>,
  userId: string,
): Promise<{ removed: boolean; remaining: number }> {
  const all = await tx.selectFrom('administrators').select('user_id').forUpdate().execute();
  if (!all.some((row) => row.user_id === userId)) return { removed: false, remaining: all.length };
  await tx.deleteFrom('administrators').where('user_id', '=', userId).execute();
  return { removed: true, remaining: all.length - 1 };
}

/** The caller's administrator flag and network roles as one row per role (it runs on every request). */
export async function readAccessRows(
  db: Executor,
  userId: string,
): Promise<{ adminId: string | null; networkId: string | null; role: NetworkRole | null }[]> {
  return db
    .selectFrom('users')
    .leftJoin('administrators', 'administrators.user_id', 'users.id')
    .leftJoin('network_roles', 'network_roles.user_id', 'users.id')
    .select([
      'administrators.user_id as adminId',
      'network_roles.network_id as networkId',
      'network_roles.role',
    ])
    .where('users.id', '=', userId)
    .execute();
}

/** Makes a user administrator if they are not yet (BOOTSTRAP_ADMINS); no grantor. */
export async function ensureAdministratorRow(db: Executor, userId: string): Promise<void> {
  await db
    .insertInto('administrators')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** The staff of a network with their role, organisation and back-up (network page, crisis sheet, absences). */
export async function readNetworkStaff(db: Executor, networkId: string) {
  const rows = await db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .leftJoin('users as backups', 'backups.id', 'network_roles.backup_user_id')
    .select([
      'users.id as userId',
      'users.display_name as displayName',
      'users.tenant_id as tenantId',
      'users.organisation',
      'users.job_title as jobTitle',
      'users.phone',
      'network_roles.role',
      'backups.id as backupUserId',
      'backups.display_name as backupName',
      'backups.phone as backupPhone',
    ])
    .where('network_roles.network_id', '=', networkId)
    .orderBy('users.display_name')
    .execute();
  return rows.map(({ backupUserId, backupName, backupPhone, ...row }) => ({
    ...row,
    backup:
      backupUserId && backupName
        ? { userId: backupUserId, displayName: backupName, phone: backupPhone }
        : null,
  }));
}

/** The staff of a network with their e-mail address, Entra tenant and role, by name (meetings' invitations and planning). */
export async function readNetworkStaffContacts(db: Executor, networkId: string) {
  return db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select([
      'users.id as userId',
      'users.display_name as displayName',
      'users.email',
      'users.tenant_id as tenantId',
      'network_roles.role',
    ])
    .where('network_roles.network_id', '=', networkId)
    .orderBy('users.display_name')
    .execute();
}

/**
 * The staff of a network in these roles, with the ids the Teams conversation store looks them up by, ordered
 * by user id (the meeting proposal's recipients).
 */
export async function readNetworkStaffInRoles(
  db: Executor,
  networkId: string,
  roles: readonly NetworkRole[],
) {
  if (roles.length === 0) return [];
  return db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select([
      'users.id as userId',
      'users.tenant_id as tenantId',
      'users.aad_object_id as aadObjectId',
      'network_roles.role',
    ])
    .where('network_roles.network_id', '=', networkId)
    .where('network_roles.role', 'in', [...roles])
    .orderBy('users.id')
    .execute();
}

/** Sets who backs a staff member up in a network; false when the staff member has no role there. */
export async function updateBackup(
  tx: Transaction<Database>,
  networkId: string,
  userId: string,
  backupUserId: string | null,
): Promise<boolean> {
  const result = await tx
    .updateTable('network_roles')
    .set({ backup_user_id: backupUserId })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Who backs a staff member up in a network, or null. */
export async function readBackupUserId(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('network_roles')
    .select('backup_user_id')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.backup_user_id ?? null;
}
