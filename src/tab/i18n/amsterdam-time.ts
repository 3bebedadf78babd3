/** The zone every meeting is planned in, whatever the browser's own zone. */
export const MEETING_ZONE = 'Europe/Amsterdam';

/** Dutch time, the zone every instant in the tab is shown in (IntlProvider's default, app.tsx): the same zone by another name. */
export const AMSTERDAM_ZONE = MEETING_ZONE;

const pad = (value: number) => String(value).padStart(2, '0');

/** The offset of Amsterdam from UTC, in minutes, at an instant (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: MEETING_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant of a wall-clock date and time in Amsterdam, as ISO 8601 with its offset
 * (`2026-12-08T18:00:00+01:00`), so a meeting stays at 18:00 whichever side of a clock change it lands.
 */
export function amsterdamInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // The offset at the guessed instant, then once more at the corrected one (it differs only around a change).
  let offset = amsterdamOffsetMinutes(new Date(wall - 60 * 60_000));
  offset = amsterdamOffsetMinutes(new Date(wall - offset * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(hour ?? 0)}:${pad(minute ?? 0)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The Amsterdam wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant. */
export function amsterdamWallClock(instant: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: MEETING_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** The same meeting moved to another wall-clock start, keeping its length. */
export function movedTimes(
  meeting: { start: string; end: string },
  date: string,
  time: string,
): { start: string; end: string } {
  const lengthMs = new Date(meeting.end).getTime() - new Date(meeting.start).getTime();
  const start = amsterdamInstant(date, time);
  const endWall = amsterdamWallClock(new Date(new Date(start).getTime() + lengthMs).toISOString());
  return { start, end: amsterdamInstant(endWall.date, endWall.time) };
}

/** A `YYYY-MM-DD` date as a Date at UTC midnight, to format with `timeZone: 'UTC'` (no day shift anywhere). */
export const calendarDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A `YYYY-MM-DD` date as a Date at local noon, for the catalogue's `{date, date, long}` (formatted in the
 * browser's zone): noon is the same calendar day in every zone, so formatting never shifts it a day.
 */
export const dayAtNoon = (date: string) => new Date(`${date}T12:00:00`);

/** Today in Amsterdam as `YYYY-MM-DD`. */
export const amsterdamToday = () => amsterdamWallClock(new Date().toISOString()).date;
