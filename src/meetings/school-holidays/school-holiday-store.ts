import { sql, type Transaction } from 'kysely';
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

/** The networks the year calendar shows, by name: every network, or only these ids. */
export async function readYearCalendarNetworks(
  db: Executor,
  networkIds: 'all' | readonly string[],
): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('networks').select(['id', 'name']).orderBy('name');
  if (networkIds !== 'all') query = query.where('id', 'in', [...networkIds]);
  return query.execute();
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

/** Sets a municipality's school holiday region; false when no such municipality exists. */
export async function updateMunicipalityRegion(
  tx: Transaction<Database>,
  municipalityId: string,
  region: SchoolHolidayRegion | null,
): Promise<boolean> {
  // The column comes with migration 0004; the shared municipality type does not list it.
  const result =
    await sql`update municipalities set school_holiday_region = ${region} where id = ${municipalityId}`.execute(
      tx,
    );
  return Number(result.numAffectedRows ?? 0) > 0;
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
