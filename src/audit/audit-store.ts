import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type QueryCreator,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { BoundValue } from '../platform/db/compiled-once.js';
import type { Database } from '../platform/db/schema.js';
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

/** How many journal rows one sealing transaction moves into the chain. */
const SEAL_BATCH = 500;

/**
 * Records one event in the audit journal. Inside a transaction it joins it (the event commits or rolls
 * back with the change it records); otherwise it is a single insert. No lock is taken: the sealer puts
 * journal rows into the hash chain shortly after (see 0007_audit_journal.sql).
 */
export async function appendAuditEvent(executor: Executor, input: AuditEventInput, now: Date): Promise<void> {
  await appendAuditEvents(executor, [input], now);
}

/**
 * {@link appendAuditEvent} for several events of one request in a single insert (one round trip instead of one per
 * event), journalled in the order given: the rows of one `values` list take their ids in that order, and the sealer
 * chains the journal by id.
 */
export async function appendAuditEvents(
  executor: Executor,
  inputs: readonly AuditEventInput[],
  now: Date,
): Promise<void> {
  if (inputs.length === 0) return;
  await executor
    .insertInto('audit_journal')
    .values(
      inputs.map((input) => ({
        occurred_at: now,
        actor_user_id: input.actorUserId,
        action: input.action,
        object_type: input.objectType,
        object_id: input.objectId,
        result: input.result,
        channel: input.channel,
        client_address: input.clientAddress,
        request_id: input.requestId,
      })),
    )
    .execute();
}

/** The values {@link auditedReadStatement} binds: the audit row's columns (see {@link auditedReadValues}). */
export const AUDITED_READ_VALUES = [
  'auditOccurredAt',
  'auditActorUserId',
  'auditAction',
  'auditObjectType',
  'auditObjectId',
  'auditChannel',
  'auditClientAddress',
  'auditRequestId',
] as const;
export type AuditedReadValues = (typeof AUDITED_READ_VALUES)[number];

/** The audit row of a successful read made in the same statement as the read: what was read, by whom, when. */
export interface AuditedRead {
  event: AuditEventInput;
  now: Date;
}

/** The values to bind for {@link auditedReadStatement}. */
export function auditedReadValues({ event, now }: AuditedRead): Record<AuditedReadValues, BoundValue> {
  if (event.result !== 'success') throw new Error('an audited read records a successful read');
  return {
    auditOccurredAt: now,
    auditActorUserId: event.actorUserId,
    auditAction: event.action,
    auditObjectType: event.objectType,
    auditObjectId: event.objectId,
    auditChannel: event.channel,
    auditClientAddress: event.clientAddress,
    auditRequestId: event.requestId,
  };
}

/**
 * {@link appendAuditEvent} as a data-modifying statement another store puts in a `with` of its own read, so the
 * read and its audit row take one round trip (the network page, read on every visit): an insert into the journal
 * of one successful-read row, made only when `when` holds (the object exists; a read of nothing is refused and
 * audited as such by the router). It commits with the read's statement, or not at all. `values` are placeholders
 * or parameters, bound with {@link auditedReadValues}.
 */
export function auditedReadStatement(
  db: QueryCreator<Database>,
  values: Record<AuditedReadValues, string>,
  when: (eb: ExpressionBuilder<Database, never>) => Expression<SqlBool>,
) {
  return db
    .insertInto('audit_journal')
    .columns([
      'occurred_at',
      'actor_user_id',
      'action',
      'object_type',
      'object_id',
      'result',
      'channel',
      'client_address',
      'request_id',
    ])
    .expression(
      db
        .selectNoFrom((s) => [
          s.cast<Date>(s.val(values.auditOccurredAt), 'timestamptz').as('occurred_at'),
          s.cast<string | null>(s.val(values.auditActorUserId), 'uuid').as('actor_user_id'),
          s.cast<string>(s.val(values.auditAction), 'text').as('action'),
          s.cast<string | null>(s.val(values.auditObjectType), 'text').as('object_type'),
          s.cast<string | null>(s.val(values.auditObjectId), 'text').as('object_id'),
          sql<'success'>`'success'`.as('result'),
          s.cast<string>(s.val(values.auditChannel), 'text').as('channel'),
          s.cast<string | null>(s.val(values.auditClientAddress), 'text').as('client_address'),
          s.cast<string | null>(s.val(values.auditRequestId), 'text').as('request_id'),
        ])
        .where(when),
    );
}

