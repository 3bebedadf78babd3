import type { Kysely, QueryCreator } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  joinableNotIntroducedIn,
  joinableStaffAbsencesIn,
  type NetworkScope,
} from '../../continuity/index.js';
import { joinableNetworkRoles, joinableUsers } from '../../identity/index.js';
import { compiledOnce } from '../../platform/db/compiled-once.js';
import type { Database, NetworkRole } from '../../platform/db/schema.js';
import { joinableAreas, joinableMunicipalities } from '../../setup/index.js';
import { selectCoverageGaps } from '../insight/coverage-gap-store.js';
import { everyStampDigest } from '../page/network-store.js';

/** Flat rows the overview is assembled from. */
export interface AreaRows {
  municipalities: { id: string; name: string; limits: { soft: number; hard: number } }[];
  areas: {
    id: string;
    municipalityId: string;
    parentId: string | null;
    kind: 'district' | 'neighbourhood';
    name: string;
    archived: boolean;
  }[];
  networks: {
    id: string;
    municipalityId: string;
    areaId: string;
    name: string;
    status: 'starting' | 'active' | 'paused';
    foundedOn: string | null;
  }[];
}

/** A staff member as the warnings see them (no names: the overview lists none). */
export interface StaffFact {
  networkId: string;
  userId: string;
  organisation: 'gemeente' | 'politie' | null;
  role: NetworkRole;
  backupUserId: string | null;
  /** Absent today (continuity); filled by the service, not the store. */
  absent?: boolean;
  /** Their back-up is absent today too. */
  backupAbsent?: boolean;
  /** Not yet introduced at a meeting six weeks after getting the role (continuity); filled by the service. */
  notIntroduced?: boolean;
}

/** Everything the overview is assembled from, read in one statement (see {@link readAreaOverviewRecord}). */
export interface AreaOverviewRecord {
  rows: AreaRows;
  /** The caller's role per network and, only there, how many allies sit at the table. */
  callerFacts: Map<string, { role: NetworkRole; allyCount: number }>;
  /** The staff of the networks whose warnings the caller sees (theirs; every network for administrators). */
  staff: StaffFact[];
  /** Coverage gaps of the caller's networks (absent: none). */
  gaps: Map<string, number>;
  /** Absence periods of that staff and their back-ups overlapping `today` (continuity; read with `absentAt`). */
  absences: { userId: string; startsOn: string; endsOn: string }[];
  /** Newcomers of those networks not introduced at a meeting (continuity; read with `overdueNewcomers`). */
  notIntroduced: { networkId: string; userId: string; startedOn: string }[];
  /**
   * The digest of every change stamp (migration 0051), read in the same statement: a cached overview is current
   * while the digest is unchanged (see area-overview-cache.ts).
   */
  stampDigest: string;
}

/**
 * The overview statement for a caller who is (or is not) an administrator, built with placeholders for the
 * caller and the day (see {@link compiledOnce}).
 */
