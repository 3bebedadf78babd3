import type { NetworkRole } from '../db/schema.js';
import type { AccessProfile } from './access.js';

/**
 * What a route demands of a signed-in caller. Declared per route, checked by the API router before
 * any service runs, so every rule lives here and has one test each.
 */
export type Permission =
  /** Any signed-in staff member (their own profile). */
  | { kind: 'self' }
  /** A role in at least one network, or administrator: the municipality overview. */
  | { kind: 'any-network-role' }
  /** One of `roles` in the network named by path parameter `param` (administrators pass too when `administrators` is set). */
  | { kind: 'network-role'; param: string; roles: readonly NetworkRole[]; administrators: boolean }
  /** Functional administrator of the municipality. */
  | { kind: 'administrator' };

export const ALL_NETWORK_ROLES: readonly NetworkRole[] = ['coordinator', 'member', 'secretary', 'viewer'];

/** The decision, with the object a denial concerns (for the audit trail). */
export type PermissionDecision =
  | { allowed: true }
  | { allowed: false; objectType: string | null; objectId: string | null };

/** Decides whether `access` satisfies `permission` for a request with these path parameters. Pure. */
export function decide(
  permission: Permission,
  access: AccessProfile,
  pathParams: Readonly<Record<string, string | undefined>>,
): PermissionDecision {
  switch (permission.kind) {
    case 'self':
      return { allowed: true };
    case 'any-network-role':
      return access.isAdministrator || access.networkRoles.size > 0
        ? { allowed: true }
        : { allowed: false, objectType: null, objectId: null };
    case 'administrator':
      return access.isAdministrator
        ? { allowed: true }
        : { allowed: false, objectType: null, objectId: null };
    case 'network-role': {
      const networkId = pathParams[permission.param] ?? null;
      const role = networkId ? access.networkRoles.get(networkId) : undefined;
      const allowed =
        (role !== undefined && permission.roles.includes(role)) ||
        (permission.administrators && access.isAdministrator);
      return allowed ? { allowed: true } : { allowed: false, objectType: 'network', objectId: networkId };
    }
  }
}
