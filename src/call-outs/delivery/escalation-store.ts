import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { TimerKind } from '../db-schema.js';

/** An escalation timer claimed for firing. */
export interface DueTimer {
  id: string;
  call_out_id: string;
  kind: TimerKind;
  recipient_id: string | null;
}

const AVAILABLE = ['coming', 'calling-allies'] as const;

/**
 * Claims due timers of open call-outs with SKIP LOCKED, held until the transaction ends: another instance
 * passes them by instead of waiting, and none is fired twice.
 */
export async function claimDueTimers(
  tx: Transaction<Database>,
  now: Date,
  limit: number,
): Promise<DueTimer[]> {
  const due = await sql<DueTimer>`
    select t.id, t.call_out_id, t.kind, t.recipient_id from call_out_timers t
    join call_outs c on c.id = t.call_out_id
    where t.fired_at is null and t.due_at <= ${now} and c.status = 'open'
    order by t.due_at, t.id
    limit ${limit}
    for update of t skip locked`.execute(tx);
  return due.rows;
}

/** Marks a timer fired, in the transaction that fired it. */
export async function markTimerFired(tx: Transaction<Database>, timerId: string, now: Date): Promise<void> {
  await tx.updateTable('call_out_timers').set({ fired_at: now }).where('id', '=', timerId).execute();
}

/** Whether this user has answered the call-out. */
export async function hasAnswered(
  tx: Transaction<Database>,
  callOutId: string,
  userId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('call_out_answers')
    .select('user_id')
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A recipient's user and the network they were alerted for. */
export async function readRecipient(tx: Transaction<Database>, recipientId: string) {
  return tx
    .selectFrom('call_out_recipients')
    .select(['user_id', 'network_id'])
    .where('id', '=', recipientId)
    .executeTakeFirst();
}

/** The municipality a call-out belongs to. */
export async function readCallOutMunicipality(tx: Transaction<Database>, callOutId: string): Promise<string> {
  const row = await tx
    .selectFrom('call_outs')
    .select('municipality_id')
    .where('id', '=', callOutId)
    .executeTakeFirstOrThrow();
  return row.municipality_id;
}

/** How many staff answered they come or phone their allies. */
export async function countAvailableStaff(tx: Transaction<Database>, callOutId: string): Promise<number> {
  const available = await tx
    .selectFrom('call_out_answers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('call_out_id', '=', callOutId)
    .where('answer', 'in', [...AVAILABLE])
    .executeTakeFirstOrThrow();
  return Number(available.n);
}

/** Recipients whose alert card arrived and who have not answered. */
export async function readSilentRecipientIds(
  tx: Transaction<Database>,
  callOutId: string,
): Promise<string[]> {
  const silent = await sql<{ id: string }>`
    select r.id from call_out_recipients r
    join call_out_deliveries d on d.recipient_id = r.id and d.kind = 'alert' and d.state = 'sent'
    where r.call_out_id = ${callOutId}
      and not exists (select 1 from call_out_answers a where a.call_out_id = r.call_out_id and a.user_id = r.user_id)`.execute(
    tx,
  );
  return silent.rows.map((row) => row.id);
}
