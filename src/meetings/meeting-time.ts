import { DateTime } from 'luxon';

/** Meetings are planned and shown in the Netherlands' time zone, whatever the server's TZ. */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

export function localDate(instant: Date | string): string {
  return toZone(instant).toISODate() as string;
}

export function localTime(instant: Date | string): string {
  return toZone(instant).toFormat('HH:mm');
}

/** Midnight at the start of a local date, as an ISO instant. */
export function startOfLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: MEETING_TIME_ZONE }).startOf('day').toUTC().toISO() as string;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
}

/** ISO weekday (1 = Monday) of a local date. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekday;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
  );
}

export function isoInstant(value: Date | string): string {
  return new Date(value).toISOString();
}

function toZone(instant: Date | string): DateTime {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return value.setZone(MEETING_TIME_ZONE);
}
