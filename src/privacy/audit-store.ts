import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type AuditEvent, type AuditEventInput, GENESIS_HASH, sealAuditEvent } from './audit-chain.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One constant advisory-lock key for the chain; any 64-bit number no other lock uses. */
const AUDIT_CHAIN_LOCK = 7_262_000_001;

const columns = [
  'seq',
  'occurred_at as occurredAt',
  'actor_user_id as actorUserId',
  'action',
  'object_type as objectType',
  'object_id as objectId',
  'result',
  'channel',
  'client_address as clientAddress',
  'request_id as requestId',
  'prev_hash as prevHash',
  'hash',
] as const;

async function appendLocked(
  tx: Transaction<Database>,
  input: AuditEventInput,
  now: Date,
): Promise<AuditEvent> {
  // Serialise on the database, not in memory: every instance's writers queue on this lock.
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const unsealed = {
    ...input,
    seq: Number(last?.seq ?? 0) + 1,
    occurredAt: now,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const event = { ...unsealed, hash: sealAuditEvent(unsealed) };
  await tx
    .insertInto('audit_events')
    .values({
      seq: event.seq,
      occurred_at: event.occurredAt,
      actor_user_id: event.actorUserId,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      result: event.result,
      channel: event.channel,
      client_address: event.clientAddress,
      request_id: event.requestId,
      prev_hash: event.prevHash,
      hash: event.hash,
    })
    .execute();
  return event;
}

/**
 * Appends one event to the chain. Inside a transaction it joins it (the event commits or rolls back
 * with the change it records); otherwise it runs in a transaction of its own.
 */
export async function appendAuditEvent(
  executor: Executor,
  input: AuditEventInput,
  now: Date,
): Promise<AuditEvent> {
  if (executor.isTransaction) return appendLocked(executor as Transaction<Database>, input, now);
  return executor.transaction().execute((tx) => appendLocked(tx, input, now));
}

function toEvent(
  row: Omit<AuditEvent, 'seq' | 'occurredAt'> & { seq: string | number; occurredAt: Date | string },
): AuditEvent {
  return { ...row, seq: Number(row.seq), occurredAt: new Date(row.occurredAt) };
}

/** A page of the chain in order, for the verifier: rows with seq > afterSeq. */
export async function readAuditPage(db: Executor, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(columns)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

/** Filters an administrator can apply to the audit trail. */
export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditEventInput['result'];
  from?: Date;
  to?: Date;
  /** Newest first; rows with seq < beforeSeq (keyset paging). */
  beforeSeq?: number;
  limit: number;
}

/** Reads audit rows, newest first, matching every given filter. */
export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').select(columns);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  if (filter.result) query = query.where('result', '=', filter.result);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map(toEvent);
}