/**
 * One read's audit row as a record of a batch (see {@link auditedReadsStatement}): the row's columns by their names
 * in the journal, the time as ISO text, to be sent in one JSON parameter with the records of the other reads.
 */
export function auditedReadRecord({ event, now }: AuditedRead) {
  if (event.result !== 'success') throw new Error('an audited read records a successful read');
  return {
    occurred_at: now.toISOString(),
    actor_user_id: event.actorUserId,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId,
    channel: event.channel,
    client_address: event.clientAddress,
    request_id: event.requestId,
  };
}

/** The columns of {@link auditedReadRecord} with their types, for the column list of a `json_to_recordset`. */
export const AUDITED_READ_RECORD_COLUMNS = sql.raw(
  'occurred_at timestamptz, actor_user_id uuid, action text, object_type text, object_id text, channel text, client_address text, request_id text',
);

/**
 * {@link auditedReadStatement} for several reads made in one statement (the network page's stamp checks of
 * concurrent views): an insert into the journal of one successful-read row per row of `source` (a relation of the
 * same statement, named in its `with`, that has {@link auditedReadRecord}'s columns) where `when` holds, in `order`.
 * All of them commit with the statement's reads, or none.
 */
export function auditedReadsStatement(source: string, when: RawBuilder<SqlBool>, order: RawBuilder<unknown>) {
  return sql`insert into audit_journal
    (occurred_at, actor_user_id, action, object_type, object_id, result, channel, client_address, request_id)
    select occurred_at, actor_user_id, action, object_type, object_id, 'success', channel, client_address, request_id
    from ${sql.table(source)}
    where ${when}
    order by ${order}`;
}

async function sealBatch(tx: Transaction<Database>): Promise<number> {
  // Serialise on the database, not in memory: every instance's sealer queues on this lock.
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const journal = await tx.selectFrom('audit_journal').selectAll().orderBy('id').limit(SEAL_BATCH).execute();
  if (journal.length === 0) return 0;
  const last = await tx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let previous = { seq: Number(last?.seq ?? 0), hash: last?.hash ?? GENESIS_HASH };
  const rows = journal.map((entry) => {
    const unsealed = {
      seq: previous.seq + 1,
      occurredAt: new Date(entry.occurred_at),
      actorUserId: entry.actor_user_id,
      action: entry.action,
      objectType: entry.object_type,
      objectId: entry.object_id,
      result: entry.result,
      channel: entry.channel,
      clientAddress: entry.client_address,
      requestId: entry.request_id,
      prevHash: previous.hash,
    };
    const hash = sealAuditEvent(unsealed);
    previous = { seq: unsealed.seq, hash };
    return {
      seq: unsealed.seq,
      occurred_at: unsealed.occurredAt,
      actor_user_id: unsealed.actorUserId,
      action: unsealed.action,
      object_type: unsealed.objectType,
      object_id: unsealed.objectId,
      result: unsealed.result,
      channel: unsealed.channel,
      client_address: unsealed.clientAddress,
      request_id: unsealed.requestId,
      prev_hash: unsealed.prevHash,
      hash,
    };
  });
  await tx.insertInto('audit_events').values(rows).execute();
  await tx
    .deleteFrom('audit_journal')
    .where(
      'id',
      'in',
      journal.map((entry) => entry.id),
    )
    .execute();
  return journal.length;
}

/**
 * Moves every committed journal row into the hash chain, in journal order, a batch per transaction.
 * Returns how many rows it sealed. Readers of the trail call it first so they see every event.
 */
export async function sealAuditJournal(db: Kysely<Database>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction().execute(sealBatch);
    sealed += batch;
    if (batch < SEAL_BATCH) return sealed;
  }
}

/** How many events wait in the journal (committed, not yet in the chain). */
export async function countUnsealedAuditEvents(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_journal')
    .select((eb) => eb.fn.countAll<string>().as('rows'))
    .executeTakeFirstOrThrow();
  return Number(row.rows);
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
