import type { Kysely } from 'kysely';
import type { Database, NetworkRole } from '../db/schema.js';

/** Flat rows the overview is assembled from. */
export interface AreaRows {
  municipalities: { id: string; name: string }[];
  areas: {
    id: string;
    municipalityId: string;
    parentId: string | null;
    kind: 'district' | 'neighbourhood';
    name: string;
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
    db.selectFrom('municipalities').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('areas')
      .select(['id', 'municipality_id as municipalityId', 'parent_id as parentId', 'kind', 'name'])
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
    .selectFrom('network_roles')
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
