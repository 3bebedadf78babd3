import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { AccessProfile } from '../../identity/access.js';
import { transaction } from '../../platform/db/transaction.js';
import type { FieldError } from '../../platform/errors.js';
import { isoInstant, localDate, startOfLocalDate } from '../../platform/time.js';
import type { SchoolHolidayRegion } from '../db-schema.js';
import { readLocations, readMeetingRows } from '../meeting-store.js';
import { yearCalendarNetworks } from '../policies.js';
import { ensureSchoolHolidays } from '../school-holiday-data.js';
import { audit, invalid, type MeetingDeps, notFound } from '../service-kit.js';
import { readRegionHolidays, replaceRegionHolidays } from './school-holiday-store.js';

// ---- Across networks ----

export async function yearCalendar(
  deps: MeetingDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  year: number | undefined,
) {
  const theYear = year ?? Number(localDate(deps.now()).slice(0, 4));
  const visible = yearCalendarNetworks(access);
  if (visible !== 'all' && visible.length === 0) return { year: theYear, networks: [], meetings: [] };
  const networks = await deps.neighbours.networksByName(deps.db, visible);
  const rows = await readMeetingRows(deps.db, {
    networkIds: networks.map((n) => n.id),
    from: new Date(startOfLocalDate(`${theYear}-01-01`)),
    to: new Date(startOfLocalDate(`${theYear + 1}-01-01`)),
  });
  const locations = new Map<string, string>();
  for (const networkId of new Set(rows.map((r) => r.network_id)))
    for (const l of await readLocations(deps.db, networkId)) locations.set(l.id, l.name);
  await audit(deps.db, origin, 'meeting.year-calendar', null, deps.now());
  return {
    year: theYear,
    networks,
    meetings: rows.map((row) => ({
      id: row.id,
      networkId: row.network_id,
      date: row.meeting_date,
      start: isoInstant(row.starts_at),
      end: isoInstant(row.ends_at),
      status: row.status,
      locationName: row.location_id ? (locations.get(row.location_id) ?? null) : null,
      trustBuilding: row.trust_building,
    })),
  };
}

// ---- School holidays (administrators) ----

export async function getSchoolHolidays(deps: MeetingDeps, origin: AuditOrigin, region: SchoolHolidayRegion) {
  await ensureSchoolHolidays(deps.db);
  await audit(deps.db, origin, 'school-holidays.read', null, deps.now());
  const rows = await readRegionHolidays(deps.db, region);
  return { region, periods: rows.map((r) => ({ from: r.from_date, to: r.to_date, label: r.label })) };
}

export async function putSchoolHolidays(
  deps: MeetingDeps,
  origin: AuditOrigin,
  region: SchoolHolidayRegion,
  periods: { from: string; to: string; label: string }[],
) {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  periods.forEach((p, index) => {
    if (p.to < p.from)
      errors.push({
        field: `body.periods.${index}.to`,
        code: 'before_start',
        message: 'must not be before from',
      });
    const key = `${p.from}|${p.label}`;
    if (keys.has(key))
      errors.push({ field: `body.periods.${index}`, code: 'duplicate', message: 'listed twice' });
    keys.add(key);
  });
  if (errors.length > 0) throw invalid(errors);
  await transaction(deps.db, async (tx) => {
    await replaceRegionHolidays(tx, region, periods);
    await audit(tx, origin, 'school-holidays.update', null, deps.now());
  });
  return getSchoolHolidays(deps, origin, region);
}

export async function putSchoolHolidayRegion(
  deps: MeetingDeps,
  origin: AuditOrigin,
  municipalityId: string,
  region: SchoolHolidayRegion | null,
) {
  await transaction(deps.db, async (tx) => {
    if (!(await deps.neighbours.setSchoolHolidayRegion(tx, municipalityId, region))) throw notFound();
    await audit(
      tx,
      origin,
      'municipality.school-holiday-region',
      { type: 'municipality', id: municipalityId },
      deps.now(),
    );
  });
  return { region };
}
