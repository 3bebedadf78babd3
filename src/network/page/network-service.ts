import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { absentAt, overdueNewcomers, readAbsentNow } from '../../continuity/index.js';
import { findUserById, readNetworkStaff, updateBackup } from '../../identity/index.js';
import type { Database, NetworkRole } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import {
  joinValidatedObject,
  type ValidatedJson,
  validateFields,
} from '../../platform/http/validated-json.js';
import { localDate } from '../../platform/time.js';
import { turnBatchPer } from '../../platform/turn-batch.js';
import { replaceNeighbourhoodCommunities } from '../../setup/index.js';
import { buildCoverageFromCounts, type CoveragePerson, countCoverageGaps } from '../insight/coverage.js';
import { readCoverageCounts } from '../insight/coverage-store.js';
import { type Coverage, type NetworkDetail, networkDetailSchema, type PersonSummary } from '../schemas.js';
import type { CachedNetworkPage, FixedNetworkPageField, NetworkPageCache } from './network-page-cache.js';
import {
  checkNetworkPageStamps,
  type NetworkPageRecord,
  type NetworkPageStampCheck,
  type NetworkRecord,
  readCommunities,
  readNetwork,
  readNetworkNeighbourhoods,
  readNetworkPage,
} from './network-store.js';
import { networkWarnings } from './network-warnings.js';

