import type { z } from 'zod';
import type { ApiClient } from '../../tab/api/client.js';
import type {
  approvalResultSchema,
  assessCandidateSchema,
  CandidateDetail,
  changeStatusSchema,
  decideMatchSchema,
  proposeCandidateSchema,
  recordVisitSchema,
  SelectionOverview,
} from '../schemas.js';

export type { CandidateDetail, CandidateSummary, SelectionOverview } from '../schemas.js';
export type ProposeCandidate = z.input<typeof proposeCandidateSchema>;
export type DecideMatch = z.input<typeof decideMatchSchema>;
export type AssessCandidate = z.input<typeof assessCandidateSchema>;
export type ChangeStatus = z.input<typeof changeStatusSchema>;
export type RecordVisit = z.input<typeof recordVisitSchema>;
export type ApprovalResult = z.infer<typeof approvalResultSchema>;

const base = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/selection`;
const candidate = (networkId: string, candidateId: string) =>
  `${base(networkId)}/candidates/${encodeURIComponent(candidateId)}`;

/** `GET /networks/{id}/selection`: candidates, allies against the limits, staff, wijken and communities. */
export const getSelection = (api: ApiClient, networkId: string) =>
  api.get<SelectionOverview>(base(networkId));

/** `POST /networks/{id}/selection/candidates`: the party is the caller's organisation. */
export const proposeCandidate = (api: ApiClient, networkId: string, body: ProposeCandidate) =>
  api.post<CandidateDetail>(`${base(networkId)}/candidates`, body);

/** `GET …/candidates/{candidateId}`. */
export const getCandidate = (api: ApiClient, networkId: string, candidateId: string) =>
  api.get<CandidateDetail>(candidate(networkId, candidateId));

/** `POST …/matches`: "zelfde persoon" or "andere persoon". */
export const decideMatch = (api: ApiClient, networkId: string, candidateId: string, body: DecideMatch) =>
  api.post<CandidateDetail>(`${candidate(networkId, candidateId)}/matches`, body);

/** `DELETE …/merges/{mergedId}`: undoes a "same person" merge before admission (staff of either party). */
export const undoMerge = (api: ApiClient, networkId: string, candidateId: string, mergedId: string) =>
  api.delete(`${candidate(networkId, candidateId)}/merges/${encodeURIComponent(mergedId)}`);

/** `PUT …/assessments`: the caller's party's verdicts. */
export const assessCandidate = (
  api: ApiClient,
  networkId: string,
  candidateId: string,
  body: AssessCandidate,
) => api.put<CandidateDetail>(`${candidate(networkId, candidateId)}/assessments`, body);

/** `POST …/status`: a manual transition. */
export const changeCandidateStatus = (
  api: ApiClient,
  networkId: string,
  candidateId: string,
  body: ChangeStatus,
) => api.post<CandidateDetail>(`${candidate(networkId, candidateId)}/status`, body);

/** `PUT …/visit`: the home visit. */
export const recordVisit = (api: ApiClient, networkId: string, candidateId: string, body: RecordVisit) =>
  api.put<CandidateDetail>(`${candidate(networkId, candidateId)}/visit`, body);

/** `POST …/approvals`: approve for the caller's party. */
export const approveCandidate = (api: ApiClient, networkId: string, candidateId: string) =>
  api.post<ApprovalResult>(`${candidate(networkId, candidateId)}/approvals`, {});
