import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { absentAt, overdueNewcomers, readAbsentNow } from '../../continuity/index.js';
import { findUserById, readNetworkStaff, updateBackup } from '../../identity/index.js';
import type { Database, NetworkRole } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import { localDate } from '../../platform/time.js';
import { replaceNeighbourhoodCommunities } from '../../setup/index.js';
import { buildCoverage } from '../insight/coverage.js';
import type { PersonRow } from '../people/people-store.js';
import type { Coverage, NetworkDetail } from '../schemas.js';
import {
  type NetworkCoverageFrame,
  type NetworkRecord,
  readCommunities,
  readNetwork,
  readNetworkCoverage,
  readNetworkNeighbourhoods,
  readNetworkPage,
} from './network-store.js';
import { networkWarnings } from './network-warnings.js';

async function requireNetwork(db: Kysely<Database>, networkId: string): Promise<NetworkRecord> {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

/** The coverage matrix of a network's frame and the people in it. */
function coverageOf(
  frame: NetworkCoverageFrame,
  people: readonly {
    kind: PersonRow['kind'];
    neighbourhood: PersonRow['neighbourhood'];
    communities: PersonRow['communities'];
  }[],
) {
  return buildCoverage({
    neighbourhoods: frame.neighbourhoods,
    communities: frame.communities,
    relevant: frame.relevant,
    people: people.map((p) => ({
      kind: p.kind,
      neighbourhoodId: p.neighbourhood?.id ?? null,
      communityIds: p.communities.map((c) => c.id),
    })),
  });
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

/** The network page for its staff: people without contact data, staff and back-ups, coverage, warnings (audited). */
export async function getNetworkDetail(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  /** The caller's role here, from the access profile the router already loaded. */
  myRole: NetworkRole | null,
  now: Date,
): Promise<NetworkDetail> {
  // One statement reads the whole page (404 before anything is audited), then the audit row: two round trips.
  const page = await readNetworkPage(db, networkId, localDate(now));
  if (!page) throw new DomainError('not-found', 'No network with this id exists.');
  await appendAuditEvent(db, auditEvent(origin, 'network.read', { type: 'network', id: networkId }), now);
  const { people, staff, absences, notIntroduced: newcomers, ...frame } = page;
  const absent = absentAt(absences, now);
  const notIntroduced = overdueNewcomers(newcomers, now).map((row) => row.userId);
  const { neighbourhoods: _n, communities: _c, relevant: _r, ...network } = frame;
  const coverage = coverageOf(frame, people);
  const withoutMobile = people.filter((p) => p.kind === 'ally' && p.withoutMobile).length;
  const summary = ({
    ageBand: _a,
    gender: _g,
    withoutMobile: _m,
    farewell: _f,
    ...person
  }: (typeof people)[number]) => person;
  const allies = people.filter((p) => p.kind === 'ally');
  const former = people.filter((p) => p.kind === 'former_ally' || p.kind === 'former_key_figure');
  const covered = new Map<string, NetworkDetail['communitiesCovered'][number]>();
  for (const person of people.filter((p) => p.kind === 'ally' || p.kind === 'key_figure')) {
    for (const community of person.communities) {
      const entry = covered.get(community.id) ?? { ...community, allies: 0, keyFigures: 0 };
      if (person.kind === 'ally') entry.allies += 1;
      else entry.keyFigures += 1;
      covered.set(community.id, entry);
    }
  }
  return {
    ...network,
    allies: allies.map(summary),
    keyFigures: people.filter((p) => p.kind === 'key_figure').map(summary),
    formerAllies: former.map((person) => ({ ...summary(person), farewell: person.farewell })),
    staff: staff.map((member) => ({ ...member, absentUntil: absent.get(member.userId) ?? null })),
    communitiesCovered: [...covered.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
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
      allies: allies.length,
      limits: network.limits,
      coverageGaps: coverage.gaps,
      alliesWithoutMobile: withoutMobile,
      alliesWithoutWijk: allies.filter((ally) => ally.neighbourhood === null).length,
    }),
    myRole,
  };
}

/** The coverage matrix of a network's neighbourhoods × the municipality's communities. */
export async function getNetworkCoverage(db: Kysely<Database>, networkId: string): Promise<Coverage> {
  const frame = await readNetworkCoverage(db, networkId);
  if (!frame) throw new DomainError('not-found', 'No network with this id exists.');
  return coverageOf(frame, frame.people);
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
