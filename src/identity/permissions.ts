import type { NetworkRole } from '../platform/db/schema.js';
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
  /**
   * One of `roles` in a network the person named by path parameter `param` belongs to. To callers
   * with roles elsewhere a person outside their networks does not exist (404), so not even existence leaks.
   */
  | { kind: 'person'; param: string; roles: readonly NetworkRole[]; administrators: boolean }
  /** Functional administrator of the municipality. */
  | { kind: 'administrator' };

export const ALL_NETWORK_ROLES: readonly NetworkRole[] = ['coordinator', 'member', 'secretary', 'viewer'];

/** The decision, with the object a denial concerns (for the audit trail) and how to answer it. */
export type PermissionDecision =
  | { allowed: true }
  | { allowed: false; objectType: string | null; objectId: string | null; answer: 'forbidden' | 'not-found' };

/** Facts about the requested resource that some permissions need (loaded by the router). */
export interface ResourceFacts {
  /** For `person` permissions: the networks the person belongs to (empty if there is no such person). */
  personNetworkIds?: readonly string[];
}

function holdsRoleIn(
  access: AccessProfile,
  networkIds: readonly string[],
  roles: readonly NetworkRole[],
): boolean {
  return networkIds.some((networkId) => {
    const role = access.networkRoles.get(networkId);
    return role !== undefined && roles.includes(role);
  });
}

const REFUSED = { allowed: false, objectType: null, objectId: null, answer: 'forbidden' } as const;

/** Decides whether `access` satisfies `permission` for a request with these path parameters. Pure. */
export function decide(
  permission: Permission,
  access: AccessProfile,
  pathParams: Readonly<Record<string, string | undefined>>,
  facts: ResourceFacts = {},
): PermissionDecision {
  switch (permission.kind) {
    case 'self':
      return { allowed: true };
    case 'any-network-role':
      return access.isAdministrator || access.networkRoles.size > 0 ? { allowed: true } : REFUSED;
    case 'administrator':
      return access.isAdministrator ? { allowed: true } : REFUSED;
    case 'network-role': {
      const networkId = pathParams[permission.param] ?? null;
      const allowed =
        (networkId !== null && holdsRoleIn(access, [networkId], permission.roles)) ||
        (permission.administrators && access.isAdministrator);
      return allowed ? { allowed: true } : { ...REFUSED, objectType: 'network', objectId: networkId };
    }
    case 'person': {
      const personId = pathParams[permission.param] ?? null;
      if (permission.administrators && access.isAdministrator) return { allowed: true };
      if (holdsRoleIn(access, facts.personNetworkIds ?? [], permission.roles)) return { allowed: true };
      // Staff who can see the person but lack the role get 403; anyone else may not learn the person exists.
      const seesPerson = holdsRoleIn(access, facts.personNetworkIds ?? [], ALL_NETWORK_ROLES);
      const hidden = !seesPerson && (access.networkRoles.size > 0 || access.isAdministrator);
      return {
        allowed: false,
        objectType: 'person',
        objectId: personId,
        answer: hidden ? 'not-found' : 'forbidden',
      };
    }
  }
}
