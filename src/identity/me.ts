import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { type AccessProfile, loadAccessProfile } from './access.js';
import { type CallerRead, callerReadOf } from './access-cache.js';
import type { JoinableNetworks } from './network-port.js';
import type { Principal } from './principal.js';
import type { Me, StaffMember } from './schemas.js';
import type { StaffTenant } from './staff-tenants.js';
import {
  findUsersWithNetworkRoles,
  findUserWithNetworkRoles,
  type UserRecord,
  type UserWithNetworkRoles,
} from './user-store.js';

/** Presents a user record with only the fields the API publishes. */
export function presentStaffMember(user: Pick<UserRecord, keyof StaffMember>): StaffMember {
  return {
    id: user.id,
    displayName: user.displayName,
    organisation: user.organisation,
    jobTitle: user.jobTitle,
  };
}

/**
 * `GET /me`'s read of its caller (the user row and roles by network name), which reads the access version in
 * the same statement: the access cache makes it as its check of a remembered caller, so `/me` costs one round
 * trip (shared with the concurrent ones, see `AccessCache`). One per set of routes: {@link describeMe} only uses an answer made by the same read.
 */
export function meCallerRead(networks: JoinableNetworks): CallerRead<UserWithNetworkRoles> {
  return async (db, userIds) => {
    const found = await findUsersWithNetworkRoles(db, networks, userIds);
    return new Map([...found].map(([id, user]) => [id, { version: user.accessVersion, value: user }]));
  };
}

/**
 * The signed-in user and the roles they hold, with the app's tenants (`tenants`: their configured names name the
 * user's organisation, and their colleagues', in the tab). Pass the access profile when the caller already loaded it
 * (the API router does, for every signed-in route), so it is not read twice, and the route's `read` when it
 * has one: the user and roles its check of a remembered caller read are not read again.
 */
export async function describeMe(
  db: Kysely<Database>,
  networks: JoinableNetworks,
  principal: Principal,
  tenants: readonly StaffTenant[],
  loaded?: AccessProfile,
  read?: CallerRead<UserWithNetworkRoles>,
): Promise<Me> {
  const made = read && callerReadOf(principal, read);
  const [found, access] = await Promise.all([
    made ?? findUserWithNetworkRoles(db, networks, principal.userId),
    loaded ?? loadAccessProfile(db, principal.userId),
  ]);
  if (!found) throw new DomainError('unauthenticated', 'The signed-in user no longer exists.');
  return {
    user: { ...presentStaffMember(found.user), tenantId: principal.tenantId.toLowerCase() },
    signInMethod: principal.method,
    isAdministrator: access.isAdministrator,
    roles: found.roles,
    organisations: [...tenants],
  };
}
