import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { joinableUsers } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { joinableConversationReferences, upsertConversationReference } from '../../teams/index.js';
import { queueAnswerLink } from '../answer-links/answer-link-store.js';
import { appendEvent } from '../call-out-store.js';
import type { CallOutEventKind } from '../constants.js';

/** A claimed outbox row with what sending needs: the recipient's Entra identity and the stored target. */
export interface ClaimedDelivery {
  id: string;
  callOutId: string;
  kind: 'alert' | 'reminder';
  attempts: number;
  userId: string;
  tenantId: string;
  aadObjectId: string;
  serviceUrl: string | null;
  conversationId: string | null;
  /**
   * This claim's lease token (`claimed_by`): the worker id plus a suffix new for every claim, so a claim that
   * lost its row (the lease ran out and a round of any worker, this one included, claimed it again) no longer
   * matches it, and its send, release or record does nothing (see {@link extendClaim}).
   */
  owner: string;
}

/** A lease token new for every claim: the worker id (readable in the table) and a random suffix. */
export function claimToken(workerId: string): string {
  return `${workerId}#${randomUUID().slice(0, 8)}`;
}

/**
 * Claims due rows for `leaseMs` in one short transaction. SKIP LOCKED lets instances claim side by side
 * without waiting on each other; a row whose lease ran out (its worker died mid-send) is due again. Each
 * claim leases under a token of its own ({@link ClaimedDelivery.owner}). `held` are rows this process's own
 * earlier claims still work on: their lease may have run out while the process was starved, but their send
 * may already be on its way, so this process does not claim them again (another instance still may).
 */
export async function claimDeliveries(
  db: Kysely<Database>,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
  held: readonly string[] = [],
): Promise<ClaimedDelivery[]> {
  const until = new Date(now.getTime() + leaseMs);
  const owner = claimToken(workerId);
  const result = await sql<ClaimedDelivery>`
    with due as (
      select id from call_out_deliveries
      where ((state = 'pending' and next_attempt_at <= ${now}) or (state = 'sending' and claimed_until < ${now}))
        and id <> all(${[...held]}::uuid[])
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update call_out_deliveries d set state = 'sending', claimed_by = ${owner}, claimed_until = ${until},
        attempts = d.attempts + 1
      from due where d.id = due.id
      returning d.*
    )
    select c.id, c.call_out_id as "callOutId", c.kind, c.attempts, r.user_id as "userId",
      u.tenant_id as "tenantId", u.aad_object_id as "aadObjectId",
      c.service_url as "serviceUrl", c.conversation_id as "conversationId", c.claimed_by as "owner"
    from claimed c join call_out_recipients r on r.id = c.recipient_id
      join ${joinableUsers(db).as('u')} on u.id = r.user_id
    order by c.next_attempt_at, c.id`.execute(db);
  return result.rows;
}

/** The row is still held by this claim (`owner` is the claim's token, not the worker id). */
const mine = (owner: string) => sql<boolean>`claimed_by = ${owner} and state = 'sending'`;

/** Remembers the 1:1 conversation once created, so a retry sends into it instead of creating another. */
export async function rememberConversation(
  db: Kysely<Database>,
  id: string,
  target: { serviceUrl: string; conversationId: string },
): Promise<void> {
  await db
    .updateTable('call_out_deliveries')
    .set({ service_url: target.serviceUrl, conversation_id: target.conversationId })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a sent card. If the call-out changed while the card was on its way, the copy is already
 * behind, so a card update is queued for it at once.
 */
export async function markSent(
  db: Kysely<Database>,
  delivery: { id: string; callOutId: string },
  owner: string,
  sent: { activityId: string; shownVersion: number },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('call_out_deliveries')
      .set({
        state: 'sent',
        activity_id: sent.activityId,
        shown_version: sent.shownVersion,
        sent_at: now,
        claimed_by: null,
        claimed_until: null,
        last_error: null,
      })
      .where('id', '=', delivery.id)
      .where(mine(owner))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await sql`insert into call_out_card_updates (delivery_id, call_out_id, wanted_version, next_attempt_at)
      select d.id, d.call_out_id, c.version, ${now} from call_out_deliveries d join call_outs c on c.id = d.call_out_id
      where d.id = ${delivery.id} and c.version > d.shown_version
      on conflict (delivery_id) do update set wanted_version = greatest(call_out_card_updates.wanted_version, excluded.wanted_version)`.execute(
      tx,
    );
    await appendEvent(tx, delivery.callOutId, 'delivery-sent', now, { deliveryId: delivery.id });
  });
}

