import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Per network, its meetings dated in a period. */
export interface MeetingCounts {
  /** Meetings on the calendar in the period and not cancelled (held ones included). */
  planned: number;
  /** Of those, the ones recorded as held. */
  held: number;
  /** Meetings in the period that were cancelled (not in `planned`). */
  cancelled: number;
}

/**
 * Meetings of these networks whose local date lies in `from`..`to` (both inclusive), counted per network in one
 * query: planned (not cancelled), held, cancelled. Counts only, for the cross-network overview; a network
 * without meetings in the period is absent from the map.
 */
export async function countMeetings(
  db: Executor,
  input: { networkIds: readonly string[]; from: string; to: string },
): Promise<Map<string, MeetingCounts>> {
  if (input.networkIds.length === 0) return new Map();
  const rows = await sql<{
    network_id: string;
    planned: number | string;
    held: number | string;
    cancelled: number | string;
  }>`
    select network_id,
      count(*) filter (where status <> 'cancelled') as planned,
      count(*) filter (where status = 'held') as held,
      count(*) filter (where status = 'cancelled') as cancelled
    from meetings
    where network_id = any(${[...input.networkIds]}::uuid[])
      and meeting_date >= ${input.from}::date and meeting_date <= ${input.to}::date
    group by network_id`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.network_id,
      { planned: Number(row.planned), held: Number(row.held), cancelled: Number(row.cancelled) },
    ]),
  );
}
