import type { AccessProfile } from '../identity/access.js';
import { ALL_NETWORK_ROLES, type Permission } from '../identity/permissions.js';
import type { NetworkRole } from '../platform/db/schema.js';

/**
 * Who may do what with signals. Signals and contact notes are special-category personal data: only the
 * network's own staff read them (administrators do not: need-to-know); viewers read, the others record.
 * The thermometer and the sfeerbeeld are aggregates without names: staff see their own networks', and
 * administrators every network's.
 */

/** Roles that record signals, follow them up and keep the contact log. */
export const RECORDING_ROLES: readonly NetworkRole[] = ['coordinator', 'member', 'secretary'];

/** A network's signals and follow-ups: its own staff only. */
export const viewSignals: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

/** Recording a signal and changing its follow-up: the network's coordinators, members and secretary. */
export const recordSignals: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: RECORDING_ROLES,
  administrators: false,
};

/** A person's contact log: staff of a network the person belongs to (others get 404). */
export const viewContacts: Permission = {
  kind: 'person',
  param: 'personId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

/** Adding to a person's contact log: coordinators, members and secretaries of a network the person is in. */
export const recordContacts: Permission = {
  kind: 'person',
  param: 'personId',
  roles: RECORDING_ROLES,
  administrators: false,
};

/** Whether this caller records signals in this network (the bot's form and the service check it too). */
export function canRecordSignals(access: AccessProfile, networkId: string): boolean {
  const role = access.networkRoles.get(networkId);
  return role !== undefined && RECORDING_ROLES.includes(role);
}

/**
 * Whether this caller may correct a signal's fields (text, urgency, wijken, communities, themes, channel, from
 * whom, received at): the network's coordinator, and the staff member who received it while they still record
 * signals in the network. Other staff follow a signal up but do not rewrite what someone else heard.
 * Pure: the route demands `recordSignals` first, the service checks this with the stored receiver.
 */
export function canEditSignal(
  role: NetworkRole | undefined,
  userId: string,
  signal: { receivedBy: string },
): boolean {
  if (role === 'coordinator') return true;
  return role !== undefined && RECORDING_ROLES.includes(role) && signal.receivedBy === userId;
}

/** The networks whose signals feed this caller's thermometer and report: all for administrators. */
export function aggregateScope(access: AccessProfile, allNetworkIds: readonly string[]): string[] {
  if (access.isAdministrator) return [...allNetworkIds];
  return allNetworkIds.filter((id) => access.networkRoles.has(id));
}
