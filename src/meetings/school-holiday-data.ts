import shippedFile from './data/school-holidays-nl.json' with { type: 'json' };
import type { Executor } from './meeting-store.js';
import { parseSchoolHolidays, SCHOOL_REGIONS, schoolHolidayPeriods } from './planner/index.js';
import { hasSchoolHolidays, insertSchoolHolidays } from './school-holidays/school-holiday-store.js';

/**
 * Fills the empty `school_holidays` table from the shipped data file (src/meetings/data/
 * school-holidays-nl.json), once: the first planning run after the migration imports it, so every
 * deployment starts with the official periods; administrators edit the table from then on.
 * Returns the number of periods imported (0 when the table already had rows).
 */
export async function ensureSchoolHolidays(db: Executor, file: unknown = shippedFile): Promise<number> {
  if (await hasSchoolHolidays(db)) return 0;
  const data = parseSchoolHolidays(file);
  const rows = SCHOOL_REGIONS.flatMap((region) =>
    schoolHolidayPeriods(data, region, '0000-01-01', '9999-12-31').map((period) => ({
      region,
      from_date: period.from,
      to_date: period.to,
      label: period.label.nl,
    })),
  );
  if (rows.length === 0) return 0;
  await insertSchoolHolidays(db, rows);
  return rows.length;
}
