import type { FieldError } from '../../platform/errors.js';
import {
  dateOfDayNumber,
  dayAndMonth,
  dayNumberOf,
  isoInstantInZone,
  isoWeekday,
  isValidTimeZone,
  localTimeOf,
  minutesOfTime,
  zonedInstant,
  zoneNamed,
} from '../../platform/time.js';
import {
  type BusyInterval,
  type PlannerInput,
  PlannerInputError,
  type PlannerReason,
  type PlannerResult,
  type ProposedMeeting,
  type SkippedDate,
} from './contract.js';
import { type NamedDay, publicHolidayOn } from './dutch-holidays.js';
import { CalendarMemo, observanceMarks } from './observances.js';
import { type SunTimes, sunTimes } from './sun.js';

export const MAX_MINUTES_WITHOUT_OVERRIDE = 120;
/** Candidates are looked for up to two weeks either side of the target week. */
const WINDOW_WEEKS = 2;
/** Week order around a target: the target week, then later before earlier. */
const WEEK_ORDER = [0, 1, -1, 2, -2];
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function reason(code: string, dayNumber: number, text: NamedDay): PlannerReason {
  return {
    code,
    nl: `${dayAndMonth(dayNumber, 'nl')}: ${text.nl}`,
    en: `${dayAndMonth(dayNumber, 'en')}: ${text.en}`,
  };
}

/** One attendee's busy intervals sorted by start, with the running maximum of their ends. */
interface BusyIndex {
  starts: number[];
  maxEnds: number[];
}

interface Prepared {
  from: number;
  to: number;
  previous: number | undefined;
  weekdays: Set<number>;
  startMinutes: number;
  durationMs: number;
  blocked: { from: number; to: number; label: NamedDay }[];
  overrides: Set<number>;
  busy: BusyIndex[];
}

/** Epoch ms of an ISO instant; NaN without an explicit offset, which Date.parse would read as machine-local. */
function parseInstant(value: string): number {
  return INSTANT_PATTERN.test(value) ? Date.parse(value) : Number.NaN;
}

function indexBusy(intervals: BusyInterval[], required: string[], errors: FieldError[]): BusyIndex[] {
  const byAttendee = new Map<string, [number, number][]>(required.map((id) => [id, []]));
  intervals.forEach((interval, index) => {
    const start = parseInstant(interval.start);
    const end = parseInstant(interval.end);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
      errors.push({
        field: `busy.${index}`,
        code: 'invalid',
        message: 'expected ISO 8601 instants with an offset, start ≤ end',
      });
      return;
    }
    byAttendee.get(interval.attendeeId)?.push([start, end]);
  });
  return [...byAttendee.values()].map((list) => {
    list.sort((a, b) => a[0] - b[0]);
    let running = Number.NEGATIVE_INFINITY;
    const maxEnds = list.map(([, end]) => {
      running = Math.max(running, end);
      return running;
    });
    return { starts: list.map(([start]) => start), maxEnds };
  });
}

/** True when an interval of the attendee overlaps [start, end). */
function isBusy(index: BusyIndex, start: number, end: number): boolean {
  // The last interval starting before the meeting ends; any interval up to it that ends after the
  // meeting starts overlaps, which the running maximum answers at once.
  let low = 0;
  let high = index.starts.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((index.starts[middle] as number) < end) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return last >= 0 && (index.maxEnds[last] as number) > start;
}

