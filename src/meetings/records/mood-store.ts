import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The recorded meeting moods (1-5) of these networks per week or month (the meeting's local date) between
 * two days, for the signals' thermometer: counts and sums only, never who was there.
 */
export async function readMeetingMoods(
  db: Executor,
  input: { networkIds: readonly string[]; from: string; to: string; grain: 'week' | 'month' },
): Promise<{ networkId: string; bucket: string; meetings: number; moodSum: number; moodCount: number }[]> {
  if (input.networkIds.length === 0) return [];
  const grain = input.grain === 'week' ? sql.lit('week') : sql.lit('month');
  const rows = await sql<{
    network_id: string;
    bucket: string;
    meetings: number | string;
    mood_sum: number | string | null;
    mood_count: number | string;
  }>`
    select m.network_id, to_char(date_trunc(${grain}, m.meeting_date::timestamp), 'YYYY-MM-DD') as bucket,
      count(*) as meetings, sum(r.mood) as mood_sum, count(r.mood) as mood_count
    from meetings m
    join meeting_records r on r.meeting_id = m.id
    where m.network_id = any(${[...input.networkIds]}::uuid[])
      and m.meeting_date >= ${input.from}::date and m.meeting_date <= ${input.to}::date
      and m.status <> 'cancelled'
    group by m.network_id, 2`.execute(db);
  return rows.rows.map((row) => ({
    networkId: row.network_id,
    bucket: row.bucket,
    meetings: Number(row.meetings),
    moodSum: Number(row.mood_sum ?? 0),
    moodCount: Number(row.mood_count),
  }));
}
