import type { Kysely } from 'kysely';
import type { Database, NetworkRole } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import type { RecordAudit } from './audit-port.js';
import type { HandOverOnRemoval } from './hand-over-port.js';
import { grantRoleIfNone, readOrganisationPeers } from './hand-over-store.js';
import type { JoinableNetworks } from './network-port.js';
import type { AfterCommit, RoleGranted } from './role-granted-port.js';
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
import { findUserById } from './user-store.js';

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
  const afterCommit = await transaction(db, async (tx) => {
    const previous = await upsertNetworkRole(tx, input.networkId, input.userId, input.role);
    const action = previous === null ? 'network-role.grant' : 'network-role.change';
    const followUp =
      previous === null && roleGranted
        ? await roleGranted(tx, { networkId: input.networkId, userId: input.userId }, now)
        : undefined;
    await audit(tx, origin, action, { type: 'network-role', id: `${input.networkId}/${input.userId}` }, now);
    return followUp;
  });
  afterCommit?.();
  return listNetworkRoleAssignments(db, input.networkId);
}

const successorInvalid = (
  code: 'unknown_reference' | 'self_reference' | 'wrong_reference',
  message: string,
) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [
    { field: 'query.successorUserId', code, kind: 'staff', message },
  ]);

/**
 * Takes a staff member's role in a network away. The network's last gemeente or politie staff member leaves
 * only for a successor of the same organisation (`successorUserId`), else 409 `last-of-organisation`: the
 * successor gets the leaver's role when they hold none (a newcomer, whose introduction starts as with a grant:
 * `roleGranted`), and everything the leaver holds in the network is handed over to them (continuity) in the same
 * transaction as the removal.
 */
export async function revokeNetworkRole(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  handOver: HandOverOnRemoval,
  origin: RequestOrigin,
  input: { networkId: string; userId: string; successorUserId?: string | undefined },
  now: Date,
  roleGranted?: RoleGranted,
): Promise<void> {
  await requireNetworkAndUser(db, networks, input.networkId, input.userId);
  const afterCommit = await transaction(db, async (tx): Promise<AfterCommit | undefined> => {
    let followUp: AfterCommit | undefined;
    const leaver = await readOrganisationPeers(tx, input.networkId, input.userId);
    if (!leaver) throw new DomainError('not-found', 'This staff member has no role in this network.');
    const { successorUserId } = input;
    if (leaver.organisation !== null && leaver.others === 0) {
      if (!successorUserId)
        throw new DomainError(
          'conflict',
          `This is the network's last ${leaver.organisation} staff member: name a successor (successorUserId) of the same organisation, who takes over their role and tasks.`,
        ).because('last-of-organisation');
      if (successorUserId === input.userId)
        throw successorInvalid('self_reference', 'the successor must be someone else');
      const successor = await findUserById(tx, successorUserId);
      if (!successor) throw successorInvalid('unknown_reference', 'no staff member with this id exists');
      if (successor.organisation !== leaver.organisation)
        throw successorInvalid(
          'wrong_reference',
          `the successor must work for the ${leaver.organisation} too`,
        );
      if (await grantRoleIfNone(tx, input.networkId, successorUserId, leaver.role)) {
        followUp = await roleGranted?.(tx, { networkId: input.networkId, userId: successorUserId }, now);
        await audit(
          tx,
          origin,
          'network-role.grant',
          { type: 'network-role', id: `${input.networkId}/${successorUserId}` },
          now,
        );
      }
      await handOver(tx, origin, {
        networkId: input.networkId,
        fromUserId: input.userId,
        toUserId: successorUserId,
        byUserId: origin.actorUserId ?? successorUserId,
        now,
      });
    }
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
    return followUp;
  });
  afterCommit?.();
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
