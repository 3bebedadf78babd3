import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { appendEvent } from '../call-out-store.js';
import type { CallOutEventKind } from '../constants.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One recipient's e-mail fallback: which call-out and which staff member. */
export interface AnswerLinkKey {
  callOutId: string;
  userId: string;
}

/** A claimed fallback row with what the mail needs about the recipient on the call-out. */
export interface ClaimedAnswerLink extends AnswerLinkKey {
  attempts: number;
  /** The network the recipient was alerted for (null for the crisis team): the local outbox's need-to-know. */
  networkId: string | null;
}

/**
 * Queues the e-mail fallback for the recipient of a card Teams could not deliver, in the transaction that
 * gives the card up: one per recipient and call-out, so a failed reminder after a failed alert adds nothing.
 */
export async function queueAnswerLink(tx: Executor, deliveryId: string, now: Date): Promise<void> {
  await sql`insert into call_out_answer_links (call_out_id, user_id, next_attempt_at, created_at)
    select d.call_out_id, r.user_id, ${now}, ${now}
    from call_out_deliveries d join call_out_recipients r on r.id = d.recipient_id
    where d.id = ${deliveryId}
    on conflict (call_out_id, user_id) do nothing`.execute(tx);
}

/** Claims due fallback rows for `leaseMs` (SKIP LOCKED, as the card outbox); a lapsed lease is due again. */
export async function claimAnswerLinks(
  db: Kysely<Database>,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<ClaimedAnswerLink[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedAnswerLink>`
    with due as (
      select call_out_id, user_id from call_out_answer_links
      where (state = 'pending' and next_attempt_at <= ${now}) or (state = 'sending' and claimed_until < ${now})
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    ), claimed as (
      update call_out_answer_links l set state = 'sending', claimed_by = ${workerId},
        claimed_until = ${until}, attempts = l.attempts + 1
      from due where l.call_out_id = due.call_out_id and l.user_id = due.user_id
      returning l.*
    )
    select c.call_out_id as "callOutId", c.user_id as "userId", c.attempts, r.network_id as "networkId"
    from claimed c join call_out_recipients r on r.call_out_id = c.call_out_id and r.user_id = c.user_id`.execute(
    db,
  );
  return result.rows;
}

const mine = (key: AnswerLinkKey, workerId: string) =>
  sql<boolean>`call_out_id = ${key.callOutId} and user_id = ${key.userId} and claimed_by = ${workerId} and state = 'sending'`;

/**
 * Stores the hash of the token about to be mailed (replacing one of a failed earlier try, whose mail never
 * went out). False when the row is no longer ours. Written before sending, so the link works on arrival.
 */
export async function armAnswerLink(
  db: Kysely<Database>,
  key: AnswerLinkKey,
  workerId: string,
  token: { hash: string; expiresAt: Date },
): Promise<boolean> {
  const updated = await db
    .updateTable('call_out_answer_links')
    .set({ token_hash: token.hash, expires_at: token.expiresAt })
    .where(mine(key, workerId))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Settles a claimed row, with its timeline line (ids only) in the same transaction. */
export async function settleAnswerLink(
  db: Kysely<Database>,
  key: AnswerLinkKey,
  workerId: string,
  outcome: { state: 'sent' | 'failed' | 'skipped'; reason: string | null; event: CallOutEventKind | null },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('call_out_answer_links')
      .set({
        state: outcome.state,
        claimed_by: null,
        claimed_until: null,
        last_error: outcome.reason?.slice(0, 500) ?? null,
        // A link that was never mailed must not work.
        ...(outcome.state === 'sent' ? {} : { token_hash: null, expires_at: null }),
      })
      .where(mine(key, workerId))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0 && outcome.event)
      await appendEvent(tx, key.callOutId, outcome.event, now, { userId: key.userId });
  });
}

/** Puts a claimed row back, due at `at` (a mail that failed and may work on a later try). */
export async function releaseAnswerLink(
  db: Kysely<Database>,
  key: AnswerLinkKey,
  workerId: string,
  at: Date,
  error: string,
): Promise<void> {
  await db
    .updateTable('call_out_answer_links')
    .set({
      state: 'pending',
      next_attempt_at: at,
      claimed_by: null,
      claimed_until: null,
      token_hash: null,
      expires_at: null,
      last_error: error.slice(0, 500),
    })
    .where(mine(key, workerId))
    .execute();
}

/** The link a token hash names, whatever its state; undefined when no mailed link has that hash. */
export async function findAnswerLink(db: Executor, tokenHash: string) {
  return db
    .selectFrom('call_out_answer_links')
    .select(['call_out_id as callOutId', 'user_id as userId', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('token_hash', '=', tokenHash)
    .where('state', '=', 'sent')
    .executeTakeFirst();
}

/**
 * Uses the link once: true when this call marked it used (it was the caller's, unused and unexpired). In the
 * answer's transaction, so a refused answer leaves the link usable and two tries at once use it once.
 */
export async function useAnswerLink(
  tx: Transaction<Database>,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const updated = await tx
    .updateTable('call_out_answer_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('state', '=', 'sent')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Whether the recipient has answered already (then the fallback mail is no longer needed). */
export async function hasAnswered(db: Executor, key: AnswerLinkKey): Promise<boolean> {
  const row = await db
    .selectFrom('call_out_answers')
    .select('user_id')
    .where('call_out_id', '=', key.callOutId)
    .where('user_id', '=', key.userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who started the call-out: the fallback mail goes out from their mailbox. */
export async function readStarter(db: Executor, callOutId: string): Promise<string | null> {
  const row = await db
    .selectFrom('call_outs')
    .select('started_by')
    .where('id', '=', callOutId)
    .executeTakeFirst();
  return row?.started_by ?? null;
}
