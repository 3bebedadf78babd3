import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { addDays, localDate } from '../platform/time.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Two weeks: soon enough that the crisis is still fresh, late enough to plan a meal with the allies. */
export const DEFAULT_FOLLOW_UP_DAYS = 14;
/** Beyond three months a "follow-up" is the next regular meeting, not processing a crisis. */
export const MAX_FOLLOW_UP_DAYS = 90;

/**
 * Where a network's follow-up stands, read from its meetings: a meeting (not cancelled) between the
 * close and the due date plans it; without one it is still to plan, or overdue after the due date.
 */
export type FollowUpStatus = 'held' | 'planned' | 'to-plan' | 'overdue';

export interface FollowUpView {
  callOutId: string;
  networkId: string;
  networkName: string;
  dueOn: string;
  status: FollowUpStatus;
  meeting: { id: string; startsAt: string } | null;
}

/** The due date when the closer does not choose one: two weeks from today in the Netherlands. */
export function defaultFollowUpDate(now: Date): string {
  return addDays(localDate(now), DEFAULT_FOLLOW_UP_DAYS);
}

/**
 * Refuses a due date in the past or more than {@link MAX_FOLLOW_UP_DAYS} ahead, naming the field. The schema
 * has checked it is a real `YYYY-MM-DD` date, so ISO strings compare as dates.
 */
export function checkFollowUpDate(dueOn: string, now: Date): void {
  const from = localDate(now);
  const until = addDays(from, MAX_FOLLOW_UP_DAYS);
  if (dueOn < from || dueOn > until)
    throw new DomainError('validation-failed', 'The follow-up date is out of range.', [
      { field: 'body.followUpBy', message: `must be a date from ${from} to ${until}` },
    ]);
}

/**
 * Plans the follow-up inside the closing transaction: one row per network the call-out reached (its
 * staff recipients' and its allies' networks). Returns how many networks it planned for.
 */
export async function planFollowUps(
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
 * The follow-ups of one call-out or of one network, each with the first meeting of that network
 * (not cancelled) between the close and the due date — the meeting that processes the crisis.
 */
export async function readFollowUps(
  db: Executor,
  filter: { callOutId: string } | { networkId: string },
  now: Date,
): Promise<FollowUpView[]> {
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
    join networks n on n.id = f.network_id
    join call_outs c on c.id = f.call_out_id
    left join lateral (
      select id, starts_at, status from meetings
      where network_id = f.network_id and status <> 'cancelled'
        and meeting_date >= (coalesce(c.closed_at, f.created_at) at time zone 'Europe/Amsterdam')::date
        and meeting_date <= f.due_on
      order by starts_at
      limit 1
    ) m on true
    where ${where}
    order by f.due_on, n.name`.execute(db);
  const todayIso = localDate(now);
  return rows.rows.map((r) => ({
    callOutId: r.call_out_id,
    networkId: r.network_id,
    networkName: r.network_name,
    dueOn: r.due_on,
    status: r.meeting_id
      ? r.meeting_status === 'held'
        ? 'held'
        : 'planned'
      : r.due_on < todayIso
        ? 'overdue'
        : 'to-plan',
    meeting:
      r.meeting_id && r.meeting_starts_at
        ? { id: r.meeting_id, startsAt: new Date(r.meeting_starts_at).toISOString() }
        : null,
  }));
}
