import type { Kysely } from 'kysely';
import { readAbsentNow, readOverdueNewcomersIn } from '../../continuity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { countCoverageGaps } from '../insight/coverage-gap-store.js';
import type { AreaOverview } from '../schemas.js';
import { buildAreaOverview } from './area-overview.js';
import { readAreaRows, readCallerNetworkFacts, readStaffFacts } from './area-store.js';

/**
 * The area overview as the given user may see it: ally counts and warnings only where they hold a role;
 * administrators also see every network's staffing warnings (they assign the roles).
 */
export async function getAreaOverview(
  db: Kysely<Database>,
  userId: string,
  isAdministrator: boolean,
  now: Date,
): Promise<AreaOverview> {
  const [rows, facts] = await Promise.all([readAreaRows(db), readCallerNetworkFacts(db, userId)]);
  const withRole = [...facts.keys()];
  const staffNetworks = isAdministrator ? rows.networks.map((network) => network.id) : withRole;
  const [staff, gaps] = await Promise.all([
    readStaffFacts(db, staffNetworks),
    countCoverageGaps(db, withRole),
  ]);
  // Who is absent today (continuity) feeds the "absent without back-up" warning, as on the network page.
  const [absent, overdue] = await Promise.all([
    readAbsentNow(
      db,
      [...new Set(staff.flatMap((s) => [s.userId, ...(s.backupUserId ? [s.backupUserId] : [])]))],
      now,
    ),
    // Newcomers not introduced after six weeks (continuity) feed "newcomer-not-introduced", as on the network page.
    readOverdueNewcomersIn(db, staffNetworks, now),
  ]);
  const notIntroduced = new Set(overdue.map((row) => `${row.networkId}/${row.userId}`));
  return buildAreaOverview(rows, facts, {
    staff: staff.map((s) => ({
      ...s,
      absent: absent.has(s.userId),
      backupAbsent: s.backupUserId !== null && absent.has(s.backupUserId),
      notIntroduced: notIntroduced.has(`${s.networkId}/${s.userId}`),
    })),
    gaps,
    isAdministrator,
  });
}
