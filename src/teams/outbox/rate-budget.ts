import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { blockBucket, drawInOneTransaction, ensureBuckets, readDatabaseClock } from './rate-budget-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The app's limit: requests per second per app per tenant. */
export interface AppRate {
  perSecond: number;
}

/** Teams' per-app-per-tenant limit (requests per second); older documentation says 30. */
export const APP_PER_SECOND = 50;

/** Share of the app limit every sender refills its bucket at, leaving room for jitter between our clock and Teams'. */
export const APP_HEADROOM = 0.98;

/** Teams' documented limits (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): 7 per second per conversation. */
export const CONVERSATION_PER_SECOND = 7;

/** How far ahead an instance may reserve app slots: enough to keep sending while its next draw runs. */
const APP_SLOT_AHEAD_MS = 250;

/**
 * How much later than its app slot a send may leave, beyond what the draw itself already brought. An
 * instance that stalled after drawing (a long GC pause, a busy event loop, a frozen VM) wakes with slots
 * whose time has passed while other instances used the slots after them; sending on all of them at once would
 * burst past the shared limit. A send later than this gives its slot up and draws again, so a stall adds at
 * most `rate × SLOT_LATE_MS / 1000` sends to any second. Lateness that was there when the draw returned (a
 * slow database) does not count: drawing again would meet it again, and giving up would never send.
 */
export const SLOT_LATE_MS = 250;

export const appBucketKey = (appId: string, tenantId: string) => `app:${appId}:${tenantId}`;
export const conversationBucketKey = (conversationId: string) => `conversation:${conversationId}`;

/** What one batch draw gives each conversation. */
export type ConversationDraw =
  /** Send at `slotAt`: the app slot reserved for this request, in epoch ms of the database clock. */
  | { conversation: string; granted: true; slotAt: number }
  /** The conversation's own 7/s, or the app's budget, has no token now; try again in `retryInMs`. */
  | { conversation: string; granted: false; reason: 'conversation' | 'app'; retryInMs: number }
  /** A 429's Retry-After holds this conversation until `until`; the others go on. */
  | { conversation: string; granted: false; reason: 'blocked'; until: Date };

class AppRefused extends Error {
  constructor(readonly retryInMs: number) {
    super('no app slot');
  }
}

/** The database clock minus this process's clock, from the draw with the shortest round trip so far. */
export class ClockOffset {
  private bestRoundTrip = Number.POSITIVE_INFINITY;
  private offset = 0;

  async measure(db: Executor): Promise<void> {
    const before = Date.now();
    const at = await readDatabaseClock(db);
    const after = Date.now();
    if (after - before < this.bestRoundTrip) {
      this.bestRoundTrip = after - before;
      this.offset = (at ?? after) - (before + after) / 2;
    }
  }

  /** Milliseconds from now until a moment of the database clock. */
  until(databaseAt: number): number {
    return Math.max(0, databaseAt - this.offset - Date.now());
  }

  /** Milliseconds since a moment of the database clock (negative while it is still ahead). */
  since(databaseAt: number): number {
    return Date.now() + this.offset - databaseAt;
  }
}

/**
 * Draws for a batch of conversations (distinct ids) in one short transaction: a token from each
 * conversation's bucket, then as many consecutive app slots as conversations got a token. If the app has
 * no slot near enough, the transaction rolls back, so conversations keep their tokens. The conversation rows
 * come first and the app row last, always, so concurrent draws cannot deadlock.
 */
export async function drawTokens(
  db: Kysely<Database>,
  app: { key: string; rate: AppRate },
  conversations: readonly string[],
): Promise<ConversationDraw[]> {
  const keys = conversations.map(conversationBucketKey);
  await ensureBuckets(db, [
    ...keys.map((key) => ({ key, capacity: 1, perSecond: CONVERSATION_PER_SECOND })),
    { key: app.key, capacity: 1, perSecond: app.rate.perSecond },
  ]);
  return drawInOneTransaction(db, keys, { key: app.key, aheadMs: APP_SLOT_AHEAD_MS }, (rows, slots) => {
    if (slots && !slots.granted)
      throw new AppRefused(Math.max(1, Math.ceil(slots.firstMs - APP_SLOT_AHEAD_MS)));
    const byKey = new Map(rows.map((row) => [row.bucket, row]));
    let index = 0;
    return conversations.map((conversation, i): ConversationDraw => {
      const row = byKey.get(keys[i] as string);
      if (!row) throw new Error('rate bucket vanished');
      if (row.blocked_until)
        return { conversation, granted: false, reason: 'blocked', until: new Date(row.blocked_until) };
      if (!row.granted) {
        const retryInMs = Math.max(
          1,
          Math.ceil(((1 - Number(row.level)) / Number(row.refill_per_second)) * 1000),
        );
        return { conversation, granted: false, reason: 'conversation', retryInMs };
      }
      const slotAt = (slots?.firstAt ?? 0) + (slots?.spacingMs ?? 0) * index;
      index += 1;
      return { conversation, granted: true, slotAt };
    });
  }).catch((error: unknown) => {
    if (!(error instanceof AppRefused)) throw error;
    return conversations.map(
      (conversation): ConversationDraw => ({
        conversation,
        granted: false,
        reason: 'app',
        retryInMs: error.retryInMs,
      }),
    );
  });
}

/** A 429's Retry-After for one conversation: no draw succeeds for it before `until`; others go on. */
export async function blockConversation(db: Executor, conversationId: string, until: Date): Promise<void> {
  const key = conversationBucketKey(conversationId);
  await ensureBuckets(db, [{ key, capacity: 1, perSecond: CONVERSATION_PER_SECOND }]);
  await blockBucket(db, key, until);
}
