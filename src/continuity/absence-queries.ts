import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { localDate } from '../platform/time.js';
import { absentOn } from './absence-rules.js';
import { readAbsencesBetween, readNetworkStaffAbsencesBetween } from './absence-store.js';

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
 * {@link readAbsentNow} for every staff member and back-up of a network, in one query that needs no earlier read
 * of the staff (the network page reads the staff next to it); the caller audits its own read.
 */
export async function readNetworkStaffAbsentNow(
  db: Executor,
  networkId: string,
  now: Date,
): Promise<Map<string, string>> {
  const today = localDate(now);
  return absentOn(await readNetworkStaffAbsencesBetween(db, networkId, today, today), today);
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
