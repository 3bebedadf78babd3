import type { z } from 'zod';
import type { ApiClient } from '../../tab/api/client.js';
import type { RoleName } from '../../tab/api/endpoints.js';
import type { directoryHitSchema, roleAssignmentSchema, staffWithRolesSchema } from '../schemas.js';

/** A staff member with every role they hold, as the administrator screen shows them. */
export type StaffWithRoles = z.infer<typeof staffWithRolesSchema>;
/** One staff member's role in a network, as a network's staff list shows it. */
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/**
 * A colleague found in the organisation's directory (Entra ID; the demo staff in a local run); `userId` is null
 * for someone who is not yet known as staff.
 */
export type DirectoryMatch = z.infer<typeof directoryHitSchema>;

const rolePath = (networkId: string, userId: string) =>
  `/networks/${encodeURIComponent(networkId)}/roles/${encodeURIComponent(userId)}`;

/** `GET /staff` (administrators): every staff member with their roles. */
export const listStaff = (api: ApiClient) => api.get<StaffWithRoles[]>('/staff');

/** `PUT /networks/{networkId}/roles/{userId}` (administrators): give or change a role; answers the network's staff. */
export const assignNetworkRole = (api: ApiClient, networkId: string, userId: string, role: RoleName) =>
  api.put<RoleAssignment[]>(rolePath(networkId, userId), { role });

/** `DELETE /networks/{networkId}/roles/{userId}` (administrators): take a role away. */
export const revokeNetworkRole = (
  api: ApiClient,
  networkId: string,
  userId: string,
  successorUserId?: string,
) =>
  api.delete(
    successorUserId
      ? `${rolePath(networkId, userId)}?successorUserId=${encodeURIComponent(successorUserId)}`
      : rolePath(networkId, userId),
  );

/** `PUT /administrators/{userId}` (administrators): make a staff member functional administrator. */
export const grantAdministrator = (api: ApiClient, userId: string) =>
  api.put<void>(`/administrators/${encodeURIComponent(userId)}`);

/** `DELETE /administrators/{userId}` (administrators): take administrator rights away (409 for the last one). */
export const revokeAdministrator = (api: ApiClient, userId: string) =>
  api.delete(`/administrators/${encodeURIComponent(userId)}`);

/** `GET /directory/users?q=` (administrators): colleagues whose name matches, 2 to 100 characters. */
export const searchDirectory = (api: ApiClient, query: string) =>
  api.get<DirectoryMatch[]>(`/directory/users?${new URLSearchParams({ q: query })}`);

/** `POST /staff` (administrators): add a colleague from the directory as staff member. */
export const addStaffMember = (api: ApiClient, objectId: string) =>
  api.post<StaffWithRoles>('/staff', { objectId });
