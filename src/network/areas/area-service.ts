import type { Kysely } from 'kysely';
import { absentAt, overdueNewcomers } from '../../continuity/index.js';
import type { Database } from '../../platform/db/schema.js';
import {
  joinValidatedObject,
  type ValidatedJson,
  validateFields,
} from '../../platform/http/validated-json.js';
import { localDate } from '../../platform/time.js';
import { turnBatchPer } from '../../platform/turn-batch.js';
import { readEveryStampDigest } from '../page/network-store.js';
import { type AreaOverview, areaOverviewSchema } from '../schemas.js';
import { buildAreaOverview } from './area-overview.js';
import { AreaOverviewCache } from './area-overview-cache.js';
import { type AreaOverviewRecord, readAreaOverviewRecord } from './area-store.js';

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
  return shapeAreaOverview(
    await readAreaOverviewRecord(db, userId, isAdministrator, localDate(now)),
    isAdministrator,
    now,
  );
}

/** The overview from its record: absences and overdue introductions as of `now`'s local date. Pure: no I/O. */
function shapeAreaOverview(record: AreaOverviewRecord, isAdministrator: boolean, now: Date): AreaOverview {
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

/** The overview schema's fields: all of them are validated and serialised once per entry. */
const OVERVIEW_FIELDS = Object.keys(areaOverviewSchema.shape) as (keyof AreaOverview)[];

/**
 * The digest checks of concurrent requests, sent together per database at the end of the loop round in which they
 * were asked ({@link TurnBatch}): one statement without parameters answers them all. A check never joins a statement
 * already sent, so it reads a snapshot taken after its request arrived (a change committed before is seen).
 */
const askStampDigest = turnBatchPer<Kysely<Database>, null, string>(async (db, items) => {
  const digest = await readEveryStampDigest(db);
  return items.map(() => digest);
});

/**
 * {@link getAreaOverview} as the route sends it: validated by the route's schema and serialised. A caller's overview
 * this instance sent before (`cache`, per caller and administrator flag, made today) is sent again when the digest
 * of every change stamp, read now, equals the one read with it; otherwise the overview is read afresh (its one
 * statement also returns the digest) and replaces the entry. Byte for byte `JSON.stringify(areaOverviewSchema
 * .parse(await getAreaOverview(…)))`. Nothing is audited: the overview names no person.
 */
export async function getAreaOverviewJson(
  db: Kysely<Database>,
  userId: string,
  /** From the access profile the router loaded and checked against the caller's access version. */
  isAdministrator: boolean,
  now: Date,
  cache: AreaOverviewCache,
): Promise<ValidatedJson> {
  const today = localDate(now);
  const key = AreaOverviewCache.keyOf(userId, isAdministrator);
  const cached = cache.get(key, today, now.getTime());
  if (cached && (await askStampDigest(db, null)) === cached.stampDigest) {
    cache.counts.hits += 1;
    return cached.json;
  }
  const record = await readAreaOverviewRecord(db, userId, isAdministrator, today);
  const overview = shapeAreaOverview(record, isAdministrator, now);
  const json = joinValidatedObject(validateFields(areaOverviewSchema, overview, OVERVIEW_FIELDS), {});
  cache.counts.misses += 1;
  cache.set(key, { stampDigest: record.stampDigest, today, json }, now.getTime());
  return json;
}
