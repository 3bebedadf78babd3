import type { Kysely } from 'kysely';
import { joinableNetworkRoles, joinableUsers } from '../../identity/index.js';
import type { Database, NetworkRole } from '../../platform/db/schema.js';
import { joinableAreas, joinableMunicipalities } from '../../setup/index.js';

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

/** Reads every municipality, area and network; none of these rows hold personal data. */
export async function readAreaRows(db: Kysely<Database>): Promise<AreaRows> {
  const [municipalities, areas, networks] = await Promise.all([
    db
      .selectFrom(joinableMunicipalities(db).as('municipalities'))
      .select(['id', 'name', 'ally_soft_limit as soft', 'ally_hard_limit as hard'])
      .orderBy('name')
      .execute()
      .then((rows) => rows.map(({ soft, hard, ...row }) => ({ ...row, limits: { soft, hard } }))),
    db
      .selectFrom(joinableAreas(db).as('areas'))
      .select([
        'id',
        'municipality_id as municipalityId',
        'parent_id as parentId',
        'kind',
        'name',
        'archived',
      ])
      .orderBy('name')
      .execute(),
    db
      .selectFrom('networks')
      .select([
        'id',
        'municipality_id as municipalityId',
        'area_id as areaId',
        'name',
        'status',
        'founded_on as foundedOn',
      ])
      // An archived network keeps its records but is no longer part of the map.
      .where('status', '<>', 'archived')
      .$narrowType<{ status: 'starting' | 'active' | 'paused' }>()
      .orderBy('name')
      .execute(),
  ]);
  return { municipalities, areas, networks };
}

/** The caller's role per network and, only for those networks, how many allies sit at the table. */
export async function readCallerNetworkFacts(
  db: Kysely<Database>,
  userId: string,
): Promise<Map<string, { role: NetworkRole; allyCount: number }>> {
  const rows = await db
    .selectFrom(joinableNetworkRoles(db).as('network_roles'))
    .leftJoin('network_people', 'network_people.network_id', 'network_roles.network_id')
    .leftJoin('people', (join) =>
      join.onRef('people.id', '=', 'network_people.person_id').on('people.kind', '=', 'ally'),
    )
    .select((eb) => [
      'network_roles.network_id as networkId',
      'network_roles.role',
      eb.fn.count<string>('people.id').as('allyCount'),
    ])
    .where('network_roles.user_id', '=', userId)
    .groupBy(['network_roles.network_id', 'network_roles.role'])
    .execute();
  return new Map(rows.map((row) => [row.networkId, { role: row.role, allyCount: Number(row.allyCount) }]));
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

/** The staff of these networks with organisation, role and back-up. */
export async function readStaffFacts(db: Kysely<Database>, networkIds: string[]): Promise<StaffFact[]> {
  if (networkIds.length === 0) return [];
  return (
    db
      .selectFrom(joinableNetworkRoles(db).as('network_roles'))
      .innerJoin(joinableUsers(db).as('users'), 'users.id', 'network_roles.user_id')
      .select([
        'network_roles.network_id as networkId',
        'network_roles.user_id as userId',
        'users.organisation',
        'network_roles.role',
        'network_roles.backup_user_id as backupUserId',
      ])
      .where('network_roles.network_id', 'in', networkIds)
      // The network page's order, so both list the same staff in the same order.
      .orderBy('users.display_name')
      .execute()
  );
}
