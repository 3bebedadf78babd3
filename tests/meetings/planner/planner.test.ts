import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  type BusyInterval,
  type PlannerInput,
  PlannerInputError,
  parseSchoolHolidays,
  planSeries,
  schoolHolidayPeriods,
} from '../../../src/meetings/planner/index.js';
import { ALMERE, baseInput, everyDay, meetingOn, reasonsOn } from './helpers.js';

const ALL_OBSERVANCES: PlannerInput['observances'] = [
  'islamic',
  'jewish',
  'christian',
  'hindu',
  'keti-koti',
  'chinese',
];

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Sunset by the NOAA solar calculator's formulas (apparent sunset, sun's centre 0.833° below the
 * horizon), written independently of adhan to check the iftar time against a second computation.
 */
function noaaSunsetUtcMinutes(date: string, latitude: number, longitude: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const julianDay = Date.UTC(year, month - 1, day, 12) / 86_400_000 + 2_440_587.5;
  const t = (julianDay - 2_451_545) / 36_525;
  const rad = Math.PI / 180;
  const meanLongitude = (280.46646 + t * (36_000.76983 + t * 0.0003032)) % 360;
  const meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const centre =
    Math.sin(meanAnomaly * rad) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * meanAnomaly * rad) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * meanAnomaly * rad) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const apparentLongitude = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega * rad);
  const obliquity =
    23 +
    (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60 +
    0.00256 * Math.cos(omega * rad);
  const declination = Math.asin(Math.sin(obliquity * rad) * Math.sin(apparentLongitude * rad)) / rad;
  const y = Math.tan((obliquity / 2) * rad) ** 2;
  const equationOfTime =
    (4 / rad) *
    (y * Math.sin(2 * meanLongitude * rad) -
      2 * eccentricity * Math.sin(meanAnomaly * rad) +
      4 * eccentricity * y * Math.sin(meanAnomaly * rad) * Math.cos(2 * meanLongitude * rad) -
      0.5 * y * y * Math.sin(4 * meanLongitude * rad) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * meanAnomaly * rad));
  const hourAngle =
    Math.acos(
      Math.cos(90.833 * rad) / (Math.cos(latitude * rad) * Math.cos(declination * rad)) -
        Math.tan(latitude * rad) * Math.tan(declination * rad),
    ) / rad;
  return 720 - 4 * (longitude - hourAngle) - equationOfTime;
}

