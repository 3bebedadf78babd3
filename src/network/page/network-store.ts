import type { Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { joinableNetworkStaffAbsences, joinableNotIntroduced } from '../../continuity/index.js';
import { joinableNetworkRoles, joinableUsers } from '../../identity/index.js';
import type { Database, NetworkRole, NetworkStatus } from '../../platform/db/schema.js';
import {
  joinableAreas,
  joinableCommunities,
  joinableMunicipalities,
  joinableNeighbourhoodCommunities,
} from '../../setup/index.js';
import {
  type NetworkPagePerson,
  selectNetworkPagePeople,
  toNetworkPagePerson,
} from '../people/people-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A network with its area, municipality and the municipality's ally limits. */
export interface NetworkRecord {
  id: string;
  name: string;
  status: NetworkStatus;
  foundedOn: string | null;
  area: { id: string; name: string; kind: 'district' | 'neighbourhood' };
  municipality: { id: string; name: string };
  limits: { soft: number; hard: number };
}

/** Reads one network; `lock` takes a row lock so concurrent ally changes queue (the hard limit holds). */
export async function readNetwork(
  db: Executor,
  networkId: string,
  lock = false,
): Promise<NetworkRecord | undefined> {
  let query = selectNetworkRecord(db, networkId);
  if (lock) query = query.forUpdate('networks');
  const row = await query.executeTakeFirst();
  return row && toNetworkRecord(row);
}

/** The network row with its area and municipality, as every read of a {@link NetworkRecord} selects it. */
function selectNetworkRecord(db: Executor, networkId: string) {
  return db
    .selectFrom('networks')
    .innerJoin(joinableAreas(db).as('areas'), 'areas.id', 'networks.area_id')
    .innerJoin(
      joinableMunicipalities(db).as('municipalities'),
      'municipalities.id',
      'networks.municipality_id',
    )
    .select([
      'networks.id',
      'networks.name',
      'networks.status',
      'networks.founded_on as foundedOn',
      'areas.id as areaId',
      'areas.name as areaName',
      'areas.kind as areaKind',
      'municipalities.id as municipalityId',
      'municipalities.name as municipalityName',
      'municipalities.ally_soft_limit as soft',
      'municipalities.ally_hard_limit as hard',
    ])
    .where('networks.id', '=', networkId);
}

type NetworkRecordRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectNetworkRecord>['executeTakeFirst']>>
>;

function toNetworkRecord(row: NetworkRecordRow): NetworkRecord {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    foundedOn: row.foundedOn,
    area: { id: row.areaId, name: row.areaName, kind: row.areaKind },
    municipality: { id: row.municipalityId, name: row.municipalityName },
    limits: { soft: row.soft, hard: row.hard },
  };
}

/** A network with what its coverage matrix needs besides its people. */
export interface NetworkCoverageFrame extends NetworkRecord {
  /** As {@link readNetworkNeighbourhoods}. */
  neighbourhoods: { id: string; name: string }[];
  /** As {@link readCommunities}. */
  communities: { id: string; name: string; category: Database['communities']['category'] }[];
  /** `neighbourhoodId/communityId` for every community marked relevant in the neighbourhoods. */
  relevant: Set<string>;
}

/**
 * {@link readNetwork}, {@link readNetworkNeighbourhoods}, {@link readCommunities} and the relevance marks as one
 * statement (the network page and its coverage read them on every view; four round trips were most of the
 * frame's cost), to which {@link readNetworkCoverage} and {@link readNetworkPage} add their own JSON columns.
 */
