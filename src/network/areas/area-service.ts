import type { Kysely } from 'kysely';
import { absentAt, overdueNewcomers } from '../../continuity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { localDate } from '../../platform/time.js';
import type { AreaOverview } from '../schemas.js';
import { buildAreaOverview } from './area-overview.js';
import { readAreaOverviewRecord } from './area-store.js';

/**
 * The area overview as the given user may see it: ally counts and warnings only where they hold a role;
 * administrators also see every network's staffing warnings (they assign the roles). One statement.
 */
export async function getAreaOverview(
  db: Kysely<Database>,
  userId: string,
  isAdministrator: boolean,
  now: Date,
): Promise<AreaOverview> {
  const record = await readAreaOverviewRecord(db, userId, isAdministrator, localDate(now));
  // Who is absent today (continuity) feeds the "absent without back-up" warning, as on the network page.
  const absent = absentAt(record.absences, now);
  // Newcomers not introduced after six weeks (continuity) feed "newcomer-not-introduced", as on the network page.
  const notIntroduced = new Set(
    overdueNewcomers(record.notIntroduced, now).map((row) => `${row.networkId}/${row.userId}`),
  );
  return buildAreaOverview(record.rows, record.callerFacts, {
    staff: record.staff.map((s) => ({
      ...s,
      absent: absent.has(s.userId),
      backupAbsent: s.backupUserId !== null && absent.has(s.backupUserId),
      notIntroduced: notIntroduced.has(`${s.networkId}/${s.userId}`),
    })),
    gaps: record.gaps,
    isAdministrator,
  });
}