describe('local time and daylight saving', () => {
  it('keeps a 19:00 meeting at 19:00 local across 29 March and 25 October 2026', () => {
    const result = planSeries(
      baseInput({ from: '2026-03-24', to: '2026-11-05', cadenceDays: 7, count: 40, weekdays: [2] }),
    );
    const byDate = new Map(result.meetings.map((meeting) => [meeting.date, meeting]));
    expect(byDate.get('2026-03-24')?.start).toBe('2026-03-24T19:00:00+01:00');
    expect(byDate.get('2026-03-31')?.start).toBe('2026-03-31T19:00:00+02:00');
    expect(byDate.get('2026-03-31')?.end).toBe('2026-03-31T21:00:00+02:00');
    expect(byDate.get('2026-10-20')?.start).toBe('2026-10-20T19:00:00+02:00');
    expect(byDate.get('2026-10-27')?.start).toBe('2026-10-27T19:00:00+01:00');
    for (const meeting of result.meetings) {
      expect(meeting.localStartTime).toBe('19:00');
      const local = DateTime.fromISO(meeting.start, { zone: 'Europe/Amsterdam' });
      expect(local.toFormat('HH:mm')).toBe('19:00');
      expect(DateTime.fromISO(meeting.end).diff(DateTime.fromISO(meeting.start), 'minutes').minutes).toBe(
        120,
      );
    }
  });

  it('moves a start time inside the spring-forward gap forward by the gap', () => {
    const result = planSeries(
      baseInput({ from: '2026-03-29', to: '2026-03-29', count: 1, weekdays: [7], startTime: '02:30' }),
    );
    expect(result.meetings[0]).toMatchObject({ start: '2026-03-29T03:30:00+02:00', localStartTime: '03:30' });
    const autumn = planSeries(
      baseInput({ from: '2026-10-25', to: '2026-10-25', count: 1, weekdays: [7], startTime: '19:00' }),
    );
    expect(autumn.meetings[0]).toMatchObject({
      start: '2026-10-25T19:00:00+01:00',
      end: '2026-10-25T21:00:00+01:00',
    });
  });

  it('gives the same plan whatever the machine zone', () => {
    const input = baseInput({
      observances: ALL_OBSERVANCES,
      ramadan: 'iftar',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    const inUtc = planSeries(input);
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(0);
    // The machine zone is the process's: Jest gives each test file its own copy of process.env, so setting TZ
    // here would not reach the clock. A second node process in Auckland plans the same input.
    const script = `
      const { planSeries } = await import(${JSON.stringify(new URL('../../../src/meetings/planner/index.ts', import.meta.url).href)});
      const input = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify({ offset: new Date(2026, 0, 15).getTimezoneOffset(), plan: planSeries(input) }));
    `;
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script, JSON.stringify(input)],
      { env: { ...process.env, TZ: 'Pacific/Auckland' }, encoding: 'utf8' },
    );
    const inAuckland = JSON.parse(output) as { offset: number; plan: unknown };
    // Proves the switch took effect: Auckland is 13 hours ahead in January.
    expect(inAuckland.offset).toBe(-780);
    expect(inAuckland.plan).toEqual(JSON.parse(JSON.stringify(inUtc)));
  });
});

describe('Shabbat', () => {
  const jewish = { observances: ['jewish'] as PlannerInput['observances'] };

  it('skips a Friday meeting that ends after sunset and a Saturday one starting before nightfall', () => {
    const winter = planSeries(everyDay({ ...jewish, from: '2026-12-11', to: '2026-12-11' }));
    expect(reasonsOn(winter, '2026-12-11')).toEqual([
      {
        code: 'shabbat',
        nl: '11 december: sabbat (begint bij zonsondergang om 16:26)',
        en: '11 December: Shabbat (begins at sunset at 16:26)',
      },
    ]);
    const summer = planSeries(everyDay({ ...jewish, from: '2026-06-19', to: '2026-06-20' }));
    expect(reasonsOn(summer, '2026-06-20').map((r) => r.en)).toEqual([
      '20 June: Shabbat (lasts until nightfall at 23:24)',
    ]);
    // 19:00–21:00 on Friday 19 June ends before sunset (22:05), so Shabbat has not begun.
    expect(summer.meetings.map((m) => m.date)).toEqual(['2026-06-19']);
    const later = planSeries(
      everyDay({ ...jewish, from: '2026-06-19', to: '2026-06-19', startTime: '20:30' }),
    );
    expect(reasonsOn(later, '2026-06-19').map((r) => r.nl)).toEqual([
      '19 juni: sabbat (begint bij zonsondergang om 22:05)',
    ]);
  });

  it('allows a Friday morning meeting and a Saturday evening after nightfall in winter', () => {
    const morning = planSeries(
      everyDay({ ...jewish, from: '2026-12-11', to: '2026-12-11', startTime: '10:00' }),
    );
    expect(morning.meetings.map((m) => m.date)).toEqual(['2026-12-11']);
    const winter = planSeries(
      everyDay({ ...jewish, from: '2026-12-12', to: '2026-12-12', startTime: '19:00' }),
    );
    expect(winter.meetings.map((m) => m.date)).toEqual(['2026-12-12']);
  });

  it('does not apply without the Jewish observance', () => {
    const result = planSeries(everyDay({ from: '2026-12-11', to: '2026-12-12' }));
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-12-11', '2026-12-12']);
  });

  it('skips an evening meeting on the eve of a holiday, not a morning one', () => {
    const evening = planSeries(everyDay({ ...jewish, from: '2026-09-20', to: '2026-09-20' }));
    expect(reasonsOn(evening, '2026-09-20').map((r) => r.code)).toEqual(['jewish-holiday-eve']);
    const morning = planSeries(
      everyDay({ ...jewish, from: '2026-09-20', to: '2026-09-20', startTime: '10:00' }),
    );
    expect(morning.meetings.map((m) => m.date)).toEqual(['2026-09-20']);
  });
});