function selectCoverageFrame(db: Executor, networkId: string) {
  return selectNetworkRecord(db, networkId).select((eb) => [
    // A wijk network covers its own wijk; a stadsdeel network the wijken in it.
    jsonArrayFrom(
      eb
        .selectFrom(joinableAreas(db).as('n'))
        .select(['n.id', 'n.name'])
        .where((w) =>
          w.or([
            w.and([w('n.id', '=', w.ref('networks.area_id')), w('n.kind', '=', 'neighbourhood')]),
            w('n.parent_id', '=', w.ref('networks.area_id')),
          ]),
        )
        .orderBy('n.name'),
    ).as('neighbourhoods'),
    jsonArrayFrom(
      eb
        .selectFrom(joinableCommunities(db).as('c'))
        .select(['c.id', 'c.name', 'c.category'])
        .where('c.municipality_id', '=', eb.ref('networks.municipality_id'))
        .where('c.archived', '=', false)
        .orderBy('c.category')
        .orderBy('c.name'),
    ).as('communities'),
    jsonArrayFrom(
      eb
        .selectFrom(joinableNeighbourhoodCommunities(db).as('nc'))
        .innerJoin(joinableAreas(db).as('r'), 'r.id', 'nc.area_id')
        .select(['nc.area_id', 'nc.community_id'])
        .where((w) =>
          w.or([
            w.and([w('r.id', '=', w.ref('networks.area_id')), w('r.kind', '=', 'neighbourhood')]),
            w('r.parent_id', '=', w.ref('networks.area_id')),
          ]),
        ),
    ).as('relevant'),
    // Everyone in the network, as `readNetworkPagePeople` reads them.
    jsonArrayFrom(selectNetworkPagePeople(db, networkId)).as('people'),
  ]);
}

type CoverageFrameRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectCoverageFrame>['executeTakeFirst']>>
>;

function toCoverageFrame(row: CoverageFrameRow): NetworkCoverageFrame & { people: NetworkPagePerson[] } {
  return {
    ...toNetworkRecord(row),
    neighbourhoods: row.neighbourhoods,
    communities: row.communities,
    relevant: new Set(row.relevant.map((r) => `${r.area_id}/${r.community_id}`)),
    people: row.people.map(toNetworkPagePerson),
  };
}

/** A network's coverage frame and its people (`readNetworkPagePeople`) in one statement; undefined when unknown. */
export async function readNetworkCoverage(
  db: Executor,
  networkId: string,
): Promise<(NetworkCoverageFrame & { people: NetworkPagePerson[] }) | undefined> {
  const row = await selectCoverageFrame(db, networkId).executeTakeFirst();
  return row && toCoverageFrame(row);
}

/** A staff member of a network as the network page shows them (no contact data: the page shows none). */
export interface NetworkPageStaff {
  userId: string;
  displayName: string;
  organisation: 'gemeente' | 'politie' | null;
  jobTitle: string | null;
  role: NetworkRole;
  backup: { userId: string; displayName: string } | null;
}

/** Everything the network page reads, besides the audit row. */
export interface NetworkPageRecord extends NetworkCoverageFrame {
  people: NetworkPagePerson[];
  /** By name, as identity's `readNetworkStaff`. */
  staff: NetworkPageStaff[];
  /** Absence periods of the staff and their back-ups that include `today` (continuity; read them with `absentAt`). */
  absences: { userId: string; startsOn: string; endsOn: string }[];
  /** Newcomers not yet introduced at a meeting (continuity; read them with `overdueNewcomers`). */
  notIntroduced: { userId: string; startedOn: string }[];
}

/**
 * The network page in one statement, one round trip: the coverage frame, the people, the staff with their
 * back-ups (identity's tables, joined through its joinable sub-queries), the staff's absences on `today` and the
 * newcomers not introduced (continuity's own sub-queries). Before, six statements. Undefined when there is no such
 * network; the caller audits the read.
 */
export async function readNetworkPage(
  db: Executor,
  networkId: string,
  /** Local date (YYYY-MM-DD) whose absences count. */
  today: string,
): Promise<NetworkPageRecord | undefined> {
  const row = await selectCoverageFrame(db, networkId)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom(joinableNetworkRoles(db).as('r'))
          .innerJoin(joinableUsers(db).as('u'), 'u.id', 'r.user_id')
          .leftJoin(joinableUsers(db).as('b'), 'b.id', 'r.backup_user_id')
          .select([
            'u.id as userId',
            'u.display_name as displayName',
            'u.organisation',
            'u.job_title as jobTitle',
            'r.role',
            'b.id as backupUserId',
            'b.display_name as backupName',
          ])
          .whereRef('r.network_id', '=', 'networks.id')
          .orderBy('u.display_name'),
      ).as('staff'),
      jsonArrayFrom(joinableNetworkStaffAbsences(db, networkId, today, today)).as('absences'),
      jsonArrayFrom(joinableNotIntroduced(db, [networkId])).as('notIntroduced'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toCoverageFrame(row),
    staff: row.staff.map(({ backupUserId, backupName, ...member }) => ({
      ...member,
      backup: backupUserId && backupName ? { userId: backupUserId, displayName: backupName } : null,
    })),
    absences: row.absences,
    notIntroduced: row.notIntroduced.map(({ userId, startedOn }) => ({ userId, startedOn })),
  };
}

