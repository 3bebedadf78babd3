import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SchoolHolidayRegion } from '../db-schema.js';
import type { Executor } from '../meeting-store.js';

/** One school holiday period of a region as stored. */
export interface SchoolHolidayRow {
  region: SchoolHolidayRegion;
  from_date: string;
  to_date: string;
  label: string;
}

/** A region's school holiday periods, earliest first. */
export async function readRegionHolidays(db: Executor, region: SchoolHolidayRegion) {
  return db
    .selectFrom('school_holidays')
    .select(['from_date', 'to_date', 'label'])
    .where('region', '=', region)
    .orderBy('from_date')
    .execute();
}

/** Replaces a region's school holiday periods. */
export async function replaceRegionHolidays(
  tx: Transaction<Database>,
  region: SchoolHolidayRegion,
  periods: readonly { from: string; to: string; label: string }[],
): Promise<void> {
  await tx.deleteFrom('school_holidays').where('region', '=', region).execute();
  if (periods.length > 0)
    await tx
      .insertInto('school_holidays')
      .values(periods.map((p) => ({ region, from_date: p.from, to_date: p.to, label: p.label })))
      .execute();
}

/** Whether the school holiday table has any row. */
export async function hasSchoolHolidays(db: Executor): Promise<boolean> {
  const existing = await db.selectFrom('school_holidays').select('id').limit(1).executeTakeFirst();
  return existing !== undefined;
}

/** Adds school holiday periods, skipping ones already stored (same region, start and label). */
export async function insertSchoolHolidays(db: Executor, rows: readonly SchoolHolidayRow[]): Promise<void> {
  await db
    .insertInto('school_holidays')
    .values([...rows])
    .onConflict((oc) => oc.columns(['region', 'from_date', 'label']).doNothing())
    .execute();
}
