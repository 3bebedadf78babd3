import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Per network: the due date a coordinator set, the last evaluation's day, and how many were held in a period. */
export interface EvaluationFacts {
  scheduled: string | null;
  lastHeldOn: string | null;
  heldInPeriod: number;
}

/**
 * The facts behind the next due date of these networks' evaluations, in one query: the date set in
 * `evaluation_schedules`, the latest `held_on`, and the evaluations held in `from`..`to` (inclusive). A network
 * with neither a schedule nor an evaluation is absent from the map.
 */
export async function readEvaluationFacts(
  db: Executor,
  input: { networkIds: readonly string[]; from: string; to: string },
): Promise<Map<string, EvaluationFacts>> {
  if (input.networkIds.length === 0) return new Map();
  const ids = [...input.networkIds];
  const rows = await sql<{
    network_id: string;
    scheduled: string | null;
    last_held_on: string | null;
    held_in_period: number | string | null;
  }>`
    select coalesce(e.network_id, s.network_id) as network_id, s.next_due_on::text as scheduled,
      e.last_held_on::text as last_held_on, e.held_in_period
    from (
      select network_id, max(held_on) as last_held_on,
        count(*) filter (where held_on >= ${input.from}::date and held_on <= ${input.to}::date) as held_in_period
      from evaluations where network_id = any(${ids}::uuid[]) group by network_id
    ) e
    full join (
      select network_id, next_due_on from evaluation_schedules where network_id = any(${ids}::uuid[])
    ) s on s.network_id = e.network_id`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.network_id,
      {
        scheduled: row.scheduled,
        lastHeldOn: row.last_held_on,
        heldInPeriod: Number(row.held_in_period ?? 0),
      },
    ]),
  );
}
