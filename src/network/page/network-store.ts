import {
  type ExpressionBuilder,
  type Kysely,
  type QueryCreator,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  AUDITED_READ_RECORD_COLUMNS,
  AUDITED_READ_VALUES,
  type AuditedRead,
  type AuditedReadValues,
  auditedReadRecord,
  auditedReadStatement,
  auditedReadsStatement,
  auditedReadValues,
} from '../../audit/index.js';
import { joinableNetworkStaffAbsences, joinableNotIntroduced } from '../../continuity/index.js';
import { joinableNetworkRoles, joinableUsers } from '../../identity/index.js';
import { compiledOnce } from '../../platform/db/compiled-once.js';
import type { Database, NetworkRole, NetworkStatus } from '../../platform/db/schema.js';
import { joinableAreas, joinableCommunities, joinableMunicipalities } from '../../setup/index.js';
import { networkNeighbourhoodsList, networkRelevantList } from '../insight/coverage-frame-store.js';
import type { CommunityRef, PersonSummary } from '../schemas.js';

type FarewellReason = Database['person_farewells']['reason'];

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

/** A staff member of a network as the network page shows them (no contact data: the page shows none). */
export interface NetworkPageStaff {
  userId: string;
  displayName: string;
  /** The Entra tenant they sign in from (its configured name names their organisation). */
  tenantId: string;
  organisation: 'gemeente' | 'politie' | null;
  jobTitle: string | null;
  role: NetworkRole;
  backup: { userId: string; displayName: string } | null;
}

/** A person on the network page: the summary the page shows as it is sent, and what its warnings count. */
export interface NetworkPagePersonRecord {
  summary: PersonSummary;
  /** Only whether there is a number: the network page shows no contact data. */
  withoutMobile: boolean;
  /** The latest farewell of a former ally or key figure; null for everyone else. */
  farewell: { endedOn: string; reason: FarewellReason; backfilled: boolean } | null;
}

/** Everything the network page reads; the statement appends its audit row too. */
export interface NetworkPageRecord extends NetworkRecord {
  /** As {@link readNetworkNeighbourhoods}. */
  neighbourhoods: { id: string; name: string }[];
  /** The municipality's communities in use, by category then name (as {@link readCommunities}). */
  communities: CommunityRef[];
  /** `neighbourhoodId/communityId` for every community marked relevant in the neighbourhoods. */
  relevant: Set<string>;
  /** Everyone in the network, by name, each with their communities by name. */
  people: NetworkPagePersonRecord[];
  /** By name, as identity's `readNetworkStaff`. */
  staff: NetworkPageStaff[];
  /** Absence periods of the staff and their back-ups that include `today` (continuity; read them with `absentAt`). */
  absences: { userId: string; startsOn: string; endsOn: string }[];
  /** Newcomers not yet introduced at a meeting (continuity; read them with `overdueNewcomers`). */
  notIntroduced: { userId: string; startedOn: string }[];
  /** The change stamps read in the same statement (what a cached copy of this page is checked against). */
  stamps: NetworkPageStamps;
}

/*
 * The page's lists travel as JSON arrays of positional tuples, not objects: PostgreSQL builds and sends them in
 * about half the time (json_build_object and row_to_json per row were most of the statement's cost) and Node
 * parses a third fewer bytes. A person's communities are ids into the one list of communities.
 */
type CommunityTuple = [id: string, name: string, category: CommunityRef['category'], archived: boolean];
type FarewellTuple = [endedOn: string, reason: FarewellReason, backfilled: boolean];
type PersonTuple = [
  id: string,
  displayName: string,
  kind: PersonSummary['kind'],
  isProfessional: boolean,
  neighbourhoodId: string | null,
  neighbourhoodName: string | null,
  withoutMobile: boolean,
  communityIds: string[] | null,
  farewell: FarewellTuple | null,
];

/** Values the page statement binds, all as parameters (see {@link compiledOnce}). */
type PageValues = 'networkId' | 'today' | AuditedReadValues;

