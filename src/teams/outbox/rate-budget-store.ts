import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** The SQL of the shared rate budget (`rate_buckets`); the rules that read it are in `rate-budget.ts`. */

type Executor = Kysely<Database> | Transaction<Database>;

/** The shape a bucket should have: its capacity and refill rate. */
export interface BucketShape {
  key: string;
  capacity: number;
  perSecond: number;
}

// Buckets this process has already created or reshaped, so a draw costs one transaction, not more.
const ensured = new WeakMap<object, Set<string>>();

/** Creates missing buckets and reshapes those whose setting changed (a changed rate applies from the next draw). */
export async function ensureBuckets(db: Executor, buckets: readonly BucketShape[]): Promise<void> {
  const memo = ensured.get(db) ?? new Set<string>();
  ensured.set(db, memo);
  const missing = buckets.filter((b) => !memo.has(`${b.key}|${b.capacity}|${b.perSecond}`));
  if (missing.length === 0) return;
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

/** One conversation bucket after a draw. */
export interface ConversationRow {
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

/** App slots reserved by one draw (epoch ms of the database clock). */
export interface AppSlots {
  granted: boolean;
  firstMs: number;
  firstAt: number;
  spacingMs: number;
}

/**
 * Reserves `count` consecutive app send slots (the generic cell rate algorithm): slots lie exactly
 * 1/rate apart on the database clock, so requests leave evenly spaced however many instances draw. Granted
 * when the first slot is at most `aheadMs` away; the caller sleeps until each slot.
 */
async function reserveAppSlots(
  tx: Transaction<Database>,
  key: string,
  count: number,
  aheadMs: number,
): Promise<AppSlots> {
  const result = await sql<{ granted: boolean; first_ms: number; first_at: number; per_second: number }>`
    with current as (
      select bucket, refill_per_second, greatest(refilled_at, clock_timestamp()) as slot
      from rate_buckets where bucket = ${key} for update
    ), taken as (
      update rate_buckets b set refilled_at = c.slot + make_interval(secs => ${count} / c.refill_per_second)
      from current c
      where b.bucket = c.bucket and c.slot <= clock_timestamp() + make_interval(secs => ${aheadMs / 1000})
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

/**
 * One draw in one short transaction: a token from each conversation's bucket, then as many consecutive app
 * slots as conversations got a token. The conversation rows come first and the app row last, always, so
 * concurrent draws cannot deadlock. `decide` sees both; when it throws (the app has no slot near enough)
 * the transaction rolls back, so conversations keep their tokens.
 */
export function drawInOneTransaction<T>(
  db: Kysely<Database>,
  conversationKeys: readonly string[],
  app: { key: string; aheadMs: number },
  decide: (rows: ConversationRow[], slots: AppSlots | null) => T,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const rows = await drawConversations(tx, conversationKeys);
    const granted = rows.filter((row) => row.granted).length;
    const slots = granted > 0 ? await reserveAppSlots(tx, app.key, granted, app.aheadMs) : null;
    return decide(rows, slots);
  });
}

/** The database clock now, in epoch ms. */
export async function readDatabaseClock(db: Executor): Promise<number | null> {
  const result = await sql<{
    at: number;
  }>`select extract(epoch from clock_timestamp()) * 1000 as at`.execute(db);
  const at = result.rows[0]?.at;
  return at === undefined ? null : Number(at);
}

/** Holds a bucket until `until` (a 429's Retry-After); a later hold already in place stays. */
export async function blockBucket(db: Executor, key: string, until: Date): Promise<void> {
  await db
    .updateTable('rate_buckets')
    .set({ blocked_until: until })
    .where('bucket', '=', key)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', until)]))
    .execute();
}
