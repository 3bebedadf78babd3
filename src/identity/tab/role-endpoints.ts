import type { z } from 'zod';
import type { ApiClient } from '../../tab/api/client.js';
import type { RoleName } from '../../tab/api/endpoints.js';
import type {
  directoryHitSchema,
  directorySearchSchema,
  roleAssignmentSchema,
  staffTenantSchema,
  staffWithRolesSchema,
  unsearchedTenantSchema,
} from '../schemas.js';

/** A staff member with every role they hold, as the administrator screen shows them. */
export type StaffWithRoles = z.infer<typeof staffWithRolesSchema>;
/** One staff member's role in a network, as a network's staff list shows it. */
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/**
 * A colleague found in the directory of the municipality or the police (Entra ID; the demo staff in a local run),
 * with their tenant and organisation; `userId` is null for someone who is not yet known as staff.
 */
export type DirectoryMatch = z.infer<typeof directoryHitSchema>;
/** A tenant (the police's, say) whose staff are missing from a search, and why. */
export type UnsearchedTenant = z.infer<typeof unsearchedTenantSchema>;
/** A directory search's matches from every tenant that answered, and the tenants that did not. */
export type DirectorySearchAnswer = z.infer<typeof directorySearchSchema>;

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

/**
 * `GET /directory/users?q=` (administrators): colleagues of the municipality and the police whose name matches
 * (2 to 100 characters), and the tenants that could not be searched.
 */
export const searchDirectory = (api: ApiClient, query: string) =>
  api.get<DirectorySearchAnswer>(`/directory/users?${new URLSearchParams({ q: query })}`);

/** `POST /staff` (administrators): add a colleague from the directory, in the tenant the search found them in. */
export const addStaffMember = (api: ApiClient, match: Pick<DirectoryMatch, 'objectId' | 'tenantId'>) =>
  api.post<StaffWithRoles>('/staff', { objectId: match.objectId, tenantId: match.tenantId });

/** A tenant whose staff the app serves (the municipality's home tenant first, the police's), with its name. */
export type StaffTenant = z.infer<typeof staffTenantSchema>;

/** `GET /staff/tenants` (administrators): the tenants whose staff may sign in, with the names configured for them. */
export const listStaffTenants = (api: ApiClient) => api.get<StaffTenant[]>('/staff/tenants');

/** What `POST /staff/external` takes: a colleague of another allowed tenant (the police), by e-mail. */
export interface ExternalColleague {
  tenantId: string;
  email: string;
  displayName: string;
}

/** `POST /staff/external` (administrators): add a colleague of another allowed tenant, awaiting their first sign-in. */
export const addExternalStaffMember = (api: ApiClient, colleague: ExternalColleague) =>
  api.post<StaffWithRoles>('/staff/external', colleague);