function areaOverviewStatement(isAdministrator: boolean) {
  return (db: QueryCreator<Database>, { userId, today }: Record<'userId' | 'today', string>) => {
    const scope: NetworkScope = isAdministrator ? { everyNetwork: true } : { rolesOf: userId };
    return db.selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom(joinableMunicipalities(db).as('municipalities'))
          .select(['id', 'name', 'ally_soft_limit as soft', 'ally_hard_limit as hard'])
          .orderBy('name'),
      ).as('municipalities'),
      jsonArrayFrom(
        eb
          .selectFrom(joinableAreas(db).as('areas'))
          .select([
            'id',
            'municipality_id as municipalityId',
            'parent_id as parentId',
            'kind',
            'name',
            'archived',
          ])
          .orderBy('name'),
      ).as('areas'),
      jsonArrayFrom(
        eb
          .selectFrom('networks')
          .select([
            'id',
            'municipality_id as municipalityId',
            'area_id as areaId',
            'name',
            'status',
            'founded_on as foundedOn',
          ])
          .where('status', '<>', 'archived')
          .$narrowType<{ status: 'starting' | 'active' | 'paused' }>()
          .orderBy('name'),
      ).as('networks'),
      jsonArrayFrom(
        eb
          .selectFrom(joinableNetworkRoles(db).as('network_roles'))
          .leftJoin('network_people', 'network_people.network_id', 'network_roles.network_id')
          .leftJoin('people', (join) =>
            join.onRef('people.id', '=', 'network_people.person_id').on('people.kind', '=', 'ally'),
          )
          .select((inner) => [
            'network_roles.network_id as networkId',
            'network_roles.role',
            inner.fn.count<number>('people.id').as('allyCount'),
          ])
          .where('network_roles.user_id', '=', userId)
          .groupBy(['network_roles.network_id', 'network_roles.role']),
      ).as('callerFacts'),
      jsonArrayFrom(
        eb
          .selectFrom(joinableNetworkRoles(db).as('network_roles'))
          .innerJoin(joinableUsers(db).as('users'), 'users.id', 'network_roles.user_id')
          .select([
            'network_roles.network_id as networkId',
            'network_roles.user_id as userId',
            'users.organisation',
            'network_roles.role',
            'network_roles.backup_user_id as backupUserId',
          ])
          .where((inner) =>
            isAdministrator
              ? inner(
                  'network_roles.network_id',
                  'in',
                  inner.selectFrom('networks').select('id').where('status', '<>', 'archived'),
                )
              : inner(
                  'network_roles.network_id',
                  'in',
                  inner
                    .selectFrom(joinableNetworkRoles(db).as('own'))
                    .select('own.network_id')
                    .where('own.user_id', '=', userId),
                ),
          )
          // The network page's order, so both list the same staff in the same order.
          .orderBy('users.display_name'),
      ).as('staff'),
      jsonArrayFrom(selectCoverageGaps(db, { rolesOf: userId })).as('gaps'),
      jsonArrayFrom(joinableStaffAbsencesIn(db, scope, today, today)).as('absences'),
      jsonArrayFrom(joinableNotIntroducedIn(db, scope)).as('notIntroduced'),
      // The change stamps' digest, from the same snapshot as everything above (see area-overview-cache.ts).
      everyStampDigest(db).as('stampDigest'),
    ]);
  };
}

/**
 * Built and compiled once per process per kind of caller: building and compiling this statement with Kysely cost
 * more CPU per request than reading its answer.
 */
const areaOverviewQueries = {
  administrator: compiledOnce(['userId', 'today'], areaOverviewStatement(true)),
  staff: compiledOnce(['userId', 'today'], areaOverviewStatement(false)),
};

/**
 * The overview in one statement, one round trip: municipalities, areas and networks; the caller's roles with
 * ally counts; the staff, their absences on `today` and the newcomers not introduced (continuity's sub-queries) of
 * the networks where the caller holds a role, or of every network for an administrator; the coverage gaps of the
 * caller's networks. Before, eight statements in three waves. None of it names a person.
 */
export async function readAreaOverviewRecord(
  db: Kysely<Database>,
  userId: string,
  isAdministrator: boolean,
  /** Local date (YYYY-MM-DD) whose absences count. */
  today: string,
): Promise<AreaOverviewRecord> {
  const query = isAdministrator ? areaOverviewQueries.administrator : areaOverviewQueries.staff;
  const [row] = await query(db, { userId, today });
  if (!row) throw new Error('the area overview statement returned no row');
  return {
    rows: {
      municipalities: row.municipalities.map(({ soft, hard, ...municipality }) => ({
        ...municipality,
        limits: { soft, hard },
      })),
      areas: row.areas,
      networks: row.networks,
    },
    callerFacts: new Map(
      row.callerFacts.map((fact) => [fact.networkId, { role: fact.role, allyCount: Number(fact.allyCount) }]),
    ),
    staff: row.staff,
    gaps: new Map(row.gaps.map((gap) => [gap.networkId, Number(gap.gaps)])),
    absences: row.absences,
    notIntroduced: row.notIntroduced,
    stampDigest: row.stampDigest ?? '',
  };
}