function prepare(input: PlannerInput): Prepared {
  const errors: FieldError[] = [];
  const date = (field: string, value: string): number => {
    const day = dayNumberOf(value);
    if (day === undefined)
      errors.push({ field, code: 'invalid_format', format: 'date', message: 'expected a date YYYY-MM-DD' });
    return day ?? 0;
  };
  const from = date('from', input.from);
  const to = date('to', input.to);
  if (from > to) errors.push({ field: 'to', code: 'before_start', message: 'must not be before from' });
  const previous =
    input.previousMeeting === undefined ? undefined : date('previousMeeting', input.previousMeeting);
  if (!Number.isInteger(input.count) || input.count < 0) {
    errors.push({ field: 'count', code: 'too_small', min: 0, message: 'expected a whole number ≥ 0' });
  }
  if (!Number.isInteger(input.cadenceDays) || input.cadenceDays < 1) {
    errors.push({
      field: 'cadenceDays',
      code: 'too_small',
      min: 1,
      message: 'expected a whole number of days ≥ 1',
    });
  }
  if (
    input.weekdays.length === 0 ||
    input.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)
  ) {
    errors.push({
      field: 'weekdays',
      code: 'invalid_value',
      values: ['1', '2', '3', '4', '5', '6', '7'],
      message: 'expected ISO weekdays 1–7, at least one',
    });
  }
  const startMinutes = minutesOfTime(input.startTime);
  if (startMinutes === undefined)
    errors.push({ field: 'startTime', code: 'invalid_format', format: 'time', message: 'expected HH:MM' });
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1) {
    errors.push({
      field: 'durationMinutes',
      code: 'too_small',
      min: 1,
      message: 'expected a whole number of minutes ≥ 1',
    });
  } else if (input.durationMinutes > MAX_MINUTES_WITHOUT_OVERRIDE && !input.allowLongerThanTwoHours) {
    errors.push({
      field: 'durationMinutes',
      code: 'too_big',
      kind: 'minutes',
      max: MAX_MINUTES_WITHOUT_OVERRIDE,
      message: 'a meeting lasts at most 2 hours unless explicitly allowed (allowLongerThanTwoHours)',
    });
  }
  if (!isValidTimeZone(input.timeZone))
    errors.push({ field: 'timeZone', code: 'invalid_value', message: 'unknown time zone' });
  if (!(Math.abs(input.latitude) <= 90) || !(Math.abs(input.longitude) <= 180)) {
    errors.push({ field: 'latitude', code: 'out_of_range', message: 'expected coordinates in degrees' });
  }
  const blocked = input.blockedPeriods.map((period, index) => ({
    from: date(`blockedPeriods.${index}.from`, period.from),
    to: date(`blockedPeriods.${index}.to`, period.to),
    label: period.label,
  }));
  const overrides = new Set(input.overrides.map((value, index) => date(`overrides.${index}`, value)));
  const busy = indexBusy(input.busy, [...new Set(input.requiredAttendeeIds)], errors);
  if (errors.length > 0) throw new PlannerInputError(errors);
  return {
    from,
    to,
    previous,
    weekdays: new Set(input.weekdays),
    startMinutes: startMinutes ?? 0,
    durationMs: input.durationMinutes * 60_000,
    blocked,
    overrides,
    busy,
  };
}

interface Evaluation {
  reasons: PlannerReason[];
  adjustments: PlannerReason[];
  startMs: number;
  endMs: number;
}

function evaluator(input: PlannerInput, prepared: Prepared): (day: number) => Evaluation {
  const keys = new Set(input.observances);
  const calendar = new CalendarMemo();
  const sunCache = new Map<number, SunTimes>();
  const sun = (day: number): SunTimes => {
    let times = sunCache.get(day);
    if (!times) {
      times = sunTimes(day, input.latitude, input.longitude);
      sunCache.set(day, times);
    }
    return times;
  };
  const zone = zoneNamed(input.timeZone);

  return (day) => {
    const reasons: PlannerReason[] = [];
    const adjustments: PlannerReason[] = [];
    const marks = observanceMarks(day, keys, calendar);
    let startMs = zonedInstant(day, prepared.startMinutes, zone);
    if (marks.some((mark) => mark.kind === 'ramadan')) {
      if (input.ramadan === 'avoid') {
        reasons.push(reason('ramadan', day, { nl: 'Ramadan', en: 'Ramadan' }));
      } else {
        // The meal is the iftar: it starts when the fast ends, at sunset in the municipality.
        startMs = sun(day).sunset;
        const at = localTimeOf(startMs, zone);
        adjustments.push(
          reason('iftar', day, {
            nl: `Ramadan — de maaltijd is de iftar, aanvang bij zonsondergang om ${at}`,
            en: `Ramadan — the meal is the iftar, starting at sunset at ${at}`,
          }),
        );
      }
    }
    const endMs = startMs + prepared.durationMs;

    const holiday = publicHolidayOn(day);
    if (holiday) reasons.push(reason('public-holiday', day, holiday));
    for (const period of prepared.blocked) {
      if (day >= period.from && day <= period.to) reasons.push(reason('blocked-period', day, period.label));
    }
    for (const mark of marks) {
      if (mark.kind === 'all-day') {
        // A Christian feast that is also a public holiday is explained once.
        if (mark.code === 'christian-holiday' && holiday?.nl === mark.name.nl) continue;
        reasons.push(reason(mark.code, day, mark.name));
      } else if (mark.kind === 'eve' && endMs > sun(day).sunset) {
        reasons.push(reason(mark.code, day, mark.name));
      }
    }
    if (keys.has('jewish')) {
      const weekday = isoWeekday(day);
      if (weekday === 5 && endMs > sun(day).sunset) {
        const at = localTimeOf(sun(day).sunset, zone);
        reasons.push(
          reason('shabbat', day, {
            nl: `sabbat (begint bij zonsondergang om ${at})`,
            en: `Shabbat (begins at sunset at ${at})`,
          }),
        );
      } else if (weekday === 6 && startMs < sun(day).nightfall) {
        const at = localTimeOf(sun(day).nightfall, zone);
        reasons.push(
          reason('shabbat', day, {
            nl: `sabbat (duurt tot het donker wordt, om ${at})`,
            en: `Shabbat (lasts until nightfall at ${at})`,
          }),
        );
      }
    }
    let busyCount = 0;
    for (const index of prepared.busy) if (isBusy(index, startMs, endMs)) busyCount += 1;
    if (busyCount > 0) {
      // A count only: reasons are shown widely and must not say who is busy.
      reasons.push(
        reason('attendees-busy', day, {
          nl: busyCount === 1 ? '1 deelnemer is dan bezet' : `${busyCount} deelnemers zijn dan bezet`,
          en: busyCount === 1 ? '1 attendee is busy then' : `${busyCount} attendees are busy then`,
        }),
      );
    }
    return { reasons, adjustments, startMs, endMs };
  };
}

