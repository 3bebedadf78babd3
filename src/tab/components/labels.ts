import type { NetworkStatus } from '../../platform/db/schema.js';
import type { RoleName, StaffMember } from '../api/endpoints.js';
import type { MessageId } from '../i18n/messages.nl.js';

/** The four network roles, in the order pickers list them. */
export const roleNames: readonly RoleName[] = ['coordinator', 'member', 'secretary', 'viewer'];

/** The message id of each role's name. */
export const roleMessage: Record<RoleName, MessageId> = {
  coordinator: 'role.coordinator',
  member: 'role.member',
  secretary: 'role.secretary',
  viewer: 'role.viewer',
};

/** The message id of each network status ("In opbouw", "Actief", "Gepauzeerd"). */
export const statusMessage: Record<NetworkStatus, MessageId> = {
  starting: 'status.starting',
  active: 'status.active',
  paused: 'status.paused',
  archived: 'status.archived',
};

/** The message id of a staff member's organisation. */
export function organisationMessage(organisation: StaffMember['organisation']): MessageId {
  if (organisation === 'gemeente') return 'organisation.gemeente';
  if (organisation === 'politie') return 'organisation.politie';
  return 'organisation.none';
}
