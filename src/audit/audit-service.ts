import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AuditEvent } from './audit-chain.js';
import { type AuditOrigin, auditEvent } from './audit-origin.js';
import { type AuditFilter, appendAuditEvent, listAuditEvents, sealAuditJournal } from './audit-store.js';
import { describeVerdict, verifyAuditChain } from './audit-verify.js';

/** The most rows one CSV export holds; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** A page of the audit trail, newest first; reading it is itself audited. */
export async function readAuditTrail(
  db: Kysely<Database>,
  origin: AuditOrigin,
  filter: AuditFilter,
  now: Date,
): Promise<{ events: AuditEvent[]; nextBeforeSeq: number | null }> {
  await appendAuditEvent(db, auditEvent(origin, 'audit.read', null), now);
  await sealAuditJournal(db);
  const events = await listAuditEvents(db, filter);
  const last = events[events.length - 1];
  return { events, nextBeforeSeq: events.length === filter.limit && last ? last.seq : null };
}

const CSV_COLUMNS = [
  'seq',
  'occurredAt',
  'actorUserId',
  'action',
  'objectType',
  'objectId',
  'result',
  'channel',
  'clientAddress',
  'requestId',
  'prevHash',
  'hash',
] as const;

/** The filtered audit trail as CSV (RFC 4180, formulas neutralised for spreadsheet programs). */
export async function exportAuditTrail(
  db: Kysely<Database>,
  origin: AuditOrigin,
  filter: Omit<AuditFilter, 'limit' | 'beforeSeq'>,
  now: Date,
): Promise<string> {
  await appendAuditEvent(db, auditEvent(origin, 'audit.export', null), now);
  await sealAuditJournal(db);
  const events = await listAuditEvents(db, { ...filter, limit: AUDIT_EXPORT_LIMIT });
  const rows = events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() }));
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}

/** Checks the whole chain for an administrator; the check is audited. */
export async function checkAuditTrail(db: Kysely<Database>, origin: AuditOrigin, now: Date) {
  await sealAuditJournal(db);
  const verdict = await verifyAuditChain(db);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'audit.verify', null, verdict.valid ? 'success' : 'failed'),
    now,
  );
  return {
    valid: verdict.valid,
    rowsChecked: verdict.rowsChecked,
    firstBrokenSeq: verdict.valid ? null : verdict.firstBreak.seq,
    message: describeVerdict(verdict),
  };
}