/** The neighbourhoods a network covers: the wijken of its district, or its own wijk. */
export async function readNetworkNeighbourhoods(
  db: Executor,
  area: NetworkRecord['area'],
): Promise<{ id: string; name: string }[]> {
  if (area.kind === 'neighbourhood') return [{ id: area.id, name: area.name }];
  return db
    .selectFrom(joinableAreas(db).as('areas'))
    .select(['id', 'name'])
    .where('parent_id', '=', area.id)
    .orderBy('name')
    .execute();
}

/** The municipality's communities in use (not archived), by category then name. */
export async function readCommunities(db: Executor, municipalityId: string) {
  return db
    .selectFrom(joinableCommunities(db).as('communities'))
    .select(['id', 'name', 'category'])
    .where('municipality_id', '=', municipalityId)
    .where('archived', '=', false)
    .orderBy('category')
    .orderBy('name')
    .execute();
}

/** Which of these ids are neighbourhoods of the municipality, and which communities of it exist (and are active). */
export async function readValidReferences(
  db: Executor,
  municipalityId: string,
  ids: { neighbourhoodId: string | null | undefined; communityIds: string[] | undefined },
): Promise<{ neighbourhoodOk: boolean; unknownCommunityIds: string[] }> {
  let neighbourhoodOk = true;
  if (ids.neighbourhoodId) {
    const row = await db
      .selectFrom(joinableAreas(db).as('areas'))
      .select('id')
      .where('id', '=', ids.neighbourhoodId)
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'neighbourhood')
      .executeTakeFirst();
    neighbourhoodOk = row !== undefined;
  }
  const wanted = [...new Set(ids.communityIds ?? [])];
  if (wanted.length === 0) return { neighbourhoodOk, unknownCommunityIds: [] };
  const found = await db
    .selectFrom(joinableCommunities(db).as('communities'))
    .select('id')
    .where('id', 'in', wanted)
    .where('municipality_id', '=', municipalityId)
    .where('archived', '=', false)
    .execute();
  const foundIds = new Set(found.map((row) => row.id));
  return { neighbourhoodOk, unknownCommunityIds: wanted.filter((id) => !foundIds.has(id)) };
}

/** Of these networks, those whose area is one of `areaIds` (a call-out's wijken and their districts). */
export async function readNetworksInAreas(
  db: Executor,
  networkIds: readonly string[],
  areaIds: readonly string[],
): Promise<string[]> {
  if (networkIds.length === 0 || areaIds.length === 0) return [];
  const rows = await db
    .selectFrom('networks')
    .select('id')
    .where('id', 'in', [...networkIds])
    .where('area_id', 'in', [...areaIds])
    .execute();
  return rows.map((row) => row.id);
}

/** The networks by name: every network, or only these ids (meetings' year calendar). */
export async function readNetworksByName(
  db: Executor,
  networkIds: 'all' | readonly string[],
): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('networks').select(['id', 'name']).orderBy('name');
  if (networkIds !== 'all') query = query.where('id', 'in', [...networkIds]);
  return query.execute();
}

/** A network's name, status and dates (for the half-yearly evaluation's due date); undefined when unknown. */
export async function readNetworkDates(db: Executor, networkId: string) {
  return db
    .selectFrom('networks')
    .select(['id', 'name', 'status', 'founded_on as foundedOn', 'created_at as createdAt'])
    .where('id', '=', networkId)
    .executeTakeFirst();
}

/** Every network that is not archived, with its dates (the evaluation notifier's scan). */
export async function readActiveNetworkDates(db: Executor) {
  return db
    .selectFrom('networks')
    .select(['id', 'name', 'status', 'founded_on as foundedOn', 'created_at as createdAt'])
    .where('status', '!=', 'archived')
    .orderBy('name')
    .execute();
}

/** A network's name, status and municipality, without joining setup's tables; undefined when unknown. */
export async function readNetworkBasics(
  db: Executor,
  networkId: string,
): Promise<{ id: string; name: string; status: NetworkStatus; municipalityId: string } | undefined> {
  return db
    .selectFrom('networks')
    .select(['id', 'name', 'status', 'municipality_id as municipalityId'])
    .where('id', '=', networkId)
    .executeTakeFirst();
}
