import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { addDays, localDate } from '../platform/time.js';
import { insertFollowUps, readFollowUpRows } from './follow-up-store.js';

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
      {
        field: 'body.followUpBy',
        code: 'out_of_range',
        from,
        until,
        message: `must be a date from ${from} to ${until}`,
      },
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
  return insertFollowUps(tx, callOutId, dueOn, userId, now);
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
  const rows = await readFollowUpRows(db, filter);
  const todayIso = localDate(now);
  return rows.map((r) => ({
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