describe('Ramadan with the meal as iftar', () => {
  it('moves the start to sunset in Almere and notes it as an adjustment', () => {
    const result = planSeries(
      everyDay({ observances: ['islamic'], ramadan: 'iftar', from: '2026-02-18', to: '2026-02-18' }),
    );
    const meeting = meetingOn(result, '2026-02-18');
    // Sunset in Almere on 18 February 2026 is 17:58 CET.
    expect(Math.abs(minutesOf(meeting?.localStartTime ?? '00:00') - minutesOf('17:58'))).toBeLessThanOrEqual(
      2,
    );
    const independent = noaaSunsetUtcMinutes('2026-02-18', ALMERE.latitude, ALMERE.longitude) + 60;
    expect(Math.abs(minutesOf(meeting?.localStartTime ?? '00:00') - independent)).toBeLessThanOrEqual(2);
    expect(meeting?.start).toBe(`2026-02-18T${meeting?.localStartTime}:00+01:00`);
    expect(
      DateTime.fromISO(meeting?.end ?? '').diff(DateTime.fromISO(meeting?.start ?? ''), 'minutes').minutes,
    ).toBe(120);
    expect(meeting?.adjustments).toEqual([
      {
        code: 'iftar',
        nl: `18 februari: Ramadan — de maaltijd is de iftar, aanvang bij zonsondergang om ${meeting?.localStartTime}`,
        en: `18 February: Ramadan — the meal is the iftar, starting at sunset at ${meeting?.localStartTime}`,
      },
    ]);
    expect(meeting?.overridden).toBe(false);
  });

  it('follows the sun through Ramadan: later in the month the iftar is later', () => {
    const result = planSeries(
      everyDay({ observances: ['islamic'], ramadan: 'iftar', from: '2026-03-10', to: '2026-03-10' }),
    );
    const meeting = meetingOn(result, '2026-03-10');
    const independent = noaaSunsetUtcMinutes('2026-03-10', ALMERE.latitude, ALMERE.longitude) + 60;
    expect(Math.abs(minutesOf(meeting?.localStartTime ?? '00:00') - independent)).toBeLessThanOrEqual(2);
    expect(minutesOf(meeting?.localStartTime ?? '00:00')).toBeGreaterThan(minutesOf('17:58'));
  });

  it("keeps the usual time outside Ramadan and skips Ramadan entirely with 'avoid'", () => {
    const outside = planSeries(
      everyDay({ observances: ['islamic'], ramadan: 'iftar', from: '2026-02-16', to: '2026-02-16' }),
    );
    expect(outside.meetings[0]?.localStartTime).toBe('19:00');
    const avoid = planSeries(everyDay({ observances: ['islamic'], from: '2026-02-18', to: '2026-02-18' }));
    expect(avoid.meetings).toEqual([]);
    expect(reasonsOn(avoid, '2026-02-18').map((r) => r.nl)).toEqual(['18 februari: Ramadan']);
  });
});

