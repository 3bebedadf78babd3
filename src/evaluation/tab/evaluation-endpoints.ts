import type { z } from 'zod';
import type { ApiClient } from '../../tab/api/client.js';
import type {
  Evaluation,
  EvaluationDraft,
  EvaluationList,
  recordEvaluationSchema,
  scheduleEvaluationSchema,
} from '../schemas.js';

export type { Evaluation, EvaluationDraft, EvaluationList } from '../schemas.js';
export type RecordEvaluationBody = z.input<typeof recordEvaluationSchema>;
export type ScheduleEvaluationBody = z.input<typeof scheduleEvaluationSchema>;

const base = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/evaluations`;

/** `GET /networks/{id}/evaluations`: the due date with its state and the history (staff of the network). */
export const getEvaluations = (api: ApiClient, networkId: string) => api.get<EvaluationList>(base(networkId));

/** `GET /networks/{id}/evaluations/draft` (coordinators): the period, each ally's figures, the network questions. */
export const getEvaluationDraft = (api: ApiClient, networkId: string) =>
  api.get<EvaluationDraft>(`${base(networkId)}/draft`);

/** `GET /networks/{id}/evaluations/{evaluationId}`: one held evaluation with each ally's decision. */
export const getEvaluation = (api: ApiClient, networkId: string, evaluationId: string) =>
  api.get<Evaluation>(`${base(networkId)}/${encodeURIComponent(evaluationId)}`);

/** `POST /networks/{id}/evaluations` (coordinators): a decision per current ally and the network notes. */
export const recordEvaluation = (api: ApiClient, networkId: string, body: RecordEvaluationBody) =>
  api.post<Evaluation>(base(networkId), body);

/** `PUT /networks/{id}/evaluation-schedule` (coordinators): moves the next due date. */
export const scheduleEvaluation = (api: ApiClient, networkId: string, body: ScheduleEvaluationBody) =>
  api.put<unknown>(`/networks/${encodeURIComponent(networkId)}/evaluation-schedule`, body);

/** The network's name and the caller's role, from `GET /networks/{id}`. */
export const getNetworkHead = (api: ApiClient, networkId: string) =>
  api.get<{ id: string; name: string; myRole: string | null }>(`/networks/${encodeURIComponent(networkId)}`);
