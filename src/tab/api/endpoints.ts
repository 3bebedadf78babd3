import type { z } from 'zod';
import type { authConfigSchema, localSessionSchema, Me, staffMemberSchema } from '../../identity/schemas.js';
import type { AreaOverview, communityRefSchema, NetworkDetail } from '../../network/schemas.js';
import type { ApiClient } from './client.js';

export type { Me } from '../../identity/schemas.js';
export type { AreaOverview, NetworkDetail, NetworkSummary } from '../../network/schemas.js';

/** How this server wants clients to sign in. */
export type AuthConfig = z.infer<typeof authConfigSchema>;
/** A staff member (municipality or police) as the API shows them. */
export type StaffMember = z.infer<typeof staffMemberSchema>;
/** Whether the browser holds a local session, and whose. */
export type LocalSession = z.infer<typeof localSessionSchema>;
/** A role of the signed-in user in one network. */
export type NetworkRole = Me['roles'][number];
/** The roles a staff member can hold in a network. */
export type RoleName = NetworkRole['role'];
/** A community or group a person can represent (religion, origin or group). */
export type CommunityRef = z.infer<typeof communityRefSchema>;
/** A tenant whose staff the app serves (the municipality's, the police's), with the name configured for it. */
export type StaffTenant = Me['organisations'][number];
/** One of the network's staff, with the back-up who takes over when they are absent. */
export type NetworkStaff = NetworkDetail['staff'][number];

/** `GET /auth/config`: local demo sign-in or Teams SSO. */
export const getAuthConfig = (api: ApiClient) => api.get<AuthConfig>('/auth/config');

/** `GET /me`: the signed-in user and their roles. */
export const getMe = (api: ApiClient) => api.get<Me>('/me');

/**
 * `GET /auth/local/session` (local mode only): whether the browser is signed in. Unlike `/me` it answers 200 when
 * it is not, so starting the tab writes no refusal into the audit trail.
 */
export const getLocalSession = (api: ApiClient) => api.get<LocalSession>('/auth/local/session');

/** `GET /auth/local/staff` (local mode only): the fictional staff one can sign in as. */
export const listLocalStaff = (api: ApiClient) => api.get<StaffMember[]>('/auth/local/staff');

/** `POST /auth/local/session` (local mode only): sign in as a demo staff member. */
export const signInLocally = (api: ApiClient, userId: string) =>
  api.post<Me>('/auth/local/session', { userId });

/** `DELETE /auth/local/session` (local mode only): sign out. */
export const signOutLocally = (api: ApiClient) => api.delete('/auth/local/session');

/** `GET /areas`: municipalities, districts, neighbourhoods and networks. */
export const getAreaOverview = (api: ApiClient) => api.get<AreaOverview>('/areas');

/** `GET /networks/{id}`: the network page's people, staff, coverage and warnings (network and meetings pages). */
export const getNetwork = (api: ApiClient, networkId: string) =>
  api.get<NetworkDetail>(`/networks/${encodeURIComponent(networkId)}`);

/** `GET /networks/{id}/communities`: what a person in this network can be linked to (people and call-out forms). */
export const listNetworkCommunities = (api: ApiClient, networkId: string) =>
  api.get<CommunityRef[]>(`/networks/${encodeURIComponent(networkId)}/communities`);