/** Puts a claimed row back, due at `at`; `countAttempt: false` when it was never tried (no token, blocked). */
export async function releaseDelivery(
  db: Kysely<Database>,
  id: string,
  owner: string,
  at: Date,
  options: { countAttempt: boolean; error?: string },
): Promise<void> {
  await db
    .updateTable('call_out_deliveries')
    .set((eb) => ({
      state: 'pending',
      next_attempt_at: at,
      claimed_by: null,
      claimed_until: null,
      ...(options.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
      ...(options.error ? { last_error: options.error.slice(0, 500) } : {}),
    }))
    .where('id', '=', id)
    .where(mine(owner))
    .execute();
}

/**
 * Gives up on a card: Teams refused it for good, or nobody can be reached there; the tab shows it so someone
 * phones, and the recipient's e-mail fallback is queued (answer-link-store.ts).
 */
export async function markUndeliverable(
  db: Kysely<Database>,
  delivery: { id: string; callOutId: string },
  owner: string,
  state: 'failed' | 'unreachable',
  reason: string,
  now: Date,
  /** A timeline line saying why, written just before the delivery's own (e.g. `app-install-failed`). */
  cause?: CallOutEventKind,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('call_out_deliveries')
      .set({ state, last_error: reason.slice(0, 500), claimed_by: null, claimed_until: null })
      .where('id', '=', delivery.id)
      .where(mine(owner))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    if (cause) await appendEvent(tx, delivery.callOutId, cause, now, { deliveryId: delivery.id });
    await appendEvent(
      tx,
      delivery.callOutId,
      state === 'failed' ? 'delivery-failed' : 'delivery-unreachable',
      now,
      {
        deliveryId: delivery.id,
      },
    );
    // The tab shows them as "bellen"; an e-mail with a link to answer in the tab goes out as well (issue 23).
    await queueAnswerLink(tx, delivery.id, now);
  });
}

/**
 * Keeps a claimed row ours until `until`: before a longer step (installing the app through Graph) and right
 * before every send (the fence). False when the row is no longer this claim's: its lease ran out and a round
 * of some worker (this one's own included) claimed it again, or it was settled; that claim then sends it, so
 * this one must not. A lease that ran out unclaimed is simply taken up again: nobody else can have sent it.
 */
export async function extendClaim(
  db: Kysely<Database>,
  id: string,
  owner: string,
  until: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('call_out_deliveries')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where(mine(owner))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The Bot Connector address Teams gave us most recently for a tenant; null when the bot never heard from it. */
export async function findTenantServiceUrl(db: Kysely<Database>, tenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom(joinableConversationReferences(db).as('conversation_references'))
    .select('service_url')
    .where('tenant_id', '=', tenantId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.service_url ?? null;
}

/**
 * Stores the 1:1 chat found after installing the app for a recipient, in the table the bot keeps its
 * conversation references in (shaped like the bot's `StoredReference`), and puts the row back due at once
 * so the next claim sends the card through the ordinary path. The Teams user id (29:...) is not known until
 * Teams tells the bot about the installation, so the row is keyed by the Entra object id; the bot stores
 * its own row for the same chat when that `conversationUpdate` arrives.
 */
export async function storeInstalledReference(
  db: Kysely<Database>,
  delivery: { id: string; callOutId: string; tenantId: string; aadObjectId: string },
  owner: string,
  installed: { chatId: string; serviceUrl: string; botId: string },
  now: Date,
): Promise<void> {
  const reference = {
    channelId: 'msteams',
    serviceUrl: installed.serviceUrl,
    bot: { id: installed.botId },
    user: { id: delivery.aadObjectId, aadObjectId: delivery.aadObjectId },
    conversation: { id: installed.chatId, tenantId: delivery.tenantId, conversationType: 'personal' },
  };
  await db.transaction().execute(async (tx) => {
    await upsertConversationReference(
      tx,
      {
        conversationId: installed.chatId,
        channelUserId: delivery.aadObjectId,
        aadObjectId: delivery.aadObjectId,
        tenantId: delivery.tenantId,
        conversationType: 'personal',
        serviceUrl: installed.serviceUrl,
        reference,
      },
      now,
    );
    const released = await tx
      .updateTable('call_out_deliveries')
      .set((eb) => ({
        state: 'pending',
        next_attempt_at: now,
        claimed_by: null,
        claimed_until: null,
        attempts: eb('attempts', '-', 1),
      }))
      .where('id', '=', delivery.id)
      .where(mine(owner))
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) > 0)
      await appendEvent(tx, delivery.callOutId, 'app-installed', now, { deliveryId: delivery.id });
  });
}

