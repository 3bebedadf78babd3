import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { localDate } from '../platform/time.js';
import { absentOn } from './absence-rules.js';
import { readAbsencesBetween } from './absence-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Which of these staff members are absent at `now` (local date), each with the last day of the absence.
 * For call-outs (who gets the card first), the network page and the crisis sheet; the caller audits its own read.
 */
export async function readAbsentNow(
  db: Executor,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const today = localDate(now);
  return absentOn(await readAbsencesBetween(db, userIds, today, today), today);
}

/**
 * {@link readAbsentNow} over periods already read (`joinableNetworkStaffAbsences`, embedded in the network page's
 * one statement): who is absent at `now` (local date), each with the last day of the absence. Pure.
 */
export function absentAt(
  periods: readonly { userId: string; startsOn: string; endsOn: string }[],
  now: Date,
): Map<string, string> {
  return absentOn(periods, localDate(now));
}

/** The absence periods of these staff members that overlap [from, to] (local dates), for the planner. */
export async function readAbsencePeriods(
  db: Executor,
  userIds: readonly string[],
  from: string,
  to: string,
): Promise<Array<{ userId: string; startsOn: string; endsOn: string }>> {
  return readAbsencesBetween(db, userIds, from, to);
}
