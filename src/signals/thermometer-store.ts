import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface SignalCountRow {
  bucket: string;
  wijkId: string;
  theme: string;
  signals: number;
  urgent: number;
  attention: number;
}

/**
 * Signals of these networks counted per week or month (Europe/Amsterdam), wijk and theme: a signal about two
 * wijken and two themes counts in each of the four cells. Counts only; no text, no names.
 */
export async function countSignals(
  db: Executor,
  input: {
    networkIds: readonly string[];
    fromInstant: Date;
    untilInstant: Date;
    grain: 'week' | 'month';
    wijkId?: string | undefined;
    theme?: string | undefined;
  },
): Promise<SignalCountRow[]> {
  if (input.networkIds.length === 0) return [];
  const grain = input.grain === 'week' ? sql.lit('week') : sql.lit('month');
  const wijk = input.wijkId ? sql`and w.wijk_id = ${input.wijkId}::uuid` : sql``;
  const theme = input.theme ? sql`and t.theme = ${input.theme}` : sql``;
  const rows = await sql<{
    bucket: string;
    wijk_id: string;
    theme: string;
    signals: number | string;
    urgent: number | string;
    attention: number | string;
  }>`
    select to_char(date_trunc(${grain}, s.received_at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD') as bucket,
      w.wijk_id, t.theme,
      count(*) as signals,
      count(*) filter (where s.urgency = 'urgent') as urgent,
      count(*) filter (where s.urgency = 'attention') as attention
    from signals s
    cross join lateral unnest(s.wijk_ids) as w(wijk_id)
    cross join lateral unnest(s.themes) as t(theme)
    where s.network_id = any(${[...input.networkIds]}::uuid[])
      and s.received_at >= ${input.fromInstant} and s.received_at < ${input.untilInstant}
      ${wijk} ${theme}
    group by 1, 2, 3`.execute(db);
  return rows.rows.map((row) => ({
    bucket: row.bucket,
    wijkId: row.wijk_id,
    theme: row.theme,
    signals: Number(row.signals),
    urgent: Number(row.urgent),
    attention: Number(row.attention),
  }));
}

/** Open and in-progress follow-ups of these networks with their due date, for the network page and overviews. */
export async function readOpenFollowUps(db: Executor, networkIds: readonly string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('signal_follow_ups as f')
    .innerJoin('signals as s', 's.id', 'f.signal_id')
    .select([
      's.id as signalId',
      's.network_id as networkId',
      's.received_at as receivedAt',
      's.urgency',
      's.themes',
      'f.owner_user_id as ownerUserId',
      'f.status',
      sql<string>`f.due_on::text`.as('dueOn'),
    ])
    .where('s.network_id', 'in', [...networkIds])
    .where('f.status', 'in', ['open', 'in_progress'])
    .orderBy('f.due_on')
    .limit(200)
    .execute();
}

/** Per network: signals received in a period, and its follow-ups open today and overdue today. */
export interface SignalOverviewCounts {
  signals: number;
  openFollowUps: number;
  overdueFollowUps: number;
}

/**
 * For these networks in one query: the signals received in [`fromInstant`, `untilInstant`), and every follow-up
 * that is open or in progress now (whenever its signal came in, as the network page lists them) with those past
 * their due date (before `today`). Counts only; a network with none of either is absent from the map.
 */
export async function countSignalOverview(
  db: Executor,
  input: { networkIds: readonly string[]; fromInstant: Date; untilInstant: Date; today: string },
): Promise<Map<string, SignalOverviewCounts>> {
  if (input.networkIds.length === 0) return new Map();
  const rows = await sql<{
    network_id: string;
    signals: number | string;
    open: number | string;
    overdue: number | string;
  }>`
    select s.network_id,
      count(*) filter (where s.received_at >= ${input.fromInstant} and s.received_at < ${input.untilInstant})
        as signals,
      count(*) filter (where f.status in ('open', 'in_progress')) as open,
      count(*) filter (where f.status in ('open', 'in_progress') and f.due_on < ${input.today}::date) as overdue
    from signals s
    left join signal_follow_ups f on f.signal_id = s.id
    where s.network_id = any(${[...input.networkIds]}::uuid[])
    group by s.network_id`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.network_id,
      {
        signals: Number(row.signals),
        openFollowUps: Number(row.open),
        overdueFollowUps: Number(row.overdue),
      },
    ]),
  );
}
