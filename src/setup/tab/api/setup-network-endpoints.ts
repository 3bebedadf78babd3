import type { z } from 'zod';
import type {
  createNetworkSchema,
  managedNetworkListItemSchema,
  municipalitySettingsSchema,
  networkSummaryOutSchema,
  updateNetworkSchema,
} from '../../../network/management/management-schemas.js';
import type { ApiClient } from '../../../tab/api/client.js';

/** A network in the administrators' list, archived ones included. */
export type ManagedNetwork = z.infer<typeof managedNetworkListItemSchema>;
/** A network's status: starting, active, paused or archived. */
export type ManagedNetworkStatus = ManagedNetwork['status'];
/** The municipality's ally soft and hard limits. */
export type AllyLimits = z.infer<typeof municipalitySettingsSchema>;

const municipalityPath = (municipalityId: string) => `/municipalities/${encodeURIComponent(municipalityId)}`;

/** `GET /municipalities/{id}/networks` (administrators): every network with its status and area. */
export const listManagedNetworks = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedNetwork[]>(`${municipalityPath(municipalityId)}/networks`);

/** `POST /networks` (administrators): start a network for an active district or wijk. */
export const startNetwork = (
  api: ApiClient,
  input: Pick<z.input<typeof createNetworkSchema>, 'name' | 'areaId'>,
) => api.post<z.infer<typeof networkSummaryOutSchema>>('/networks', input);

/** `PATCH /networks/{id}` (administrators): rename, pause, resume, archive or restore. */
export const changeNetwork = (
  api: ApiClient,
  networkId: string,
  change: z.input<typeof updateNetworkSchema>,
) => api.patch<z.infer<typeof networkSummaryOutSchema>>(`/networks/${encodeURIComponent(networkId)}`, change);

/** `GET /municipalities/{id}/settings` (administrators): the ally limits. */
export const getAllyLimits = (api: ApiClient, municipalityId: string) =>
  api.get<AllyLimits>(`${municipalityPath(municipalityId)}/settings`);

/** `PUT /municipalities/{id}/settings` (administrators): 400 with `body.allyHardLimit` when hard < soft. */
export const putAllyLimits = (api: ApiClient, municipalityId: string, limits: AllyLimits) =>
  api.put<AllyLimits>(`${municipalityPath(municipalityId)}/settings`, limits);
