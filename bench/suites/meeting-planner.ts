import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import {
  type BusyInterval,
  OBSERVANCE_KEYS,
  type PlannerInput,
  type PlannerResult,
  parseSchoolHolidays,
  planSeries,
  schoolHolidayPeriods,
} from '../../src/meetings/planner/index.js';
import { median, percentile, ratio, sortedCopy } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Suite, SuiteOutcome } from '../lib/types.js';

const ATTENDEES = 15;
const FROM = '2026-01-01';
const TO = '2026-12-31';
const ZONE = 'Europe/Amsterdam';
const GOAL_MS = 100;
const WARMUP = 20;

const COLUMNS: Column[] = [
  { key: 'median', title: 'median ms', digits: 2 },
  { key: 'p95', title: 'p95 ms', digits: 2 },
  { key: 'max', title: 'max ms', digits: 2 },
  { key: 'meetings', title: 'meetings' },
  { key: 'skipped', title: 'skipped dates' },
];

/** A small seeded generator (mulberry32), so every run plans against the same fictional calendars. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A year of fictional free/busy: 3–6 blocks of 30 minutes to 3 hours per attendee per week, most in
 * office hours and one in five in the evening, when networks meet.
 */
function generateBusy(): BusyInterval[] {
  const random = seededRandom(20_260_101);
  const busy: BusyInterval[] = [];
  const first = DateTime.fromISO(FROM, { zone: ZONE }).startOf('week');
  for (let attendee = 1; attendee <= ATTENDEES; attendee += 1) {
    for (let week = first; (week.toISODate() ?? TO) <= TO; week = week.plus({ weeks: 1 })) {
      const blocks = 3 + Math.floor(random() * 4);
      for (let block = 0; block < blocks; block += 1) {
        const evening = random() < 0.2;
        const start = week.plus({ days: Math.floor(random() * 7) }).set({
          hour: evening ? 18 + Math.floor(random() * 3) : 8 + Math.floor(random() * 9),
          minute: Math.floor(random() * 4) * 15,
        });
        const end = start.plus({ minutes: 30 + Math.floor(random() * 6) * 30 });
        busy.push({
          attendeeId: `bench-attendee-${attendee}`,
          start: start.toISO() ?? '',
          end: end.toISO() ?? '',
        });
      }
    }
  }
  return busy;
}

function inputs(): { baseline: PlannerInput; subject: PlannerInput } {
  const baseline: PlannerInput = {
    from: FROM,
    to: TO,
    count: 9,
    cadenceDays: 42,
    weekdays: [2, 3, 4],
    startTime: '19:00',
    durationMinutes: 120,
    timeZone: ZONE,
    latitude: 52.37,
    longitude: 5.21,
    observances: [],
    ramadan: 'avoid',
    blockedPeriods: [],
    busy: [],
    requiredAttendeeIds: [],
    overrides: [],
  };
  const data = parseSchoolHolidays(
    JSON.parse(
      readFileSync(new URL('../../src/meetings/data/school-holidays-nl.json', import.meta.url), 'utf8'),
    ),
  );
  const subject: PlannerInput = {
    ...baseline,
    // Fridays and Saturdays too, so Shabbat is weighed; iftar needs sunset on every Ramadan candidate.
    weekdays: [2, 3, 4, 5, 6],
    observances: [...OBSERVANCE_KEYS],
    ramadan: 'iftar',
    blockedPeriods: schoolHolidayPeriods(data, 'noord', FROM, TO),
    busy: generateBusy(),
    requiredAttendeeIds: Array.from({ length: ATTENDEES }, (_, index) => `bench-attendee-${index + 1}`),
    overrides: ['2026-11-08'],
  };
  return { baseline, subject };
}

function time(input: PlannerInput): { ms: number; result: PlannerResult } {
  const started = performance.now();
  const result = planSeries(input);
  return { ms: performance.now() - started, result };
}

function toRow(
  role: MeasurementRow['role'],
  label: string,
  times: number[],
  result: PlannerResult,
): MeasurementRow {
  const sorted = sortedCopy(times);
  return {
    role,
    label,
    values: {
      median: median(times),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      meetings: result.meetings.length,
      skipped: result.skipped.length,
    },
  };
}

/** Planning a year of meetings with every constraint, against the same plan with none. */
export const meetingPlanner: Suite = {
  name: 'meeting-planner',
  summary:
    'planSeries for a year, 15 attendees with a year of free/busy and every observance vs no constraints',
  async run(options: BenchOptions): Promise<SuiteOutcome> {
    const rounds = options.quick ? 50 : 300;
    const { baseline, subject } = inputs();
    for (let index = 0; index < WARMUP; index += 1) {
      planSeries(baseline);
      planSeries(subject);
    }
    const plain: number[] = [];
    const full: number[] = [];
    let plainResult = planSeries(baseline);
    let fullResult = planSeries(subject);
    for (let round = 0; round < rounds; round += 1) {
      // Alternate who goes first, so a machine that slows down or speeds up favours neither.
      const pair = [
        () => {
          const { ms, result } = time(baseline);
          plain.push(ms);
          plainResult = result;
        },
        () => {
          const { ms, result } = time(subject);
          full.push(ms);
          fullResult = result;
        },
      ];
      for (const step of round % 2 === 0 ? pair : pair.toReversed()) step();
    }
    const rows = [
      toRow('baseline', 'same year, no observances, holidays, busy time or overrides', plain, plainResult),
      toRow(
        'subject',
        `every observance (iftar), school holidays, ${ATTENDEES} attendees' busy time`,
        full,
        fullResult,
      ),
    ];
    const subjectMedian = rows[1]?.values.median ?? Number.NaN;
    const subjectP95 = rows[1]?.values.p95 ?? Number.NaN;
    return {
      status: 'ok',
      message: `goal < ${GOAL_MS} ms per plan: ${subjectP95 < GOAL_MS ? 'met' : 'NOT MET'} (p95 ${subjectP95.toFixed(1)} ms, median ${subjectMedian.toFixed(1)} ms)`,
      columns: COLUMNS,
      rows,
      ratios: [
        {
          label: 'full plan ÷ unconstrained plan (median ms)',
          value: ratio(subjectMedian, rows[0]?.values.median ?? Number.NaN),
          better: 'lower',
        },
      ],
      facts: {
        'plans per row': rounds,
        attendees: ATTENDEES,
        'busy intervals': subject.busy.length,
        observances: subject.observances.join(', '),
        'school holiday periods': subject.blockedPeriods.length,
        'goal (median and p95 ms)': `< ${GOAL_MS}`,
      },
    };
  },
};
