import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

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

// Buckets this process has already created or reshaped, so a draw costs one transaction, not more.
const ensured = new WeakMap<object, Set<string>>();

async function ensureBuckets(
  db: Executor,
  buckets: ReadonlyArray<{ key: string; capacity: number; perSecond: number }>,
): Promise<void> {
  const memo = ensured.get(db) ?? new Set<string>();
  ensured.set(db, memo);
  const missing = buckets.filter((b) => !memo.has(`${b.key}|${b.capacity}|${b.perSecond}`));
  if (missing.length === 0) return;
  // The shape follows the setting: a changed rate applies from the next draw on every instance.
  await sql`insert into rate_buckets (bucket, capacity, refill_per_second, tokens, refilled_at)
    select key, capacity, per_second, capacity, clock_timestamp()
    from unnest(${missing.map((b) => b.key)}::text[], ${missing.map((b) => b.capacity)}::float8[],
      ${missing.map((b) => b.perSecond)}::float8[]) as shape(key, capacity, per_second)
    on conflict (bucket) do update set capacity = excluded.capacity, refill_per_second = excluded.refill_per_second
    where rate_buckets.capacity <> excluded.capacity or rate_buckets.refill_per_second <> excluded.refill_per_second`.execute(
    db,
  );
  for (const b of missing) memo.add(`${b.key}|${b.capacity}|${b.perSecond}`);
}

interface ConversationRow {
  bucket: string;
  granted: boolean;
  level: number;
  refill_per_second: number;
  blocked_until: Date | string | null;
}

/**
 * Takes one token from each conversation's bucket that has one (capacity 1, refilled at 7/s by the
 * database clock). Rows are locked in key order, so instances drawing overlapping sets cannot deadlock.
 */
async function drawConversations(
  tx: Transaction<Database>,
  keys: readonly string[],
): Promise<ConversationRow[]> {
  const result = await sql<ConversationRow>`
    with current as (
      select bucket, blocked_until, refill_per_second,
        least(capacity, tokens + extract(epoch from (clock_timestamp() - refilled_at)) * refill_per_second) as level
      from rate_buckets where bucket = any(${[...keys]}::text[]) order by bucket for update
    ), spent as (
      update rate_buckets b set tokens = c.level - 1, refilled_at = clock_timestamp()
      from current c
      where b.bucket = c.bucket and c.level >= 1
        and (c.blocked_until is null or c.blocked_until <= clock_timestamp())
      returning b.bucket
    )
    select c.bucket, c.bucket in (select bucket from spent) as granted, c.level, c.refill_per_second,
      case when c.blocked_until > clock_timestamp() then c.blocked_until else null end as blocked_until
    from current c`.execute(tx);
  return result.rows;
}

/**
 * Reserves `count` consecutive app send slots (the generic cell rate algorithm): slots lie exactly
 * 1/rate apart on the database clock, so requests leave evenly spaced however many instances draw. Granted
 * when the first slot is at most APP_SLOT_AHEAD_MS away; the caller sleeps until each slot.
 */
async function reserveAppSlots(
  tx: Transaction<Database>,
  key: string,
  count: number,
): Promise<{ granted: boolean; firstMs: number; firstAt: number; spacingMs: number }> {
  const result = await sql<{ granted: boolean; first_ms: number; first_at: number; per_second: number }>`
    with current as (
      select bucket, refill_per_second, greatest(refilled_at, clock_timestamp()) as slot
      from rate_buckets where bucket = ${key} for update
    ), taken as (
      update rate_buckets b set refilled_at = c.slot + make_interval(secs => ${count} / c.refill_per_second)
      from current c
      where b.bucket = c.bucket and c.slot <= clock_timestamp() + make_interval(secs => ${APP_SLOT_AHEAD_MS / 1000})
      returning b.bucket
    )
    select (select count(*) from taken) > 0 as granted,
      extract(epoch from (c.slot - clock_timestamp())) * 1000 as first_ms,
      extract(epoch from c.slot) * 1000 as first_at, c.refill_per_second as per_second
    from current c`.execute(tx);
  const row = result.rows[0];
  if (!row) throw new Error('rate bucket vanished');
  return {
    granted: row.granted,
    firstMs: Math.max(0, Number(row.first_ms)),
    firstAt: Number(row.first_at),
    spacingMs: 1000 / Number(row.per_second),
  };
}

class AppRefused extends Error {
  constructor(readonly retryInMs: number) {
    super('no app slot');
  }
}

/**
 * Draws for a batch of conversations (distinct ids) in one short transaction: a token from each
 * conversation's bucket, then as many consecutive app slots as conversations got a token. If the app has
 * no slot near enough, the transaction rolls back, so conversations keep their tokens. The conversation rows
 * come first and the app row last, always, so concurrent draws cannot deadlock.
 */
/** The database clock minus this process's clock, from the draw with the shortest round trip so far. */
export class ClockOffset {
  private bestRoundTrip = Number.POSITIVE_INFINITY;
  private offset = 0;

  async measure(db: Executor): Promise<void> {
    const before = Date.now();
    const result = await sql<{
      at: number;
    }>`select extract(epoch from clock_timestamp()) * 1000 as at`.execute(db);
    const after = Date.now();
    if (after - before < this.bestRoundTrip) {
      this.bestRoundTrip = after - before;
      this.offset = Number(result.rows[0]?.at ?? after) - (before + after) / 2;
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
  return db
    .transaction()
    .execute(async (tx) => {
      const rows = await drawConversations(tx, keys);
      const byKey = new Map(rows.map((row) => [row.bucket, row]));
      const granted = rows.filter((row) => row.granted).length;
      const slots = granted > 0 ? await reserveAppSlots(tx, app.key, granted) : null;
      if (slots && !slots.granted)
        throw new AppRefused(Math.max(1, Math.ceil(slots.firstMs - APP_SLOT_AHEAD_MS)));
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
    })
    .catch((error: unknown) => {
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
  await db
    .updateTable('rate_buckets')
    .set({ blocked_until: until })
    .where('bucket', '=', key)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', until)]))
    .execute();
}
