import type { AccessProfile } from '../identity/access.js';
import { decide, type Permission } from '../identity/permissions.js';
import { administerMunicipality, staffOfAnyNetwork, viewNetwork } from '../identity/policies.js';

/**
 * Who may do what with meetings, in one place. The `Permission` values are what the routes declare (the
 * API router checks them before any service runs); the `can…` functions are the same rules as pure
 * predicates over a caller's profile, for code that decides outside a route (a card, a service).
 *
 * - Reading a network's meetings, settings, locations and participants: its staff (any role) and
 *   administrators, as for the rest of a network's page.
 * - Planning, moving, cancelling, recording and changing the settings: the network's coordinators and
 *   secretary. Administrators do not plan other networks' meetings; members and viewers only read.
 * - The year calendar and reading the school holidays: staff of any network, and administrators.
 * - Changing the school holidays and the municipality's region: administrators.
 */

const COORDINATORS_AND_SECRETARY: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ['coordinator', 'secretary'],
  administrators: false,
};

/** A network's meetings, settings, locations and participants: its staff, and administrators. */
export const viewMeetings: Permission = viewNetwork;

/** Planning, moving and cancelling meetings, the locations and participants: coordinators and the secretary. */
export const planMeetings: Permission = COORDINATORS_AND_SECRETARY;

/** Writing a meeting's record and updating its actions: coordinators and the secretary. */
export const recordMeetings: Permission = COORDINATORS_AND_SECRETARY;

/** Changing a network's meeting settings: coordinators and the secretary. */
export const manageMeetingSettings: Permission = COORDINATORS_AND_SECRETARY;

/** The year calendar across networks and the school holidays: staff of any network, and administrators. */
export const useMeetingCalendar: Permission = staffOfAnyNetwork;

/** Changing the school holiday periods and the municipality's region: administrators. */
export const manageSchoolHolidays: Permission = administerMunicipality;

function allows(permission: Permission, profile: AccessProfile, networkId: string): boolean {
  return decide(permission, profile, { networkId }).allowed;
}

export function canViewMeetings(profile: AccessProfile, networkId: string): boolean {
  return allows(viewMeetings, profile, networkId);
}

export function canPlanMeetings(profile: AccessProfile, networkId: string): boolean {
  return allows(planMeetings, profile, networkId);
}

export function canRecordMeeting(profile: AccessProfile, networkId: string): boolean {
  return allows(recordMeetings, profile, networkId);
}

export function canManageMeetingSettings(profile: AccessProfile, networkId: string): boolean {
  return allows(manageMeetingSettings, profile, networkId);
}

/**
 * The networks whose meetings the year calendar shows: every network for administrators (`'all'`),
 * otherwise the networks where the caller holds a role (possibly none).
 */
export function yearCalendarNetworks(profile: AccessProfile): 'all' | string[] {
  return profile.isAdministrator ? 'all' : [...profile.networkRoles.keys()];
}
