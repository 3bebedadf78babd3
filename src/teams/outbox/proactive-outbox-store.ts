import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** A card to queue for one conversation. */
export interface OutboxCard {
  /** Unique per card and recipient: queueing the same key again (another instance, a retry) does nothing. */
  idempotencyKey: string;
  /** What the card is for ('meeting-proposal'): ids and purposes only in logs. */
  purpose: string;
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  activity: Record<string, unknown>;
}

/** A row this instance has leased for sending. */
export interface LeasedCard {
  id: string;
  purpose: string;
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  activity: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
  /**
   * This lease's token (`lease_owner`): the owner given plus a suffix new for every lease, so a lease that lost
   * its row (it ran out and any round, the owner's own included, leased the row again) no longer matches it.
   */
  owner: string;
}

/** Queues cards; returns how many were new (the rest were queued before under the same key). */
export async function enqueueCards(db: Kysely<Database>, cards: readonly OutboxCard[]): Promise<number> {
  if (cards.length === 0) return 0;
  const rows = await db
    .insertInto('teams_outbox')
    .values(
      cards.map((card) => ({
        idempotency_key: card.idempotencyKey,
        purpose: card.purpose,
        tenant_id: card.tenantId,
        conversation_id: card.conversationId,
        service_url: card.serviceUrl,
        activity: JSON.stringify(card.activity),
      })),
    )
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Leases up to `limit` due cards for `owner` until `leaseMs` from now, counting the attempt. Rows another
 * instance holds are skipped (SKIP LOCKED) and rows whose lease ran out (a crashed instance) are due again.
 * The rows are leased under a token of this lease's own ({@link LeasedCard.owner}).
 */
export async function leaseDueCards(
  db: Kysely<Database>,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<LeasedCard[]> {
  const token = `${owner}#${randomUUID().slice(0, 8)}`;
  const result = await sql<{
    id: string;
    purpose: string;
    tenant_id: string;
    conversation_id: string;
    service_url: string;
    activity: Record<string, unknown> | string;
    attempts: number;
  }>`update teams_outbox
    set leased_until = now() + make_interval(secs => ${leaseMs / 1000}), lease_owner = ${token},
      attempts = attempts + 1
    where id in (
      select id from teams_outbox
      where state = 'pending' and due_at <= now() and (leased_until is null or leased_until < now())
      order by due_at
      limit ${limit}
      for update skip locked)
    returning id, purpose, tenant_id, conversation_id, service_url, activity, attempts`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    activity: typeof row.activity === 'string' ? JSON.parse(row.activity) : row.activity,
    attempts: Number(row.attempts),
    owner: token,
  }));
}

/**
 * The fence right before a send: extends the lease by `leaseMs` from now, so it covers the request, or answers
 * false when the lease lost its row (it ran out while the sender was starved, and another lease took the row
 * and sends it) or the row was settled meanwhile. A lease that ran out unclaimed is simply taken up again.
 */
export async function holdCard(
  db: Kysely<Database>,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('teams_outbox')
    .set({ leased_until: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The card went out: keep the activity id, drop the card's content (it holds names). */
export async function markCardSent(
  db: Kysely<Database>,
  id: string,
  owner: string,
  activityId: string,
): Promise<void> {
  await db
    .updateTable('teams_outbox')
    .set({ state: 'sent', activity_id: activityId, activity: null, sent_at: sql`now()`, leased_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Gives the lease back with the card due again at `dueAt`; `countAttempt: false` when nothing was sent. */
export async function releaseCard(
  db: Kysely<Database>,
  id: string,
  owner: string,
  dueAt: Date,
  options: { countAttempt: boolean; error?: string },
): Promise<void> {
  await db
    .updateTable('teams_outbox')
    .set((eb) => ({
      due_at: dueAt,
      leased_until: null,
      ...(options.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
      ...(options.error ? { last_error: options.error.slice(0, 200) } : {}),
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** The card cannot be delivered (a final refusal, or too many attempts): stop trying, drop its content. */
export async function markCardFailed(
  db: Kysely<Database>,
  id: string,
  owner: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('teams_outbox')
    .set({ state: 'failed', last_error: reason.slice(0, 200), activity: null, leased_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}
