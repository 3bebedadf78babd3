import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { calendarDate, MEETING_ZONE } from '../../../tab/i18n/amsterdam-time.js';
import type { PlannerReason } from '../meeting-endpoints.js';

const DATE_PREFIX = /^\d{1,2} [^\s:]+:\s*/;

/** Dates, times and planner reasons as the meetings pages show them, in the tab's language. */
export interface MeetingFormat {
  /** "dinsdag 8 december 2026" */
  longDate: (date: string) => string;
  /** "8 december" */
  dayMonth: (date: string) => string;
  /** "di 8 dec." */
  shortDate: (date: string) => string;
  /** "18:00", the wall clock in Amsterdam */
  time: (instant: string) => string;
  /** "18:00–20:00" */
  timeRange: (start: string, end: string) => string;
  /** A planner reason in the tab's language. */
  reason: (reason: PlannerReason) => string;
  /** "28 mei: Offerfeest" — a skipped date with its reasons. */
  skipped: (date: string, reasons: PlannerReason[]) => string;
  /** "december" */
  monthName: (month: number) => string;
  /** "dinsdag" for ISO weekday 2 */
  weekday: (isoWeekday: number) => string;
}

/** The formatters of {@link MeetingFormat}, memoised per language. */
export function useMeetingFormat(): MeetingFormat {
  const intl = useIntl();
  const english = intl.locale.startsWith('en');
  return useMemo(() => {
    const onDate = (options: Intl.DateTimeFormatOptions) => (date: string) =>
      intl.formatDate(calendarDate(date), { timeZone: 'UTC', ...options });
    const time = (instant: string) =>
      intl.formatTime(new Date(instant), { timeZone: MEETING_ZONE, hour: '2-digit', minute: '2-digit' });
    const dayMonth = onDate({ day: 'numeric', month: 'long' });
    const reason = (item: PlannerReason) => (english ? item.en : item.nl);
    return {
      longDate: onDate({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      dayMonth,
      shortDate: onDate({ weekday: 'short', day: 'numeric', month: 'short' }),
      time,
      timeRange: (start, end) => `${time(start)}–${time(end)}`,
      reason,
      // The planner's texts may name the date themselves ("29 december: Kerstvakantie"); it is said once.
      skipped: (date, reasons) =>
        `${dayMonth(date)}: ${reasons.map((item) => reason(item).replace(DATE_PREFIX, '')).join('; ')}`,
      monthName: (month) =>
        intl.formatDate(new Date(Date.UTC(2026, month - 1, 1)), { timeZone: 'UTC', month: 'long' }),
      // 4 January 2026 was a Sunday, so day 4 + n is ISO weekday n.
      weekday: (isoWeekday) =>
        intl.formatDate(new Date(Date.UTC(2026, 0, 4 + isoWeekday)), { timeZone: 'UTC', weekday: 'long' }),
    };
  }, [intl, english]);
}
