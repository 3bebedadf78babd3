import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type { RetentionKind } from '../../constants.js';
import type {
  consentStateSchema,
  erasureReasonSchema,
  erasureResultSchema,
  inzageSchema,
  privacyPersonHitSchema,
  processingRegisterSchema,
  retentionPreviewSchema,
  retentionRulesSchema,
} from '../../schemas.js';

/** The rules of the municipality with defaults and the latest runs, as `GET /privacy/retention` answers. */
export type RetentionRules = z.infer<typeof retentionRulesSchema>;
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;
export type ProcessingRegister = z.infer<typeof processingRegisterSchema>;
export type PrivacyPersonHit = z.infer<typeof privacyPersonHitSchema>;
export type Inzage = z.infer<typeof inzageSchema>;
export type ConsentState = z.infer<typeof consentStateSchema>;
export type ErasureResult = z.infer<typeof erasureResultSchema>;
export type ErasureReason = z.infer<typeof erasureReasonSchema>;

/** `GET /privacy/retention` (administrators). */
export const getRetentionRules = (api: ApiClient) => api.get<RetentionRules>('/privacy/retention');

/** `PUT /privacy/retention/{kind}` (administrators): the days one kind is kept; answers every rule. */
export const putRetentionDays = (api: ApiClient, kind: RetentionKind, days: number) =>
  api.put<RetentionRules>(`/privacy/retention/${encodeURIComponent(kind)}`, { days });

/** `GET /privacy/retention/preview?withinDays=` (administrators): counts only, nothing changes. */
export const getRetentionPreview = (api: ApiClient, withinDays: string) =>
  api.get<RetentionPreview>(`/privacy/retention/preview?withinDays=${encodeURIComponent(withinDays)}`);

/** `GET /privacy/register` (administrators; audited). */
export const getProcessingRegister = (api: ApiClient) => api.get<ProcessingRegister>('/privacy/register');

/** `GET /privacy/people?q=` (administrators; audited as a search): people of the municipality by name. */
export const findPeople = (api: ApiClient, q: string) =>
  api.get<PrivacyPersonHit[]>(`/privacy/people?q=${encodeURIComponent(q)}`);

/** `GET /privacy/people/{personId}/inzage` (administrators; audited). */
export const getInzage = (api: ApiClient, personId: string) =>
  api.get<Inzage>(`/privacy/people/${encodeURIComponent(personId)}/inzage`);

/** `POST /privacy/people/{personId}/consent-withdrawal` (administrators). */
export const withdrawConsent = (api: ApiClient, personId: string, withdrawnOn: string) =>
  api.post<ConsentState>(`/privacy/people/${encodeURIComponent(personId)}/consent-withdrawal`, {
    withdrawnOn,
  });

/** `POST /privacy/people/{personId}/erasure` (administrators): cannot be undone. */
export const erasePerson = (api: ApiClient, personId: string, reason: ErasureReason) =>
  api.post<ErasureResult>(`/privacy/people/${encodeURIComponent(personId)}/erasure`, {
    reason,
    confirm: true,
  });
