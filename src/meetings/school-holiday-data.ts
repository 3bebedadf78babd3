import shippedFile from './data/school-holidays-nl.json' with { type: 'json' };
import type { Executor } from './meeting-store.js';
import { parseSchoolHolidays, SCHOOL_REGIONS, schoolHolidayPeriods } from './planner/index.js';

/**
 * Fills the empty `school_holidays` table from the shipped data file (src/meetings/data/
 * school-holidays-nl.json), once: the first planning run after the migration imports it, so every
 * deployment starts with the official periods; administrators edit the table from then on.
 * Returns the number of periods imported (0 when the table already had rows).
 */
export async function ensureSchoolHolidays(db: Executor, file: unknown = shippedFile): Promise<number> {
  const existing = await db.selectFrom('school_holidays').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
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
  await db
    .insertInto('school_holidays')
    .values(rows)
    .onConflict((oc) => oc.columns(['region', 'from_date', 'label']).doNothing())
    .execute();
  return rows.length;
}
