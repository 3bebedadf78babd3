import type { Kysely } from 'kysely';
import { listUsers, readUserIdentities } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import type { AuditEvent } from './audit-chain.js';
import { type AuditCsvLocale, auditCsvFileName, type NamedAuditEvent, renderAuditCsv } from './audit-csv.js';
import { type AuditOrigin, auditEvent } from './audit-origin.js';
import { type AuditFilter, appendAuditEvent, listAuditEvents, sealAuditJournal } from './audit-store.js';
import { describeVerdict, verifyAuditChain } from './audit-verify.js';

/** The most rows one CSV export holds; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/**
 * The actors' names, read now from the staff list: the trail keeps ids only (its rows and hash chain never
 * change), and staff names are no special-category data. An actor no longer in the staff list has no name.
 */
async function withActorNames(db: Kysely<Database>, events: AuditEvent[]): Promise<NamedAuditEvent[]> {
  const ids = [...new Set(events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])))];
  const names = new Map((await readUserIdentities(db, ids)).map((user) => [user.id, user.displayName]));
  return events.map((event) => ({
    ...event,
    actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
  }));
}

/** A page of the audit trail, newest first, with the actors' names; reading it is itself audited. */
export async function readAuditTrail(
  db: Kysely<Database>,
  origin: AuditOrigin,
  filter: AuditFilter,
  now: Date,
): Promise<{ events: NamedAuditEvent[]; nextBeforeSeq: number | null }> {
  await appendAuditEvent(db, auditEvent(origin, 'audit.read', null), now);
  await sealAuditJournal(db);
  const events = await listAuditEvents(db, filter);
  const last = events[events.length - 1];
  return {
    events: await withActorNames(db, events),
    nextBeforeSeq: events.length === filter.limit && last ? last.seq : null,
  };
}

/** The staff an administrator can pick as actor in the filter, by name; the read is audited. */
export async function listAuditActors(db: Kysely<Database>, origin: AuditOrigin, now: Date) {
  await appendAuditEvent(db, auditEvent(origin, 'audit.actor-list', null), now);
  const users = await listUsers(db);
  return { actors: users.map((user) => ({ id: user.id, displayName: user.displayName })) };
}

/**
 * The filtered audit trail as CSV in the caller's language (see audit-csv.ts), with a file name that says when it
 * was made; the export is audited.
 */
export async function exportAuditTrail(
  db: Kysely<Database>,
  origin: AuditOrigin,
  filter: Omit<AuditFilter, 'limit' | 'beforeSeq'>,
  locale: AuditCsvLocale,
  now: Date,
): Promise<{ fileName: string; csv: string }> {
  await appendAuditEvent(db, auditEvent(origin, 'audit.export', null), now);
  await sealAuditJournal(db);
  const events = await listAuditEvents(db, { ...filter, limit: AUDIT_EXPORT_LIMIT });
  return {
    fileName: auditCsvFileName(now, locale),
    csv: renderAuditCsv(await withActorNames(db, events), locale),
  };
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

/**
 * Who read or changed one object (e.g. a person), newest first, with the actors' names as they are now: for
 * an inzage (AVG art. 15). The caller audits its own read; this seals the journal first so nothing is missed.
 */
export async function readObjectAuditHistory(
  db: Kysely<Database>,
  object: { type: string; id: string },
  limit = 1000,
): Promise<NamedAuditEvent[]> {
  await sealAuditJournal(db);
  return withActorNames(
    db,
    await listAuditEvents(db, { objectType: object.type, objectId: object.id, limit }),
  );
}
