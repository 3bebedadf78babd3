/**
 * The audit trail's public API: what other capabilities use to record a read or change of personal data.
 * They import this file, never the audit store itself.
 */

export { readObjectAuditHistory } from './audit-service.js';
export {
  AUDITED_READ_RECORD_COLUMNS,
  AUDITED_READ_VALUES,
  type AuditedRead,
  type AuditedReadValues,
  appendAuditEvent,
  appendAuditEvents,
  auditedReadRecord,
  auditedReadStatement,
  auditedReadsStatement,
  auditedReadValues,
} from './audit-store.js';
export { type ObjectHistoryEntry, readObjectHistoryWithJournal } from './history-store.js';
