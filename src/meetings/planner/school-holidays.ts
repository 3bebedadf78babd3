import { z } from 'zod';
import { dayNumberOf } from '../../platform/time.js';
import type { BlockedPeriod } from './contract.js';

/**
 * The official school holiday periods (src/meetings/data/school-holidays-nl.json). The planner does
 * no I/O: the meetings service reads the file (or the administrator's edited copy), parses it here
 * and hands the periods of the municipality's region to the planner as blocked periods.
 */

export const SCHOOL_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type SchoolRegion = (typeof SCHOOL_REGIONS)[number];

export const SCHOOL_HOLIDAY_KINDS = ['herfst', 'kerst', 'voorjaars', 'mei', 'zomer'] as const;
export type SchoolHolidayKind = (typeof SCHOOL_HOLIDAY_KINDS)[number];

const localDate = z.string().refine((value) => dayNumberOf(value) !== undefined, 'expected YYYY-MM-DD');

const periodSchema = z
  .object({
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
    kind: z.enum(SCHOOL_HOLIDAY_KINDS),
    region: z.enum(SCHOOL_REGIONS),
    from: localDate,
    to: localDate,
  })
  .refine((period) => period.from <= period.to, {
    message: 'from must not be after to',
    params: { code: 'before_start' },
    path: ['to'],
  });

export const schoolHolidaysSchema = z.object({
  source: z.string().min(1),
  periods: z.array(periodSchema),
});

export type SchoolHolidays = z.infer<typeof schoolHolidaysSchema>;

/** Validates the data file's content; throws zod's error (with paths) when an edit broke it. */
export function parseSchoolHolidays(json: unknown): SchoolHolidays {
  return schoolHolidaysSchema.parse(json);
}

const KIND_LABELS: Record<SchoolHolidayKind, { nl: string; en: string }> = {
  herfst: { nl: 'Herfstvakantie', en: 'Autumn school holiday' },
  kerst: { nl: 'Kerstvakantie', en: 'Christmas school holiday' },
  voorjaars: { nl: 'Voorjaarsvakantie', en: 'Spring school holiday' },
  mei: { nl: 'Meivakantie', en: 'May school holiday' },
  zomer: { nl: 'Zomervakantie', en: 'Summer school holiday' },
};

const REGION_LABELS: Record<SchoolRegion, { nl: string; en: string }> = {
  noord: { nl: 'noord', en: 'north' },
  midden: { nl: 'midden', en: 'central' },
  zuid: { nl: 'zuid', en: 'south' },
};

/** The region's school holidays overlapping [from, to], labelled e.g. 'Zomervakantie regio noord'. */
export function schoolHolidayPeriods(
  data: SchoolHolidays,
  region: SchoolRegion,
  from: string,
  to: string,
): BlockedPeriod[] {
  return data.periods
    .filter((period) => period.region === region && period.to >= from && period.from <= to)
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((period) => ({
      from: period.from,
      to: period.to,
      label: {
        nl: `${KIND_LABELS[period.kind].nl} regio ${REGION_LABELS[region].nl}`,
        en: `${KIND_LABELS[period.kind].en} (region ${REGION_LABELS[region].en})`,
      },
    }));
}
