import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type { CardPreviewReply } from '../../../tab/components/card-preview.js';
import type { PastCallOutPage } from '../../past-call-out-schemas.js';
import type {
  CallOutDetail,
  CallOutPreview,
  CallOutSummary,
  closeCallOutSchema,
  recordCallSchema,
  StartCallOutInput,
  staffAnswerSchema,
  TimelineEvent,
} from '../../schemas.js';

export type { PastCallOut, PastCallOutPage } from '../../past-call-out-schemas.js';
export type {
  CallOutDetail,
  CallOutPreview,
  CallOutSummary,
  TimelineEvent,
} from '../../schemas.js';

/** What the start form sends (and previews). */
export type StartCallOut = StartCallOutInput;
/** Incident, tension or planned intervention. */
export type CallOutKind = CallOutSummary['kind'];
/** Immediate, today or this week. */
export type CallOutUrgency = CallOutSummary['urgency'];
/** One staff recipient with delivery state and answer. */
export type CallOutRecipient = CallOutDetail['recipients'][number];
/** One ally on the call list with the latest recorded call. */
export type CallListEntry = CallOutDetail['callList'][number];
/** A network's follow-up meeting after the call-out closed (processing and reconciliation). */
export type CallOutFollowUp = CallOutDetail['followUps'][number];
/** A staff member's own answer: coming, calling allies, unavailable. */
export type StaffAnswerInput = z.input<typeof staffAnswerSchema>;
/** The outcome of a call to an ally. */
export type RecordCall = z.input<typeof recordCallSchema>;
export type StaffAnswer = StaffAnswerInput['answer'];
export type CallOutcome = RecordCall['outcome'];

const callOutPath = (callOutId: string) => `/call-outs/${encodeURIComponent(callOutId)}`;

/** `POST /call-outs/preview`: who would be reached; nothing is sent. */
export const previewCallOut = (api: ApiClient, input: StartCallOut) =>
  api.post<CallOutPreview>('/call-outs/preview', input);

/** `POST /call-outs/preview-card`: the card staff would get in Teams, in `locale`; nothing is sent. */
export const previewCallOutCard = (api: ApiClient, input: StartCallOut, locale: 'nl' | 'en') =>
  api.post<CardPreviewReply>(`/call-outs/preview-card?lang=${locale}`, input);

/**
 * `POST /call-outs`: starts the call-out (staff get the card, allies land on the call list). `startKey` is the
 * request's `Idempotency-Key`: sending again with the same key (after a lost answer) starts nothing new.
 */
export const startCallOut = (api: ApiClient, input: StartCallOut, startKey: string) =>
  api.post<CallOutDetail>('/call-outs', input, { 'idempotency-key': startKey });

/** `GET /call-outs`: open call-outs the user may see, newest first. */
export const listOpenCallOuts = (api: ApiClient) => api.get<CallOutSummary[]>('/call-outs');

/** The filters of the closed call-outs as the page holds them; empty ones are left out of the query. */
export interface ClosedCallOutsQuery {
  from?: string;
  to?: string;
  kind?: CallOutKind;
  networkId?: string;
  page: number;
}

/** `GET /call-outs/closed`: a page of the closed call-outs the user may see, newest first. */
export const listClosedCallOuts = (api: ApiClient, query: ClosedCallOutsQuery) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return api.get<PastCallOutPage>(`/call-outs/closed?${params}`);
};

/** `GET /call-outs/{id}`: progress, tally, recipients and call list. */
export const getCallOut = (api: ApiClient, callOutId: string) =>
  api.get<CallOutDetail>(callOutPath(callOutId));

/** `POST /call-outs/{id}/answers`: the signed-in recipient's answer (again replaces it). */
export const answerCallOut = (api: ApiClient, callOutId: string, answer: StaffAnswerInput) =>
  api.post<CallOutDetail>(`${callOutPath(callOutId)}/answers`, answer);

/** `POST /call-outs/{id}/calls`: the outcome of a call to an ally. */
export const recordCallOutCall = (api: ApiClient, callOutId: string, call: RecordCall) =>
  api.post<CallOutDetail>(`${callOutPath(callOutId)}/calls`, call);

/**
 * `GET /call-outs/{id}/change-stamp`: equal to the call-out's `stamp` while nothing the page must re-read
 * changed, with the current progress counts (not audited).
 */
export const getCallOutChangeStamp = (api: ApiClient, callOutId: string) =>
  api.get<{ stamp: string; progress: CallOutSummary['progress'] }>(`${callOutPath(callOutId)}/change-stamp`);

/** `POST /call-outs/{id}/close`: closes with the evaluation note. */
export const closeCallOut = (api: ApiClient, callOutId: string, body: z.input<typeof closeCallOutSchema>) =>
  api.post<CallOutDetail>(`${callOutPath(callOutId)}/close`, body);

/** `GET /call-outs/{id}/timeline`: every event, oldest first (ids only). */
export const getCallOutTimeline = (api: ApiClient, callOutId: string) =>
  api.get<TimelineEvent[]>(`${callOutPath(callOutId)}/timeline`);

/** The API path of the timeline as CSV or PDF in the tab's language (Dutch unless English is chosen). */
export const callOutTimelinePath = (callOutId: string, format: 'csv' | 'pdf', locale: 'nl' | 'en') =>
  `${callOutPath(callOutId)}/timeline.${format}${locale === 'en' ? '?lang=en' : ''}`;