/** The candidate days around a target, most preferred first. */
function candidatesAround(target: number, earliest: number, prepared: Prepared): number[] {
  const weekStart = target - (isoWeekday(target) - 1);
  const ordered: number[] = [];
  for (const offset of WEEK_ORDER) {
    const week: number[] = [];
    for (let day = weekStart + offset * 7; day < weekStart + offset * 7 + 7; day += 1) {
      if (day < earliest || day < prepared.from || day > prepared.to) continue;
      if (prepared.weekdays.has(isoWeekday(day)) || prepared.overrides.has(day)) week.push(day);
    }
    // Nearest to the target first; of two equally near, the later one (the cadence is a minimum).
    week.sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || b - a);
    ordered.push(...week);
  }
  return ordered;
}

function warning(code: string, nl: string, en: string): PlannerReason {
  return { code, nl, en };
}

/**
 * Proposes up to `count` meetings: each aims at `cadenceDays` after the previous one (the first at
 * `previousMeeting + cadenceDays`, or at `from`), taking the most preferred acceptable usual weekday
 * within two weeks of the target. Every candidate it rejects is listed in `skipped` with all its
 * reasons. Deterministic: the same input gives the same result, whatever the machine's zone.
 */
export function planSeries(input: PlannerInput): PlannerResult {
  const prepared = prepare(input);
  const evaluate = evaluator(input, prepared);
  const zone = zoneNamed(input.timeZone);
  const meetings: ProposedMeeting[] = [];
  const skipped = new Map<number, SkippedDate>();
  const warnings: PlannerReason[] = [];

  if (365 / input.cadenceDays < 4) {
    warnings.push(
      warning(
        'cadence-below-four-a-year',
        `Om de ${input.cadenceDays} dagen komt het netwerk minder dan 4 keer per jaar bijeen; de aanpak vraagt 4 tot 6 bijeenkomsten per jaar.`,
        `Every ${input.cadenceDays} days the network meets fewer than 4 times a year; the method asks for 4 to 6 meetings a year.`,
      ),
    );
  }

  let last = prepared.previous;
  // A previous meeting long before the range must not aim (and warn) at dates before the chosen start.
  let target = last === undefined ? prepared.from : Math.max(prepared.from, last + input.cadenceDays);
  // Never closer to the previous meeting than half the cadence, even when looking two weeks early.
  const minimumGap = Math.max(1, Math.ceil(input.cadenceDays / 2));
  while (meetings.length < input.count && target - WINDOW_WEEKS * 7 - 6 <= prepared.to) {
    const earliest = last === undefined ? prepared.from : last + minimumGap;
    let chosen: ProposedMeeting | undefined;
    for (const day of candidatesAround(target, earliest, prepared)) {
      const evaluation = evaluate(day);
      const overridden = evaluation.reasons.length > 0 && prepared.overrides.has(day);
      if (evaluation.reasons.length === 0 || overridden) {
        chosen = {
          date: dateOfDayNumber(day),
          start: isoInstantInZone(evaluation.startMs, zone),
          end: isoInstantInZone(evaluation.endMs, zone),
          localStartTime: localTimeOf(evaluation.startMs, zone),
          adjustments: [...evaluation.adjustments, ...(overridden ? evaluation.reasons : [])],
          overridden,
        };
        last = day;
        break;
      }
      if (!skipped.has(day)) skipped.set(day, { date: dateOfDayNumber(day), reasons: evaluation.reasons });
    }
    if (chosen) {
      meetings.push(chosen);
      target = (last as number) + input.cadenceDays;
    } else {
      if (target <= prepared.to) {
        warnings.push(
          warning(
            'no-date-near-target',
            `Rond ${dayAndMonth(target, 'nl')} ${dateOfDayNumber(target).slice(0, 4)} is binnen twee weken geen geschikte datum gevonden.`,
            `No suitable date within two weeks of ${dayAndMonth(target, 'en')} ${dateOfDayNumber(target).slice(0, 4)}.`,
          ),
        );
      }
      target += input.cadenceDays;
    }
  }
  if (meetings.length < input.count) {
    warnings.push(
      warning(
        'fewer-than-requested',
        `${meetings.length} van de ${input.count} gevraagde bijeenkomsten passen tussen ${input.from} en ${input.to}.`,
        `${meetings.length} of the ${input.count} requested meetings fit between ${input.from} and ${input.to}.`,
      ),
    );
  }
  return {
    meetings,
    skipped: [...skipped.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry),
    warnings,
  };
}
