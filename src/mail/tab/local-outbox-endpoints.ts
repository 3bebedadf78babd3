import type { ApiClient } from '../../tab/api/client.js';
import type { LocalOutboxItem } from '../local-outbox-schemas.js';

export type { LocalOutboxItem } from '../local-outbox-schemas.js';

/** `GET /local-outbox` (local run only): invitations and e-mails the app would have sent. */
export const getLocalOutbox = (api: ApiClient) => api.get<LocalOutboxItem[]>('/local-outbox');
