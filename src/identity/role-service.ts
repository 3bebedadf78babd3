import type { Kysely } from 'kysely';
import type { Database, NetworkRole } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import type { RecordAudit } from './audit-port.js';
import type { JoinableNetworks } from './network-port.js';
import type { RoleGranted } from './role-granted-port.js';
import {
  deleteAdministrator,
  deleteNetworkRole,
  insertAdministrator,
  listNetworkRoleAssignments,
  networkExists,
  type RoleAssignmentRecord,
  upsertNetworkRole,
  userExists,
} from './role-store.js';

async function requireNetworkAndUser(
  db: Kysely<Database>,
  networks: JoinableNetworks,
  networkId: string,
  userId: string | null,
): Promise<void> {
  if (!(await networkExists(db, networks, networkId)))
    throw new DomainError('not-found', 'No network with this id exists.');
  if (userId && !(await userExists(db, userId)))
    throw new DomainError('not-found', 'No staff member with this id exists.');
}

/** The staff of a network and their roles (audited as a read of the network's staff list). */
export async function listNetworkStaff(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  origin: RequestOrigin,
  networkId: string,
  now: Date,
): Promise<RoleAssignmentRecord[]> {
  await requireNetworkAndUser(db, networks, networkId, null);
  await audit(db, origin, 'network-role.list', { type: 'network', id: networkId }, now);
  return listNetworkRoleAssignments(db, networkId);
}

/**
 * Gives a staff member a role in a network, or changes it; the change and its audit row commit together. A new
 * role (none in this network before) also starts the newcomer's introduction (`roleGranted`), in the same
 * transaction.
 */
export async function assignNetworkRole(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  origin: RequestOrigin,
  input: { networkId: string; userId: string; role: NetworkRole },
  now: Date,
  roleGranted?: RoleGranted,
): Promise<RoleAssignmentRecord[]> {
  await requireNetworkAndUser(db, networks, input.networkId, input.userId);
  await transaction(db, async (tx) => {
    const previous = await upsertNetworkRole(tx, input.networkId, input.userId, input.role);
    const action = previous === null ? 'network-role.grant' : 'network-role.change';
    if (previous === null && roleGranted)
      await roleGranted(tx, { networkId: input.networkId, userId: input.userId }, now);
    await audit(tx, origin, action, { type: 'network-role', id: `${input.networkId}/${input.userId}` }, now);
  });
  return listNetworkRoleAssignments(db, input.networkId);
}

/** Takes a staff member's role in a network away. */
export async function revokeNetworkRole(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  origin: RequestOrigin,
  input: { networkId: string; userId: string },
  now: Date,
): Promise<void> {
  await requireNetworkAndUser(db, networks, input.networkId, input.userId);
  await transaction(db, async (tx) => {
    if (!(await deleteNetworkRole(tx, input.networkId, input.userId))) {
      throw new DomainError('not-found', 'This staff member has no role in this network.');
    }
    await audit(
      tx,
      origin,
      'network-role.revoke',
      {
        type: 'network-role',
        id: `${input.networkId}/${input.userId}`,
      },
      now,
    );
  });
}

/** Makes a staff member functional administrator. */
export async function grantAdministrator(
  db: Kysely<Database>,
  audit: RecordAudit,
  origin: RequestOrigin,
  userId: string,
  now: Date,
): Promise<void> {
  if (!(await userExists(db, userId)))
    throw new DomainError('not-found', 'No staff member with this id exists.');
  await transaction(db, async (tx) => {
    if (await insertAdministrator(tx, userId, origin.actorUserId as string)) {
      await audit(tx, origin, 'administrator.grant', { type: 'user', id: userId }, now);
    }
  });
}

/** Takes administrator rights away; the municipality always keeps at least one administrator. */
export async function revokeAdministrator(
  db: Kysely<Database>,
  audit: RecordAudit,
  origin: RequestOrigin,
  userId: string,
  now: Date,
): Promise<void> {
  await transaction(db, async (tx) => {
    const { removed, remaining } = await deleteAdministrator(tx, userId);
    if (!removed) throw new DomainError('not-found', 'This staff member is not an administrator.');
    if (remaining === 0)
      throw new DomainError(
        'conflict',
        'The last administrator cannot be removed; appoint another first.',
      ).because('last-administrator');
    await audit(tx, origin, 'administrator.revoke', { type: 'user', id: userId }, now);
  });
}
