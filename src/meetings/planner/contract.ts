/**
 * The series planner's contract: pure, deterministic, no I/O. The meetings service gathers the
 * inputs (settings, free/busy from the calendar port, allies' availability, school holidays) and
 * hands them over; the planner proposes dates and explains every date it skipped.
 *
 * Dates are local calendar dates in the municipality's time zone ('YYYY-MM-DD'); instants are ISO
 * 8601 strings with an offset or 'Z'.
 *
 * Invalid input (a malformed date or time, an unknown time zone, an instant without an offset, a
 * duration over 120 minutes without `allowLongerThanTwoHours`) throws {@link PlannerInputError}, a
 * DomainError 'validation-failed' whose field errors name the offending input fields.
 */

import { DomainError, type FieldError } from '../../platform/errors.js';

/** Observances the planner can respect; which apply follows from the network's communities. */
export type ObservanceKey =
  | 'islamic' // Ramadan, Eid al-Fitr, Eid al-Adha
  | 'jewish' // Shabbat, Rosh Hashana, Yom Kippur, Sukkot, Pesach, Shavuot
  | 'christian' // Good Friday, Easter, Ascension, Pentecost, Christmas
  | 'hindu' // Diwali
  | 'keti-koti' // 1 July
  | 'chinese'; // Chinese New Year

/** A period (inclusive local dates) the planner must avoid, e.g. a school holiday. */
export interface BlockedPeriod {
  from: string;
  to: string;
  /** Shown to the secretary as the reason, e.g. 'Zomervakantie regio noord'. */
  label: { nl: string; en: string };
}

/** One attendee's busy time, from Graph getSchedule (staff) or stated availability (allies). */
export interface BusyInterval {
  attendeeId: string;
  start: string;
  end: string;
}

export interface PlannerInput {
  /** First and last local date a meeting may fall on (inclusive). */
  from: string;
  to: string;
  /** How many meetings to propose; the planner stops earlier when the range runs out. */
  count: number;
  /** Target distance between meetings; default 6 weeks. */
  cadenceDays: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the network usually meets. */
  weekdays: number[];
  /**
   * Local start time 'HH:MM' and duration in minutes (at most 120 unless `allowLongerThanTwoHours`;
   * a longer one without it is refused with a PlannerInputError, never silently shortened).
   */
  startTime: string;
  durationMinutes: number;
  allowLongerThanTwoHours?: boolean;
  timeZone: string;
  /** The municipality's coordinates, for sunset (iftar, Shabbat). */
  latitude: number;
  longitude: number;
  observances: ObservanceKey[];
  /** During Ramadan: avoid it entirely, or meet with the meal starting at sunset (iftar). */
  ramadan: 'avoid' | 'iftar';
  blockedPeriods: BlockedPeriod[];
  busy: BusyInterval[];
  /** Attendees who must be free (staff ids and ally ids); a date where one is busy is skipped. */
  requiredAttendeeIds: string[];
  /**
   * Local dates the secretary explicitly allowed despite the rules (not despite the range). An
   * override date near a target is a candidate even when it is not one of the usual weekdays.
   */
  overrides: string[];
  /** Date of the last meeting held or planned, so the cadence continues from it. */
  previousMeeting?: string;
}

/**
 * Why a date was skipped or a meeting adjusted; `nl` is shown by default ("28 mei: Offerfeest").
 * Skip codes: public-holiday (incl. 4 and 5 May), blocked-period, ramadan, eid-al-fitr, eid-al-adha,
 * jewish-holiday, jewish-holiday-eve, shabbat, christian-holiday, diwali, keti-koti,
 * chinese-new-year, attendees-busy (a count, never who). Adjustment: iftar. Warnings:
 * cadence-below-four-a-year, no-date-near-target, fewer-than-requested.
 */
export interface PlannerReason {
  code: string;
  nl: string;
  en: string;
}

export interface ProposedMeeting {
  date: string;
  /** Instants of start and end (the local time converted with the time zone of that date). */
  start: string;
  end: string;
  /** Local start time, which may differ from the usual one (iftar at sunset during Ramadan). */
  localStartTime: string;
  /**
   * What differs from the usual meeting (code 'iftar': the meal starts at sunset) and, for an
   * overridden date, the rule reasons the secretary overrode (their own codes).
   */
  adjustments: PlannerReason[];
  /** True when the date was only possible through a secretary override. */
  overridden: boolean;
}

export interface SkippedDate {
  date: string;
  reasons: PlannerReason[];
}

export interface PlannerResult {
  meetings: ProposedMeeting[];
  skipped: SkippedDate[];
  /** E.g. fewer than 4 meetings a year at this cadence. */
  warnings: PlannerReason[];
}

/** The planner refuses input it cannot honour; the edge renders it like any 'validation-failed'. */
export class PlannerInputError extends DomainError {
  override name = 'PlannerInputError';

  constructor(errors: FieldError[]) {
    super('validation-failed', 'The planner input is not valid.', errors);
  }
}