describe('school holidays', () => {
  const data = parseSchoolHolidays(
    JSON.parse(
      readFileSync(new URL('../../../src/meetings/data/school-holidays-nl.json', import.meta.url), 'utf8'),
    ),
  );

  it('parses the data file with three school years for every region and kind', () => {
    for (const region of ['noord', 'midden', 'zuid'] as const) {
      expect(data.periods.filter((period) => period.region === region)).toHaveLength(15);
    }
    expect(data.source).toContain('Rijksoverheid');
    expect(() =>
      parseSchoolHolidays({
        source: 'x',
        periods: [
          { schoolYear: '2026-2027', kind: 'zomer', region: 'oost', from: '2027-07-10', to: '2027-08-22' },
        ],
      }),
    ).toThrow();
  });

  it("skips a date in the region's school holiday with its label", () => {
    const periods = schoolHolidayPeriods(data, 'noord', '2026-01-01', '2026-12-31');
    expect(periods[0]).toEqual({
      from: '2025-12-20',
      to: '2026-01-04',
      label: { nl: 'Kerstvakantie regio noord', en: 'Christmas school holiday (region north)' },
    });
    const result = planSeries(
      baseInput({ from: '2026-02-24', to: '2026-03-31', count: 1, blockedPeriods: periods }),
    );
    expect(reasonsOn(result, '2026-02-24')).toEqual([
      {
        code: 'blocked-period',
        nl: '24 februari: Voorjaarsvakantie regio noord',
        en: '24 February: Spring school holiday (region north)',
      },
    ]);
    expect(result.meetings[0]?.date).toBe('2026-03-03');
    // Region midden had its spring holiday a week earlier, so 24 February is free there.
    const midden = schoolHolidayPeriods(data, 'midden', '2026-01-01', '2026-12-31');
    expect(
      planSeries(baseInput({ from: '2026-02-24', to: '2026-03-31', count: 1, blockedPeriods: midden }))
        .meetings[0]?.date,
    ).toBe('2026-02-24');
  });
});

