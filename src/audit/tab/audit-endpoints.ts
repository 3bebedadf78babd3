import type { z } from 'zod';
import type { ApiClient, Download } from '../../tab/api/client.js';
import type {
  auditActorsSchema,
  auditEventSchema,
  auditPageSchema,
  auditQuerySchema,
  chainVerdictSchema,
} from '../audit-schemas.js';

/** One row of the audit trail. */
export type AuditEvent = z.infer<typeof auditEventSchema>;
/** A page of the audit trail, newest first, with the cursor of the next (older) page. */
export type AuditPage = z.infer<typeof auditPageSchema>;
/** The outcome an audit event records. */
export type AuditResult = AuditEvent['result'];
/** A staff member the filter can pick as actor. */
export type AuditActor = z.infer<typeof auditActorsSchema>['actors'][number];
/** The verdict of checking the audit trail's hash chain. */
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;
/** The filters the list and the export share (`from`/`to` as ISO date-times). */
export type AuditFilter = Partial<
  Pick<
    z.infer<typeof auditQuerySchema>,
    'actorUserId' | 'action' | 'objectType' | 'objectId' | 'result' | 'from' | 'to'
  >
>;

/** How many events one page of the audit trail holds. */
export const AUDIT_PAGE_SIZE = 100;

/** The query string (with `?`, or empty) of a filter and optional paging; empty filters are left out. */
export function auditQueryString(
  filter: AuditFilter,
  paging: { beforeSeq?: number; limit?: number; lang?: 'en' } = {},
) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, ...paging })) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** `GET /audit-events` (administrators): a page of the filtered trail, older than `beforeSeq` when given. */
export const listAuditEvents = (api: ApiClient, filter: AuditFilter, beforeSeq?: number) =>
  api.get<AuditPage>(
    `/audit-events${auditQueryString(filter, { ...(beforeSeq ? { beforeSeq } : {}), limit: AUDIT_PAGE_SIZE })}`,
  );

/** The API path of the CSV export of the filtered trail, in the tab's language (Dutch unless English). */
export const auditExportPath = (filter: AuditFilter, locale: 'nl' | 'en' = 'nl') =>
  `/audit-events/export${auditQueryString(filter, locale === 'en' ? { lang: 'en' } : {})}`;

/** `GET /audit-events/export` (administrators) fetched as a file, for when a plain link cannot sign the call. */
export const downloadAuditExport = (
  api: ApiClient,
  filter: AuditFilter,
  locale: 'nl' | 'en',
): Promise<Download> => api.download(auditExportPath(filter, locale), 'audittrail.csv');

/** `GET /audit-events/actors` (administrators): the staff the filter can pick as actor, by name. */
export const listAuditActors = (api: ApiClient) => api.get<{ actors: AuditActor[] }>('/audit-events/actors');

/** `GET /audit-events/verification` (administrators): check the whole hash chain. */
export const verifyAuditTrail = (api: ApiClient) => api.get<ChainVerdict>('/audit-events/verification');
