import { type Kysely, type QueryCreator, type SqlBool, sql, type Transaction } from 'kysely';
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
  // The networks in scope, as a condition on `column`.
  const inScope = (column: string) =>
    'rolesOf' in scope
      ? sql<SqlBool>`${sql.ref(column)} in (${db
          .selectFrom(joinableNetworkRoles(db).as('own'))
          .select('own.network_id')
          .where('own.user_id', '=', scope.rolesOf)})`
      : sql<SqlBool>`${sql.ref(column)} in (${sql.join(scope.networkIds)})`;
  // The allies of those networks by wijk and community: (network, wijk, community) is covered. No column is null.
  const covered = db
    .selectFrom('network_people as np')
    .innerJoin('people as p', 'p.id', 'np.person_id')
    .innerJoin('person_communities as pc', 'pc.person_id', 'p.id')
    .select(['np.network_id', 'p.neighbourhood_id', 'pc.community_id'])
    .where(inScope('np.network_id'))
    .where('p.kind', '=', 'ally')
    .where('p.neighbourhood_id', 'is not', null);
  return (
    db
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
      .where(inScope('n.id'))
      // Not covered: no ally of the network lives in the wijk and belongs to the community. A `not in` over the
      // allies of the networks in scope, which PostgreSQL computes once and hashes, rather than `not exists`,
      // which it ran per wijk × community (a nested loop over the network's people each time, most of the
      // overview's statement).
      .where(
        sql<SqlBool>`(${sql.ref('n.id')}, ${sql.ref('h.id')}, ${sql.ref('nc.community_id')}) not in (${covered})`,
      )
      .groupBy('n.id')
  );
}
