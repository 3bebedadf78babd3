import type { ApiClient } from '../../tab/api/client.js';
import type { Introduction, IntroductionList, TickIntroductionItem } from '../introduction-schemas.js';

export type { Introduction, IntroductionList, TickIntroductionItem } from '../introduction-schemas.js';

const base = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/introductions`;

/** `GET /networks/{id}/introductions`: every newcomer's checklist (coordinators) or one's own, and the next meeting. */
export const getIntroductions = (api: ApiClient, networkId: string) =>
  api.get<IntroductionList>(base(networkId));

/** `PUT /networks/{id}/introductions/{userId}/items/{itemKey}`: ticks or unticks an item; the checklist after it. */
export const putIntroductionItem = (
  api: ApiClient,
  networkId: string,
  userId: string,
  itemKey: string,
  body: TickIntroductionItem,
) =>
  api.put<Introduction>(
    `${base(networkId)}/${encodeURIComponent(userId)}/items/${encodeURIComponent(itemKey)}`,
    body,
  );