describe('overrides', () => {
  it('accepts an overridden date despite its reasons, and marks it', () => {
    const input = baseInput({ from: '2026-05-27', to: '2026-06-30', count: 1, observances: ['islamic'] });
    expect(planSeries(input).meetings[0]?.date).toBe('2026-06-02');
    const result = planSeries({ ...input, overrides: ['2026-05-27'] });
    expect(result.meetings[0]).toMatchObject({ date: '2026-05-27', overridden: true });
    expect(result.meetings[0]?.adjustments).toEqual([
      { code: 'eid-al-adha', nl: '27 mei: Offerfeest', en: '27 May: Eid al-Adha' },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('also allows an overridden date on another weekday, but never outside the range', () => {
    // Saturday 30 May is not a usual weekday; the override makes it a candidate.
    const weekend = planSeries(
      baseInput({ from: '2026-05-30', to: '2026-06-30', count: 1, overrides: ['2026-05-30'] }),
    );
    expect(weekend.meetings[0]).toMatchObject({ date: '2026-05-30', overridden: false });
    const outside = planSeries(
      baseInput({ from: '2026-06-01', to: '2026-06-30', count: 1, overrides: ['2026-05-27'] }),
    );
    expect(outside.meetings[0]?.date).toBe('2026-06-02');
  });
});

describe('busy attendees', () => {
  const busy: BusyInterval[] = [
    { attendeeId: 'staff-a', start: '2026-06-02T17:30:00Z', end: '2026-06-02T18:00:00Z' }, // 19:30–20:00 CEST
    { attendeeId: 'ally-b', start: '2026-06-02T00:00:00+02:00', end: '2026-06-03T00:00:00+02:00' },
    { attendeeId: 'staff-c', start: '2026-06-02T10:00:00Z', end: '2026-06-02T17:00:00Z' }, // ends exactly at 19:00
    { attendeeId: 'guest-d', start: '2026-06-02T17:00:00Z', end: '2026-06-02T19:00:00Z' }, // not required
  ];
  const input = baseInput({
    from: '2026-06-02',
    to: '2026-06-30',
    count: 1,
    busy,
    requiredAttendeeIds: ['staff-a', 'ally-b', 'staff-c'],
  });

  it('skips a date when required attendees are busy, naming how many and never who', () => {
    const result = planSeries(input);
    const reasons = reasonsOn(result, '2026-06-02');
    expect(reasons).toEqual([
      {
        code: 'attendees-busy',
        nl: '2 juni: 2 deelnemers zijn dan bezet',
        en: '2 June: 2 attendees are busy then',
      },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/staff|ally|guest/);
    expect(result.meetings[0]?.date).toBe('2026-06-03');
  });

  it('ignores attendees who are not required and busy time that only touches the meeting', () => {
    const result = planSeries({ ...input, requiredAttendeeIds: ['staff-c'] });
    expect(result.meetings[0]?.date).toBe('2026-06-02');
    const one = planSeries({ ...input, requiredAttendeeIds: ['staff-a', 'guest-x'] });
    expect(reasonsOn(one, '2026-06-02').map((r) => r.nl)).toEqual(['2 juni: 1 deelnemer is dan bezet']);
  });
});

describe('cadence, range and refusals', () => {
  it('aims at the cadence and prefers the target week, then later, then earlier', () => {
    const result = planSeries(baseInput({ previousMeeting: '2026-01-13', count: 3, weekdays: [2] }));
    expect(result.meetings.map((m) => m.date)).toEqual(['2026-02-24', '2026-04-07', '2026-05-19']);
    // 24 February blocked: the week after (3 March) is preferred to the week before (17 February).
    const blocked = planSeries(
      baseInput({
        previousMeeting: '2026-01-13',
        count: 1,
        weekdays: [2],
        blockedPeriods: [
          { from: '2026-02-24', to: '2026-02-24', label: { nl: 'Bijeenkomst raad', en: 'Council meeting' } },
        ],
      }),
    );
    expect(blocked.meetings.map((m) => m.date)).toEqual(['2026-03-03']);
    expect(blocked.skipped.map((s) => s.date)).toEqual(['2026-02-24']);
  });

  it('never names a date before the chosen start, however long ago the previous meeting was', () => {
    const result = planSeries(
      baseInput({ previousMeeting: '2025-03-04', from: '2026-06-01', to: '2026-12-31', count: 3 }),
    );
    expect(result.meetings).toHaveLength(3);
    expect((result.meetings[0]?.date ?? '') >= '2026-06-01').toBe(true);
    for (const warning of result.warnings) {
      expect(warning.nl).not.toMatch(/2025/);
      expect(warning.en).not.toMatch(/2025/);
    }
    expect(result.warnings).toEqual([]);
  });

  it('warns when the cadence gives fewer than 4 meetings a year', () => {
    const rare = planSeries(baseInput({ cadenceDays: 120, count: 3 }));
    expect(rare.warnings.map((w) => w.code)).toEqual(['cadence-below-four-a-year']);
    expect(rare.warnings[0]?.nl).toContain('minder dan 4 keer per jaar');
    expect(planSeries(baseInput({ cadenceDays: 91, count: 3 })).warnings).toEqual([]);
  });

  it('warns when fewer meetings fit than were asked for', () => {
    const result = planSeries(baseInput({ from: '2026-01-01', to: '2026-03-31', count: 5 }));
    expect(result.meetings).toHaveLength(3);
    expect(result.warnings.map((w) => w.code)).toEqual(['fewer-than-requested']);
  });

  it('refuses more than two hours unless explicitly allowed', () => {
    expect(() => planSeries(baseInput({ durationMinutes: 150 }))).toThrow(PlannerInputError);
    try {
      planSeries(baseInput({ durationMinutes: 150 }));
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation-failed', errors: [{ field: 'durationMinutes' }] });
    }
    const long = planSeries(baseInput({ durationMinutes: 150, allowLongerThanTwoHours: true, count: 1 }));
    // 1 January is New Year's Day; the next usual weekday is Tuesday 6 January.
    expect(long.meetings[0]?.end).toBe('2026-01-06T21:30:00+01:00');
  });

  it('refuses malformed input with the fields named', () => {
    expect(() =>
      planSeries(
        baseInput({
          from: '2026-02-30',
          startTime: '7pm',
          timeZone: 'Europe/Nowhere',
          busy: [{ attendeeId: 'a', start: '2026-06-02T17:30:00', end: '2026-06-02T18:00:00Z' }],
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ field: 'from' }),
          expect.objectContaining({ field: 'startTime' }),
          expect.objectContaining({ field: 'timeZone' }),
          expect.objectContaining({ field: 'busy.0' }),
        ],
      }),
    );
  });
});

describe('a year with every constraint', () => {
  const data = parseSchoolHolidays(
    JSON.parse(
      readFileSync(new URL('../../../src/meetings/data/school-holidays-nl.json', import.meta.url), 'utf8'),
    ),
  );
  const busy: BusyInterval[] = [];
  // Fictional staff: one busy every Tuesday evening, another on the first Thursday of each month.
  for (
    let date = DateTime.fromISO('2026-01-01', { zone: 'Europe/Amsterdam' });
    date.year === 2026;
    date = date.plus({ days: 1 })
  ) {
    if (date.weekday === 2) {
      busy.push({
        attendeeId: 'staff-1',
        start: date.set({ hour: 18 }).toISO() ?? '',
        end: date.set({ hour: 22 }).toISO() ?? '',
      });
    }
    if (date.weekday === 4 && date.day <= 7) {
      busy.push({
        attendeeId: 'staff-2',
        start: date.set({ hour: 20 }).toISO() ?? '',
        end: date.set({ hour: 21 }).toISO() ?? '',
      });
    }
  }
  const input = baseInput({
    from: '2026-01-05',
    to: '2026-12-20',
    count: 8,
    weekdays: [2, 4, 5],
    observances: ALL_OBSERVANCES,
    ramadan: 'iftar',
    blockedPeriods: schoolHolidayPeriods(data, 'noord', '2026-01-05', '2026-12-20'),
    busy,
    requiredAttendeeIds: ['staff-1', 'staff-2'],
    overrides: ['2026-11-08'],
  });

  it('is deterministic and explains every skipped date', () => {
    const first = planSeries(input);
    expect(planSeries(structuredClone(input))).toEqual(first);
    expect(first.meetings.length).toBeGreaterThanOrEqual(7);
    const dates = first.meetings.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    for (const [index, date] of dates.entries()) {
      if (index > 0)
        expect(
          DateTime.fromISO(date).diff(DateTime.fromISO(dates[index - 1] ?? ''), 'days').days,
        ).toBeGreaterThanOrEqual(21);
    }
    for (const meeting of first.meetings) {
      expect(meeting.overridden).toBe(false);
      // Tuesdays are staff-1's evening; a Friday only when the meeting ends before sunset (summer).
      const date = DateTime.fromISO(meeting.date);
      expect([4, 5]).toContain(date.weekday);
      if (date.weekday === 5) expect(date.month >= 4 && date.month <= 9).toBe(true);
      if (date.weekday === 4) expect(date.day > 7).toBe(true);
    }
    expect(first.skipped.length).toBeGreaterThan(0);
    for (const entry of first.skipped) {
      expect(entry.reasons.length).toBeGreaterThan(0);
      for (const reason of entry.reasons) {
        expect(reason.nl).toMatch(/^\d{1,2} [a-z]+: \S/);
        expect(reason.en).toMatch(/^\d{1,2} [A-Z][a-z]+: \S/);
      }
      expect(dates).not.toContain(entry.date);
    }
    const codes = new Set(first.skipped.flatMap((entry) => entry.reasons.map((r) => r.code)));
    expect(codes).toContain('shabbat');
    expect(codes).toContain('attendees-busy');
  });
});
