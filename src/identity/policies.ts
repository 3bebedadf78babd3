import { ALL_NETWORK_ROLES, type Permission } from './permissions.js';

/**
 * The named access rules of the API. Each route declares one of these instead of spelling out a
 * permission object, so "who may do this" reads as a sentence and every rule has one pure test
 * (policies.test.ts). The path parameters are fixed: `networkId` for a network, `personId` for a person.
 *
 * Administrators are functional administrators of the municipality: they set up networks and staff and
 * see every network's page (to help), but contact data of allies and changes to the network's content stay
 * with the network's own staff (need-to-know).
 */

/** Any signed-in user: their own profile. */
export const signedIn: Permission = { kind: 'self' };

/** Staff of at least one network, or an administrator: the overview and lists filtered to the caller. */
export const staffOfAnyNetwork: Permission = { kind: 'any-network-role' };

/** The municipality's administrators: set-up, staff and roles, the audit trail. */
export const administerMunicipality: Permission = { kind: 'administrator' };

/** The network page, its coverage, graph and insight: the network's staff, and administrators. */
export const viewNetwork: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ALL_NETWORK_ROLES,
  administrators: true,
};

/** The crisis sheet and exports hold allies' contact data: the network's own staff only. */
export const viewNetworkContacts: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

/** Changing who is in a network and how it is set up: its coordinators only. */
export const coordinateNetwork: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ['coordinator'],
  administrators: false,
};

/** One person's details: staff of a network the person belongs to (others get 404). */
export const viewPerson: Permission = {
  kind: 'person',
  param: 'personId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

/** Changing one person and their relations: coordinators of a network the person belongs to. */
export const coordinatePerson: Permission = {
  kind: 'person',
  param: 'personId',
  roles: ['coordinator'],
  administrators: false,
};

/**
 * Selection (issue 16): proposing, reviewing, visiting and approving candidates, and reading them. Candidates'
 * judgements are sensitive, so only the network's coordinators and members (municipality and police staff who
 * take part); secretaries, viewers and administrators as such do not.
 */
export const selectAllies: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ['coordinator', 'member'],
  administrators: false,
};
