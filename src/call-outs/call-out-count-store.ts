import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Per network, the call-outs of a period. */
export interface CallOutCounts {
  /** Call-outs started in the period that alerted the network's staff or put its allies on a call list. */
  callOuts: number;
  /**
   * Of those, the ones that reached the network within the hour (by the call-out's goal, started + 1 h): a staff
   * member of the network answered "coming" or "calling allies", or an ally of the network was reached by phone.
   */
  reachedWithinHour: number;
}

/**
 * The call-outs of these networks started in [`fromInstant`, `untilInstant`), counted per network in one query,
 * with how many reached the network within the hour. Counts only (no names, no texts), for the cross-network
 * overview; a network without call-outs in the period is absent from the map.
 */
export async function countCallOuts(
  db: Executor,
  input: { networkIds: readonly string[]; fromInstant: Date; untilInstant: Date },
): Promise<Map<string, CallOutCounts>> {
  if (input.networkIds.length === 0) return new Map();
  const ids = [...input.networkIds];
  const rows = await sql<{ network_id: string; call_outs: number | string; reached: number | string }>`
    with involved as (
      select call_out_id, network_id from call_out_recipients where network_id = any(${ids}::uuid[])
      union
      select call_out_id, network_id from call_out_allies where network_id = any(${ids}::uuid[])
    )
    select i.network_id, count(*) as call_outs,
      count(*) filter (where exists (
          select 1 from call_out_recipients r
          join call_out_answers a on a.call_out_id = r.call_out_id and a.user_id = r.user_id
          where r.call_out_id = c.id and r.network_id = i.network_id
            and a.answer in ('coming', 'calling-allies') and a.answered_at <= c.goal_at)
        or exists (
          select 1 from call_out_allies al
          join call_out_calls k on k.call_out_id = al.call_out_id and k.person_id = al.person_id
          where al.call_out_id = c.id and al.network_id = i.network_id
            and k.outcome = 'reached' and k.recorded_at <= c.goal_at)
      ) as reached
    from involved i
    join call_outs c on c.id = i.call_out_id
    where c.started_at >= ${input.fromInstant} and c.started_at < ${input.untilInstant}
    group by i.network_id`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.network_id,
      { callOuts: Number(row.call_outs), reachedWithinHour: Number(row.reached) },
    ]),
  );
}
