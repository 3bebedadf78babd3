import type { ApiClient } from '../../../tab/api/client.js';
import type {
  AllyLimits,
  ChangeNetwork,
  ManagedNetwork,
  ManagedNetworkStatus,
  NetworkSummary,
  StartNetwork,
} from './management-replies.js';

export type { AllyLimits, ManagedNetwork, ManagedNetworkStatus };

const municipalityPath = (municipalityId: string) => `/municipalities/${encodeURIComponent(municipalityId)}`;

/** `GET /municipalities/{id}/networks` (administrators): every network with its status and area. */
export const listManagedNetworks = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedNetwork[]>(`${municipalityPath(municipalityId)}/networks`);

/** `POST /networks` (administrators): start a network for an active district or wijk. */
export const startNetwork = (api: ApiClient, input: StartNetwork) =>
  api.post<NetworkSummary>('/networks', input);

/** `PATCH /networks/{id}` (administrators): rename, pause, resume, archive or restore. */
export const changeNetwork = (api: ApiClient, networkId: string, change: ChangeNetwork) =>
  api.patch<NetworkSummary>(`/networks/${encodeURIComponent(networkId)}`, change);

/** `GET /municipalities/{id}/settings` (administrators): the ally limits. */
export const getAllyLimits = (api: ApiClient, municipalityId: string) =>
  api.get<AllyLimits>(`${municipalityPath(municipalityId)}/settings`);

/** `PUT /municipalities/{id}/settings` (administrators): 400 with `body.allyHardLimit` when hard < soft. */
export const putAllyLimits = (api: ApiClient, municipalityId: string, limits: AllyLimits) =>
  api.put<AllyLimits>(`${municipalityPath(municipalityId)}/settings`, limits);