/**
 * The network page as one statement: the network with its area and municipality; its wijken; the municipality's
 * communities (and any other a person here is linked to); the relevance marks; the people with their wijk,
 * community ids, mobile or not and latest farewell; the staff with their back-ups (identity's joinable
 * sub-queries); the staff's absences on `today` and the newcomers not introduced (continuity's); and, in the
 * same statement, the audit row of the read (audit's {@link auditedReadStatement}), written only when the
 * network exists. Built and compiled once per process.
 */
const readNetworkPageStatement = compiledOnce(
  ['networkId', 'today', ...AUDITED_READ_VALUES] as PageValues[],
  (db, values) => {
    const { networkId, today } = values;
    const ref = (name: string) => sql.ref(name);
    return db
      .with('audited', (qc) =>
        auditedReadStatement(qc, values, (eb) =>
          eb.exists(eb.selectFrom('networks').select('networks.id').where('networks.id', '=', networkId)),
        ),
      )
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
      .select((eb) => [
        networkNeighbourhoodsList(db),
        eb
          .selectFrom(joinableCommunities(db).as('c'))
          .select(
            sql<
              CommunityTuple[]
            >`coalesce(json_agg(json_build_array(${ref('c.id')}, ${ref('c.name')}, ${ref('c.category')}, ${ref('c.archived')}) order by ${ref('c.category')}, ${ref('c.name')}), '[]')`.as(
              'list',
            ),
          )
          .where((w) =>
            w.or([
              w('c.municipality_id', '=', w.ref('networks.municipality_id')),
              w(
                'c.id',
                'in',
                w
                  .selectFrom('network_people')
                  .innerJoin('person_communities', 'person_communities.person_id', 'network_people.person_id')
                  .select('person_communities.community_id')
                  .where('network_people.network_id', '=', networkId),
              ),
            ]),
          )
          .as('communities'),
        networkRelevantList(db),
        // From the network's memberships (its primary key's index) to each person.
        eb
          .selectFrom('network_people')
          .innerJoin('people', 'people.id', 'network_people.person_id')
          .leftJoin(joinableAreas(db).as('wijk'), 'wijk.id', 'people.neighbourhood_id')
          .select((p) => {
            const communityIds = p
              .selectFrom('person_communities')
              .select(sql<string[]>`json_agg(${ref('person_communities.community_id')})`.as('ids'))
              .whereRef('person_communities.person_id', '=', 'people.id');
            const farewell = p
              .selectFrom('person_farewells')
              .select(
                sql<FarewellTuple>`json_build_array(${ref('ended_on')}, ${ref('reason')}, ${ref('backfilled')})`.as(
                  'farewell',
                ),
              )
              .whereRef('person_farewells.person_id', '=', 'people.id')
              .where('people.kind', 'in', ['former_ally', 'former_key_figure'])
              .orderBy('ended_on', 'desc')
              .orderBy('recorded_at', 'desc')
              .limit(1);
            return sql<
              PersonTuple[]
            >`coalesce(json_agg(json_build_array(${ref('people.id')}, ${ref('people.display_name')}, ${ref('people.kind')}, ${ref('people.is_professional')}, ${ref('wijk.id')}, ${ref('wijk.name')}, ${ref('people.mobile')} is null, (${communityIds}), (${farewell})) order by ${ref('people.display_name')}), '[]')`.as(
              'list',
            );
          })
          .where('network_people.network_id', '=', networkId)
          .as('people'),
        jsonArrayFrom(
          eb
            .selectFrom(joinableNetworkRoles(db).as('r'))
            .innerJoin(joinableUsers(db).as('u'), 'u.id', 'r.user_id')
            .leftJoin(joinableUsers(db).as('b'), 'b.id', 'r.backup_user_id')
            .select([
              'u.id as userId',
              'u.display_name as displayName',
              'u.tenant_id as tenantId',
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
      .select((eb) => {
        // The change stamps, from the same snapshot as everything above (see network-page-cache.ts).
        const { stamp, referenceStamp } = pageStamps(eb, networkId);
        return [stamp.as('stamp'), referenceStamp.as('referenceStamp')];
      })
      .where('networks.id', '=', networkId);
  },
);

/** The network's change stamp and the reference stamp (migration 0051), as text; null while never bumped. */
function pageStamps<TB extends keyof Database>(eb: ExpressionBuilder<Database, TB>, networkId: string) {
  const stampOf = (scope: string) =>
    eb
      .selectFrom('network_page_stamps as s')
      .select(sql<string | null>`${sql.ref('s.stamp')}::text`.as('stamp'))
      .where(sql.ref('s.scope'), '=', scope);
  return { stamp: stampOf(networkId), referenceStamp: stampOf(REFERENCE_SCOPE) };
}

/**
 * A digest of every change stamp (migration 0051: every network's and the reference stamp) as text: it changes
 * whenever any stamp changes, since a bump sets a stamp to a sequence value it never held before. For answers that
 * depend on many networks at once (the area overview: every network's name, status and area; the caller's
 * networks' people, staff, absences, introductions and coverage). Equality, not order: a larger maximum would not
 * do, since a transaction may take its sequence value before another commits a larger one. Embed it in the
 * statement that reads what it vouches for, so both come from one snapshot.
 */
export function everyStampDigest(db: QueryCreator<Database>) {
  return db
    .selectFrom('network_page_stamps as s')
    .select(
      sql<string>`md5(coalesce(string_agg(${sql.ref('s.scope')} || '=' || ${sql.ref('s.stamp')}::text, ',' order by ${sql.ref('s.scope')}), ''))`.as(
        'digest',
      ),
    );
}

const everyStampDigestStatement = compiledOnce([], (db) => everyStampDigest(db));

/** {@link everyStampDigest} now, in a statement of its own (an entry read with an earlier digest is checked with it). */
export async function readEveryStampDigest(db: Executor): Promise<string> {
  const [row] = await everyStampDigestStatement(db, {});
  if (!row) throw new Error('the stamp digest statement returned no row');
  return row.digest;
}

/** The stamp scope of the reference data many networks share (areas, municipalities, communities, relevance). */
const REFERENCE_SCOPE = 'reference';

/** The stamps a cached network page was read with (see {@link readNetworkPage}). */
export interface NetworkPageStamps {
  stamp: string | null;
  referenceStamp: string | null;
}

/** One cached page's check in a batch: the network, the stamps its page was read with and the view's audit row. */
export interface NetworkPageStampCheck {
  networkId: string;
  stamps: NetworkPageStamps;
  audit: AuditedRead;
}

/**
 * The stamp checks of several views as one statement (concurrent views, of the same or other networks, by any
 * viewers; see `cachedNetworkPage`). The views travel as one JSON parameter; per view, from one snapshot: whether
 * the network exists and its current stamps. Each view's own audit row (its actor, origin, time) is appended only
 * when its network exists and both stamps are still those given (the cached page is then the page now, and this
 * is the view). On a mismatch that view audits nothing: its caller reads the page afresh, and that statement
 * audits it. The statement commits all its audit rows or none.
 */
const checkNetworkPageStampsStatement = compiledOnce(['views', 'referenceScope'], (db, values) => ({
  compile: () =>
    sql<{ i: number; found: boolean; stamp: string | null; referenceStamp: string | null }>`
      with views as (
        select * from json_to_recordset(${values.views}::json) as v(
          i int, network_id uuid, stamp text, reference_stamp text, ${AUDITED_READ_RECORD_COLUMNS})
      ),
      checked as (
        select views.*, networks.id is not null as found,
          (select s.stamp::text from network_page_stamps as s where s.scope = views.network_id::text)
            as current_stamp,
          (select s.stamp::text from network_page_stamps as s where s.scope = ${values.referenceScope})
            as current_reference_stamp
        from views left join networks on networks.id = views.network_id
      ),
      audited as (${auditedReadsStatement(
        'checked',
        sql<SqlBool>`found and current_stamp is not distinct from stamp
          and current_reference_stamp is not distinct from reference_stamp`,
        sql.ref('i'),
      )})
      select i, found, current_stamp as stamp, current_reference_stamp as "referenceStamp" from checked`.compile(
      db,
    ),
}));

/**
 * Whether each page read with its `stamps` is still the page now, in one statement (see
 * {@link checkNetworkPageStampsStatement}), per check in the order given: `current` when its stamps are unchanged
 * (its audit row is then appended); undefined, with nothing audited, when there is no such network.
 */
export async function checkNetworkPageStamps(
  db: Executor,
  checks: readonly NetworkPageStampCheck[],
): Promise<({ current: boolean } | undefined)[]> {
  if (checks.length === 0) return [];
  const views = checks.map(({ networkId, stamps, audit }, i) => ({
    i,
    network_id: networkId,
    stamp: stamps.stamp,
    reference_stamp: stamps.referenceStamp,
    ...auditedReadRecord(audit),
  }));
  const rows = await checkNetworkPageStampsStatement(db, {
    views: JSON.stringify(views),
    referenceScope: REFERENCE_SCOPE,
  });
  const answers: ({ current: boolean } | undefined)[] = checks.map(() => undefined);
  for (const row of rows) {
    const check = checks[row.i];
    if (!check || !row.found) continue;
    answers[row.i] = {
      current: row.stamp === check.stamps.stamp && row.referenceStamp === check.stamps.referenceStamp,
    };
  }
  return answers;
}

/** Code-unit order, as PostgreSQL's C collation orders names (the order the people's communities had before). */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The network page in one statement, one round trip, which also appends the read's audit row (before, six
 * statements and the audit row). Undefined, with nothing audited, when there is no such network.
 */
export async function readNetworkPage(
  db: Executor,
  networkId: string,
  /** Local date (YYYY-MM-DD) whose absences count. */
  today: string,
  /** The read's audit row: who, from where, at what time. */
  audit: AuditedRead,
): Promise<NetworkPageRecord | undefined> {
  const [row] = await readNetworkPageStatement(db, { networkId, today, ...auditedReadValues(audit) });
  if (!row) return undefined;
  // One object per community, shared by every person linked to it; the coverage's list leaves out archived ones.
  const communities: CommunityRef[] = [];
  const byId = new Map<string, { ref: CommunityRef; rank: number }>();
  for (const [id, name, category, archived] of row.communities ?? []) {
    const ref = { id, name, category };
    byId.set(id, { ref, rank: 0 });
    if (!archived) communities.push(ref);
  }
  // A person's communities by name.
  [...byId.values()]
    .sort((a, b) => byName(a.ref, b.ref))
    .forEach((entry, rank) => {
      entry.rank = rank;
    });
  const communitiesOf = (ids: string[] | null): CommunityRef[] => {
    if (!ids) return [];
    const found = ids.flatMap((id) => byId.get(id) ?? []);
    if (found.length > 1) found.sort((a, b) => a.rank - b.rank);
    return found.map((entry) => entry.ref);
  };
  return {
    ...toNetworkRecord(row),
    neighbourhoods: (row.neighbourhoods ?? []).map(([id, name]) => ({ id, name })),
    communities,
    relevant: new Set((row.relevant ?? []).map(([areaId, communityId]) => `${areaId}/${communityId}`)),
    people: (row.people ?? []).map(
      ([id, displayName, kind, isProfessional, wijkId, wijkName, withoutMobile, communityIds, farewell]) => ({
        summary: {
          id,
          displayName,
          kind,
          isProfessional,
          neighbourhood: wijkId && wijkName ? { id: wijkId, name: wijkName } : null,
          communities: communitiesOf(communityIds),
        },
        withoutMobile,
        farewell: farewell ? { endedOn: farewell[0], reason: farewell[1], backfilled: farewell[2] } : null,
      }),
    ),
    staff: row.staff.map(({ backupUserId, backupName, ...member }) => ({
      ...member,
      backup: backupUserId && backupName ? { userId: backupUserId, displayName: backupName } : null,
    })),
    absences: row.absences,
    notIntroduced: row.notIntroduced.map(({ userId, startedOn }) => ({ userId, startedOn })),
    stamps: { stamp: row.stamp ?? null, referenceStamp: row.referenceStamp ?? null },
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
