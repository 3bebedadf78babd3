import { DateTime, IANAZone } from 'luxon';

/**
 * Local time, in one place. Two halves: instants and local dates in the Netherlands' zone (luxon), and
 * calendar arithmetic on day numbers for the series planner, which must not depend on the machine's zone.
 */

/** Meetings, call-outs and follow-ups are planned and shown in the Netherlands' time zone, whatever the server's TZ. */
export const LOCAL_TIME_ZONE = 'Europe/Amsterdam';

/** The local day {@link localDate} answered last for a `Date`: [from, to) in epoch milliseconds. */
let lastLocalDay: { from: number; to: number; date: string } | undefined;

export function localDate(instant: Date | string): string {
  if (typeof instant === 'string') return toZone(instant).toISODate() as string;
  // Most calls in a request (and in a day) ask about the same local day: answered from its bounds, without luxon.
  const at = instant.getTime();
  if (lastLocalDay && at >= lastLocalDay.from && at < lastLocalDay.to) return lastLocalDay.date;
  const zoned = toZone(instant);
  const date = zoned.toISODate() as string;
  const start = zoned.startOf('day');
  // The day's own length (23 or 25 hours on the days the clocks change).
  if (zoned.isValid) lastLocalDay = { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), date };
  return date;
}

export function localTime(instant: Date | string): string {
  return toZone(instant).toFormat('HH:mm');
}

/** Midnight at the start of a local date, as an ISO instant. */
export function startOfLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: LOCAL_TIME_ZONE }).startOf('day').toUTC().toISO() as string;
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

/** UTC ISO 8601 of an instant, e.g. a timestamp column as the API shows it. */
export function isoInstant(value: Date | string): string {
  return new Date(value).toISOString();
}

function toZone(instant: Date | string): DateTime {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return value.setZone(LOCAL_TIME_ZONE);
}

// --- Day numbers (the series planner) ---

/**
 * Calendar arithmetic on local dates as whole day numbers (days since 1970-01-01), so that nothing
 * depends on the machine's time zone; only the conversion to instants looks at a zone, via luxon.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

const MONTHS = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** The day number of a 'YYYY-MM-DD' date, or undefined when it is not a real calendar date. */
export function dayNumberOf(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday); day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Year, month (1–12) and day of a day number. */
export function partsOfDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Minutes since midnight of 'HH:MM', or undefined when malformed. */
export function minutesOfTime(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isValidTimeZone(zone: string): boolean {
  return zoneNamed(zone).isValid;
}

const zones = new Map<string, IANAZone>();

/** Luxon's zone object, which keeps its Intl formatter; creating one per call would dominate a plan. */
export function zoneNamed(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The instant (epoch ms) of a local wall-clock time on a local date. The offset is that of the date
 * itself, so 19:00 stays 19:00 on both sides of a daylight-saving change. A time inside the
 * spring-forward gap moves forward by the gap (02:30 becomes 03:30), as luxon and calendars do.
 */
export function zonedInstant(dayNumber: number, minutes: number, zone: IANAZone): number {
  const asIfUtc = dayNumber * DAY_MS + minutes * 60_000;
  const firstOffset = zone.offset(asIfUtc);
  const guess = asIfUtc - firstOffset * 60_000;
  const secondOffset = zone.offset(guess);
  return secondOffset === firstOffset ? guess : asIfUtc - secondOffset * 60_000;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 'HH:MM' of an instant in a zone. */
export function localTimeOf(epochMs: number, zone: IANAZone): string {
  const local = new Date(epochMs + zone.offset(epochMs) * 60_000);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** ISO 8601 of an instant with the zone's offset at that moment, e.g. '2026-03-31T19:00:00+02:00'. */
export function isoInstantInZone(epochMs: number, zone: IANAZone): string {
  const offset = zone.offset(epochMs);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** "28 mei" / "28 May": the date prefix of every reason shown to the secretary. */
export function dayAndMonth(dayNumber: number, language: 'nl' | 'en'): string {
  const { month, day } = partsOfDayNumber(dayNumber);
  return `${day} ${MONTHS[language][month - 1]}`;
}
