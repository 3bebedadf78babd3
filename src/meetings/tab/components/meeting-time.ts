import { AMSTERDAM_ZONE, amsterdamInstant } from '../../../tab/i18n/amsterdam-time.js';

export { amsterdamInstant };

/** The zone every meeting is planned in, whatever the browser's own zone. */
export const MEETING_ZONE = AMSTERDAM_ZONE;

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

/** Today in Amsterdam as `YYYY-MM-DD`. */
export const amsterdamToday = () => amsterdamWallClock(new Date().toISOString()).date;