/** A queued refresh of one sent copy. */
export interface ClaimedUpdate {
  deliveryId: string;
  callOutId: string;
  attempts: number;
  userId: string;
  serviceUrl: string;
  conversationId: string;
  activityId: string;
}

export async function claimCardUpdates(
  db: Kysely<Database>,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<ClaimedUpdate[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedUpdate>`
    with due as (
      select delivery_id from call_out_card_updates
      where next_attempt_at <= ${now} and (claimed_until is null or claimed_until < ${now})
      order by next_attempt_at, delivery_id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update call_out_card_updates u set claimed_by = ${workerId}, claimed_until = ${until}, attempts = u.attempts + 1
      from due where u.delivery_id = due.delivery_id
      returning u.*
    )
    select c.delivery_id as "deliveryId", c.call_out_id as "callOutId", c.attempts, r.user_id as "userId",
      d.service_url as "serviceUrl", d.conversation_id as "conversationId", d.activity_id as "activityId"
    from claimed c join call_out_deliveries d on d.id = c.delivery_id
      join call_out_recipients r on r.id = d.recipient_id
    order by c.next_attempt_at, c.delivery_id`.execute(db);
  return result.rows;
}

/** The copy now shows `shownVersion`: the update is done unless a later change asked for more meanwhile. */
export async function completeCardUpdate(
  db: Kysely<Database>,
  deliveryId: string,
  workerId: string,
  shownVersion: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('call_out_deliveries')
      .set({ shown_version: shownVersion })
      .where('id', '=', deliveryId)
      .execute();
    const done = await tx
      .deleteFrom('call_out_card_updates')
      .where('delivery_id', '=', deliveryId)
      .where('wanted_version', '<=', shownVersion)
      .executeTakeFirst();
    if (Number(done.numDeletedRows) === 0)
      await tx
        .updateTable('call_out_card_updates')
        .set({ claimed_by: null, claimed_until: null, attempts: 0 })
        .where('delivery_id', '=', deliveryId)
        .where('claimed_by', '=', workerId)
        .execute();
  });
}

/** Puts an update back for later, or drops it (`at` null) when Teams refused it for good. */
export async function releaseCardUpdate(
  db: Kysely<Database>,
  deliveryId: string,
  workerId: string,
  at: Date | null,
  options: { countAttempt: boolean },
): Promise<void> {
  if (at === null) {
    await db
      .deleteFrom('call_out_card_updates')
      .where('delivery_id', '=', deliveryId)
      .where('claimed_by', '=', workerId)
      .execute();
    return;
  }
  await db
    .updateTable('call_out_card_updates')
    .set((eb) => ({
      next_attempt_at: at,
      claimed_by: null,
      claimed_until: null,
      ...(options.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
    }))
    .where('delivery_id', '=', deliveryId)
    .where('claimed_by', '=', workerId)
    .execute();
}
