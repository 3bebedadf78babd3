import type { PlannerInput, PlannerResult } from '../../../src/meetings/planner/index.js';

/** Almere, the demo municipality (fictional networks, real coordinates). */
export const ALMERE = { latitude: 52.37, longitude: 5.21 };

/** A plain input with no constraints; tests switch on what they are about. */
export function baseInput(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return {
    from: '2026-01-01',
    to: '2026-12-31',
    count: 8,
    cadenceDays: 42,
    weekdays: [2, 3, 4],
    startTime: '19:00',
    durationMinutes: 120,
    timeZone: 'Europe/Amsterdam',
    ...ALMERE,
    observances: [],
    ramadan: 'avoid',
    blockedPeriods: [],
    busy: [],
    requiredAttendeeIds: [],
    overrides: [],
    ...overrides,
  };
}

/**
 * Every day of the range evaluated in turn: a cadence of one day over all weekdays makes the planner
 * take each acceptable day as a meeting and list each other day as skipped, so the result is a map
 * of the rules' verdicts per date.
 */
export function everyDay(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return baseInput({ cadenceDays: 1, count: 1000, weekdays: [1, 2, 3, 4, 5, 6, 7], ...overrides });
}

/** The reasons the planner gave for skipping a date (empty when it was not skipped). */
export function reasonsOn(result: PlannerResult, date: string): { code: string; nl: string; en: string }[] {
  return result.skipped.find((entry) => entry.date === date)?.reasons ?? [];
}

export function meetingOn(result: PlannerResult, date: string) {
  return result.meetings.find((meeting) => meeting.date === date);
}
