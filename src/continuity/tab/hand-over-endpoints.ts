import type { ApiClient } from '../../tab/api/client.js';
import type { HandOver, HandOverResult, PerformHandOver } from '../hand-over-schemas.js';

export type { HandOver, HandOverResult, PerformHandOver } from '../hand-over-schemas.js';

const path = (networkId: string, userId: string) =>
  `/networks/${encodeURIComponent(networkId)}/hand-over/${encodeURIComponent(userId)}`;

/** `GET /networks/{id}/hand-over/{userId}`: what the staff member holds and who may take it over. */
export const getHandOver = (api: ApiClient, networkId: string, userId: string) =>
  api.get<HandOver>(path(networkId, userId));

/** `POST /networks/{id}/hand-over/{userId}`: moves every item to the successor in one step. */
export const postHandOver = (api: ApiClient, networkId: string, userId: string, body: PerformHandOver) =>
  api.post<HandOverResult>(path(networkId, userId), body);
