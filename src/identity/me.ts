import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { type AccessProfile, loadAccessProfile } from './access.js';
import type { JoinableNetworks } from './network-port.js';
import type { Principal } from './principal.js';
import type { Me } from './schemas.js';
import { findUserWithNetworkRoles, type UserRecord } from './user-store.js';

/** Presents a user record with only the fields the API publishes. */
export function presentStaffMember(user: UserRecord): Me['user'] {
  return {
    id: user.id,
    displayName: user.displayName,
    organisation: user.organisation,
    jobTitle: user.jobTitle,
  };
}

/**
 * The signed-in user and the roles they hold. Pass the access profile when the caller already loaded it
 * (the API router does, for every signed-in route), so it is not read twice.
 */
export async function describeMe(
  db: Kysely<Database>,
  networks: JoinableNetworks,
  principal: Principal,
  loaded?: AccessProfile,
): Promise<Me> {
  const [found, access] = await Promise.all([
    findUserWithNetworkRoles(db, networks, principal.userId),
    loaded ?? loadAccessProfile(db, principal.userId),
  ]);
  if (!found) throw new DomainError('unauthenticated', 'The signed-in user no longer exists.');
  return {
    user: presentStaffMember(found.user),
    signInMethod: principal.method,
    isAdministrator: access.isAdministrator,
    roles: found.roles,
  };
}
