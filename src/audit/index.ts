/**
 * The audit trail's public API: what other capabilities use to record a read or change of personal data.
 * They import this file, never the audit store itself.
 */

export { readObjectAuditHistory } from './audit-service.js';
export { appendAuditEvent } from './audit-store.js';
export { type ObjectHistoryEntry, readObjectHistoryWithJournal } from './history-store.js';
