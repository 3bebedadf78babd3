import type { ApiClient } from '../../../tab/api/client.js';
import type { AnswerLinkState, AnswerThroughLinkInput } from '../../answer-links/answer-link-schemas.js';
import type { CallOutDetail } from '../../schemas.js';

export type { AnswerLinkState } from '../../answer-links/answer-link-schemas.js';

/** `POST /answer-links/open`: the e-mailed link's call-out and whether it still works (token in the body). */
export const openAnswerLink = (api: ApiClient, token: string) =>
  api.post<AnswerLinkState>('/answer-links/open', { token });

/** `POST /answer-links/answer`: answers once through the link; counts like a card answer. */
export const answerThroughLink = (api: ApiClient, input: AnswerThroughLinkInput) =>
  api.post<CallOutDetail>('/answer-links/answer', input);
