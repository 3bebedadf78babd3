import { DateTime } from 'luxon';
import { EVALUATION_INTERVAL_MONTHS, EVALUATION_NOTICE_DAYS } from './constants.js';

const ZONE = 'Europe/Amsterdam';

/** A local date (YYYY-MM-DD) plus whole months; the 31st becomes the month's last day. Pure. */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ months }).toISODate() as string;
}

/** A local date plus whole days. Pure. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate() as string;
}

/** Today in Europe/Amsterdam. */
export function localToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate() as string;
}

/**
 * When a network's next evaluation is due: the date the coordinators set, else six months after the last
 * evaluation, else six months after the network was founded (or created). Pure.
 */
export function nextDueOn(input: {
  scheduled: string | null;
  lastHeldOn: string | null;
  foundedOn: string | null;
  createdOn: string;
}): string {
  if (input.scheduled) return input.scheduled;
  return addMonths(input.lastHeldOn ?? input.foundedOn ?? input.createdOn, EVALUATION_INTERVAL_MONTHS);
}

/** Where a due date stands today: 'overdue' (past), 'due' (within the notice days), or 'later'. Pure. */
export function dueState(dueOn: string, today: string): 'overdue' | 'due' | 'later' {
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, EVALUATION_NOTICE_DAYS)) return 'due';
  return 'later';
}

/** The period an evaluation looks back on: from the day after the last one's period (else six months back) to today. Pure. */
export function evaluationPeriod(lastPeriodTo: string | null, today: string): { from: string; to: string } {
  const from = lastPeriodTo ? addDays(lastPeriodTo, 1) : addMonths(today, -EVALUATION_INTERVAL_MONTHS);
  return { from: from > today ? today : from, to: today };
}

/** The instant a local date starts in Europe/Amsterdam. */
export function startOfLocalDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).startOf('day').toJSDate();
}