async function requireNetwork(db: Kysely<Database>, networkId: string): Promise<NetworkRecord> {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

/** A person as the coverage counts them. */
function coveragePerson(
  person: Pick<PersonSummary, 'kind' | 'neighbourhood' | 'communities'>,
): CoveragePerson {
  return {
    kind: person.kind,
    neighbourhoodId: person.neighbourhood?.id ?? null,
    communityIds: person.communities.map((c) => c.id),
  };
}

/** The network's staff, each with the last day of an absence that includes today (continuity), or null. */
async function staffWithAbsence(db: Kysely<Database>, networkId: string, now: Date) {
  const staff = await readNetworkStaff(db, networkId);
  const absent = await readAbsentNow(
    db,
    [...new Set(staff.flatMap((s) => [s.userId, ...(s.backup ? [s.backup.userId] : [])]))],
    now,
  );
  return staff.map((s) => ({
    ...s,
    absentUntil: absent.get(s.userId) ?? null,
    backupAbsent: s.backup !== null && absent.has(s.backup.userId),
  }));
}

/**
 * A page as read and shaped for one local day: the fields that depend on nobody, with what the day's staff and
 * warnings are computed from.
 */
interface ShapedNetworkPage {
  shaped: Omit<NetworkDetail, 'staff' | 'warnings' | 'myRole'>;
  staff: NetworkPageRecord['staff'];
  absences: NetworkPageRecord['absences'];
  notIntroduced: NetworkPageRecord['notIntroduced'];
  coverageGaps: number;
  alliesWithoutMobile: number;
  alliesWithoutWijk: number;
}

/** Dutch order of names (one collator: `localeCompare` with a locale builds one per call). */
const dutchOrder = new Intl.Collator('nl').compare;

/**
 * The network page for its staff, as the route sends it: people without contact data, staff and back-ups,
 * coverage, warnings (audited: exactly one audit row per view, committed with the read). A page this instance read
 * before (`cache`) is reused when one statement finds its change stamps unchanged (that statement appends the
 * view's audit row); otherwise the page is read afresh in one statement that appends it. An entry holds every field
 * but `myRole`, validated by the page schema and serialised once: what depends on the time (absent today, overdue
 * introductions) depends on the local date only, and an entry is used only on the day it was made. A view joins
 * the caller's `myRole`. Byte for byte `JSON.stringify(networkDetailSchema.parse(page))` (see `joinValidatedObject`).
 */
export async function getNetworkPageJson(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  /** The caller's role here, from the access profile the router already loaded. */
  myRole: NetworkRole | null,
  now: Date,
  cache: NetworkPageCache,
): Promise<ValidatedJson> {
  const page = await cachedNetworkPage(db, origin, networkId, now, cache);
  return joinValidatedObject(page.validated, { myRole });
}

/** The page's fields that do not depend on the viewer, validated and serialised once per entry. */
const FIXED_FIELDS = Object.keys(networkDetailSchema.shape).filter(
  (key) => key !== 'myRole',
) as FixedNetworkPageField[];

function auditOfView(origin: AuditOrigin, networkId: string, now: Date) {
  return { event: auditEvent(origin, 'network.read', { type: 'network', id: networkId }), now };
}

/** One statement reads the whole page and appends its audit row; nothing is read or audited without the network. */
async function readFreshPage(db: Kysely<Database>, origin: AuditOrigin, networkId: string, now: Date) {
  const record = await readNetworkPage(db, networkId, localDate(now), auditOfView(origin, networkId, now));
  if (!record) throw new DomainError('not-found', 'No network with this id exists.');
  return record;
}

/**
 * The stamp checks of concurrent views, sent together per database at the end of the loop round in which they were
 * asked ({@link TurnBatch}): one statement checks every view's stamps and appends each current view's own audit
 * row. A check never joins a statement already sent, so it reads a snapshot taken after its view arrived (a change
 * committed before is seen). When the statement fails, each of its views fails with that error, and none of its
 * audit rows was written (one statement: all or nothing).
 */
const checkStamps = turnBatchPer<Kysely<Database>, NetworkPageStampCheck, { current: boolean } | undefined>(
  checkNetworkPageStamps,
);

/** The cache's entry when its stamps are current (one statement checks them and audits the view), else a fresh read. */
async function cachedNetworkPage(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  now: Date,
  cache: NetworkPageCache,
): Promise<CachedNetworkPage> {
  const today = localDate(now);
  const cached = cache.get(networkId, today, now.getTime());
  if (cached) {
    const check = await checkStamps(db, {
      networkId,
      stamps: cached.stamps,
      audit: auditOfView(origin, networkId, now),
    });
    if (!check) {
      cache.delete(networkId);
      throw new DomainError('not-found', 'No network with this id exists.');
    }
    if (check.current) {
      cache.counts.hits += 1;
      return cached;
    }
  }
  let record: NetworkPageRecord;
  try {
    record = await readFreshPage(db, origin, networkId, now);
  } catch (error) {
    cache.delete(networkId);
    throw error;
  }
  const shaped = shapeNetworkPage(record);
  const page: CachedNetworkPage = {
    stamps: record.stamps,
    today,
    validated: validateFields(
      networkDetailSchema,
      { ...shaped.shaped, ...dayFields(shaped, now) },
      FIXED_FIELDS,
    ),
  };
  cache.counts.misses += 1;
  cache.set(networkId, page, now.getTime());
  return page;
}

/** The part of the page that depends neither on the viewer nor on the day, and what the rest is computed from. */
function shapeNetworkPage(record: NetworkPageRecord): ShapedNetworkPage {
  const {
    people,
    staff,
    absences,
    notIntroduced,
    neighbourhoods,
    communities,
    relevant,
    stamps,
    ...network
  } = record;
  const allies: PersonSummary[] = [];
  const keyFigures: PersonSummary[] = [];
  const formerAllies: NetworkDetail['formerAllies'] = [];
  const covered = new Map<string, NetworkDetail['communitiesCovered'][number]>();
  let withoutMobile = 0;
  let withoutWijk = 0;
  for (const { summary, farewell, withoutMobile: noMobile } of people) {
    if (summary.kind === 'former_ally' || summary.kind === 'former_key_figure') {
      formerAllies.push({ ...summary, farewell });
      continue;
    }
    const ally = summary.kind === 'ally';
    if (ally) {
      allies.push(summary);
      if (noMobile) withoutMobile += 1;
      if (summary.neighbourhood === null) withoutWijk += 1;
    } else keyFigures.push(summary);
    for (const community of summary.communities) {
      let entry = covered.get(community.id);
      if (!entry) {
        entry = { ...community, allies: 0, keyFigures: 0 };
        covered.set(community.id, entry);
      }
      if (ally) entry.allies += 1;
      else entry.keyFigures += 1;
    }
  }
  const coverageGaps = countCoverageGaps({
    neighbourhoods,
    communities,
    relevant,
    people: people.map(({ summary }) => coveragePerson(summary)),
  });
  return {
    shaped: {
      ...network,
      allies,
      keyFigures,
      formerAllies,
      communitiesCovered: [...covered.values()].sort((a, b) => dutchOrder(a.name, b.name)),
    },
    staff,
    absences,
    notIntroduced,
    coverageGaps,
    alliesWithoutMobile: withoutMobile,
    alliesWithoutWijk: withoutWijk,
  };
}

/** The page's fields of the local day of `now`: who is absent today, which introductions are overdue. */
function dayFields(page: ShapedNetworkPage, now: Date): Pick<NetworkDetail, 'staff' | 'warnings'> {
  const { shaped, staff } = page;
  const absent = absentAt(page.absences, now);
  const notIntroduced = overdueNewcomers(page.notIntroduced, now).map((row) => row.userId);
  return {
    staff: staff.map((member) => ({ ...member, absentUntil: absent.get(member.userId) ?? null })),
    warnings: networkWarnings({
      staff: staff.map((s) => ({
        userId: s.userId,
        organisation: s.organisation,
        role: s.role,
        backupUserId: s.backup?.userId ?? null,
        absent: absent.has(s.userId),
        backupAbsent: s.backup !== null && absent.has(s.backup.userId),
      })),
      notIntroduced,
      allies: shaped.allies.length,
      limits: shaped.limits,
      coverageGaps: page.coverageGaps,
      alliesWithoutMobile: page.alliesWithoutMobile,
      alliesWithoutWijk: page.alliesWithoutWijk,
    }),
  };
}

/** The coverage matrix of a network's neighbourhoods × the municipality's communities. */
export async function getNetworkCoverage(db: Kysely<Database>, networkId: string): Promise<Coverage> {
  const frame = await readCoverageCounts(db, networkId);
  if (!frame) throw new DomainError('not-found', 'No network with this id exists.');
  return buildCoverageFromCounts(frame);
}

/** Marks which communities matter in one of the network's neighbourhoods (coordinators; audited). */
export async function setNeighbourhoodRelevance(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { networkId: string; neighbourhoodId: string; communityIds: string[] },
  now: Date,
): Promise<Coverage> {
  const network = await requireNetwork(db, input.networkId);
  const neighbourhoods = await readNetworkNeighbourhoods(db, network.area);
  if (!neighbourhoods.some((n) => n.id === input.neighbourhoodId)) {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.neighbourhoodId',
        code: 'unknown_reference',
        kind: 'neighbourhood',
        message: 'is not a neighbourhood of this network',
      },
    ]);
  }
  const known = new Set((await readCommunities(db, network.municipality.id)).map((c) => c.id));
  const unknown = input.communityIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.communityIds',
        code: 'unknown_reference',
        kind: 'community',
        message: `unknown or archived communities: ${unknown.join(', ')}`,
      },
    ]);
  }
  await transaction(db, async (tx) => {
    await replaceNeighbourhoodCommunities(tx, input.neighbourhoodId, input.communityIds);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'coverage-relevance.update', { type: 'area', id: input.neighbourhoodId }),
      now,
    );
  });
  return getNetworkCoverage(db, input.networkId);
}

/** Names who takes over from a staff member when they are absent (coordinators; audited). */
export async function setStaffBackup(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { networkId: string; userId: string; backupUserId: string | null },
  now: Date,
) {
  await requireNetwork(db, input.networkId);
  if (input.backupUserId === input.userId) {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.backupUserId',
        code: 'self_reference',
        message: 'a staff member cannot be their own back-up',
      },
    ]);
  }
  if (input.backupUserId && !(await findUserById(db, input.backupUserId))) {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.backupUserId',
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not a known staff member',
      },
    ]);
  }
  await transaction(db, async (tx) => {
    if (!(await updateBackup(tx, input.networkId, input.userId, input.backupUserId))) {
      throw new DomainError('not-found', 'This staff member has no role in this network.');
    }
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'network-role.backup', {
        type: 'network-role',
        id: `${input.networkId}/${input.userId}`,
      }),
      now,
    );
  });
  return staffWithAbsence(db, input.networkId, now);
}

/** The municipality's communities of a network, for the person form's choices. */
export async function listNetworkCommunities(db: Kysely<Database>, networkId: string) {
  const network = await requireNetwork(db, networkId);
  return readCommunities(db, network.municipality.id);
}
