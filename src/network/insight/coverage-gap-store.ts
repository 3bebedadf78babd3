import type { Kysely, QueryCreator, Transaction } from 'kysely';
import { joinableNetworkRoles } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas, joinableCommunities, joinableNeighbourhoodCommunities } from '../../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Coverage gaps of these networks in one query, counted as the network page's coverage matrix counts them
 * (`buildCoverage`): a wijk of the network (its own area when that is a wijk, else the stadsdeel's wijken) ×
 * a community of the municipality in use, marked relevant there, without an ally of the network living in that
 * wijk and belonging to that community. Counts only, no names; a network without gaps is absent from the map.
 */
export async function countCoverageGaps(
  db: Executor,
  networkIds: readonly string[],
): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await selectCoverageGaps(db, { networkIds }).execute();
  return new Map(rows.map((row) => [row.networkId, Number(row.gaps)]));
}

/**
 * {@link countCoverageGaps} as a query to embed (the overview's one statement), of these networks or of those where
 * a user holds a role (`rolesOf`); never an empty list.
 */
export function selectCoverageGaps(
  db: QueryCreator<Database>,
  scope: { networkIds: readonly string[] } | { rolesOf: string },
) {
  return db
    .selectFrom('networks as n')
    .innerJoin(joinableAreas(db).as('a'), 'a.id', 'n.area_id')
    .innerJoin(joinableAreas(db).as('h'), (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('a.kind', '=', 'neighbourhood'), eb('h.id', '=', eb.ref('a.id'))]),
          eb.and([eb('a.kind', '<>', 'neighbourhood'), eb('h.parent_id', '=', eb.ref('a.id'))]),
        ]),
      ),
    )
    .innerJoin(joinableNeighbourhoodCommunities(db).as('nc'), 'nc.area_id', 'h.id')
    .innerJoin(joinableCommunities(db).as('c'), (join) =>
      join
        .onRef('c.id', '=', 'nc.community_id')
        .onRef('c.municipality_id', '=', 'n.municipality_id')
        .on('c.archived', '=', false),
    )
    .select('n.id as networkId')
    .select((eb) => eb.fn.countAll<string | number>().as('gaps'))
    .where((eb) =>
      'rolesOf' in scope
        ? eb(
            'n.id',
            'in',
            eb
              .selectFrom(joinableNetworkRoles(db).as('own'))
              .select('own.network_id')
              .where('own.user_id', '=', scope.rolesOf),
          )
        : eb('n.id', 'in', [...scope.networkIds]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('network_people as np')
            .innerJoin('people as p', 'p.id', 'np.person_id')
            .innerJoin('person_communities as pc', 'pc.person_id', 'p.id')
            .select('p.id')
            .whereRef('np.network_id', '=', 'n.id')
            .where('p.kind', '=', 'ally')
            .whereRef('p.neighbourhood_id', '=', 'h.id')
            .whereRef('pc.community_id', '=', 'nc.community_id'),
        ),
      ),
    )
    .groupBy('n.id');
}
