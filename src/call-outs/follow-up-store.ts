import { type Kysely, sql, type Transaction } from 'kysely';
import { joinableMeetings } from '../meetings/index.js';
import { joinableNetworks } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * One follow-up row per network the call-out reached (its staff recipients' and its allies' networks);
 * a network that has one keeps it. Returns how many it added.
 */
export async function insertFollowUps(
  tx: Transaction<Database>,
  callOutId: string,
  dueOn: string,
  userId: string,
  now: Date,
): Promise<number> {
  const result = await sql`
    insert into call_out_follow_ups (call_out_id, network_id, due_on, created_by, created_at)
    select ${callOutId}, network_id, ${dueOn}::date, ${userId}, ${now}
    from (
      select network_id from call_out_recipients where call_out_id = ${callOutId} and network_id is not null
      union
      select network_id from call_out_allies where call_out_id = ${callOutId}
    ) targeted
    on conflict (call_out_id, network_id) do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The follow-ups of one call-out or of one network with their network's name, each with the first meeting of
 * that network (not cancelled) between the close and the due date.
 */
export async function readFollowUpRows(db: Executor, filter: { callOutId: string } | { networkId: string }) {
  const where =
    'callOutId' in filter
      ? sql`f.call_out_id = ${filter.callOutId}`
      : sql`f.network_id = ${filter.networkId}`;
  const rows = await sql<{
    call_out_id: string;
    network_id: string;
    network_name: string;
    due_on: string;
    meeting_id: string | null;
    meeting_starts_at: Date | string | null;
    meeting_status: string | null;
  }>`
    select f.call_out_id, f.network_id, n.name as network_name, f.due_on::text as due_on,
      m.id as meeting_id, m.starts_at as meeting_starts_at, m.status as meeting_status
    from call_out_follow_ups f
    join ${joinableNetworks(db).as('n')} on n.id = f.network_id
    join call_outs c on c.id = f.call_out_id
    left join lateral (
      select id, starts_at, status from ${joinableMeetings(db).as('meetings')}
      where network_id = f.network_id and status <> 'cancelled'
        and meeting_date >= (coalesce(c.closed_at, f.created_at) at time zone 'Europe/Amsterdam')::date
        and meeting_date <= f.due_on
      order by starts_at
      limit 1
    ) m on true
    where ${where}
    order by f.due_on, n.name`.execute(db);
  return rows.rows;
}
