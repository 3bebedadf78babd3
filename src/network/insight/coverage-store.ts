import { type Kysely, sql, type Transaction } from 'kysely';
import { compiledOnce } from '../../platform/db/compiled-once.js';
import type { Database } from '../../platform/db/schema.js';
import { joinableCommunities } from '../../setup/index.js';
import type { Coverage } from '../schemas.js';
import type { CoverageCounts } from './coverage.js';
import { networkNeighbourhoodsList, networkRelevantList } from './coverage-frame-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

type CommunityTuple = [id: string, name: string, category: Coverage['communities'][number]['category']];
type CountTuple = [neighbourhoodId: string, communityId: string, allies: number, keyFigures: number];

/** What the coverage matrix is built from: the frame, and counts instead of the people themselves. */
export interface CoverageCountsRecord {
  neighbourhoods: Coverage['neighbourhoods'];
  communities: Coverage['communities'];
  /** `neighbourhoodId/communityId` of every community marked relevant in a neighbourhood of the network. */
  relevant: Set<string>;
  counts: CoverageCounts;
}

/**
 * A network's coverage frame and, per wijk × community, how many of its allies and key figures live there and
 * belong to it, in one statement, built and compiled once per process (see {@link compiledOnce}). The matrix
 * shows counts only: no person's name, age or gender is read for it (the network page's people list was, about
 * two thirds of this route's cost in PostgreSQL and in Node). Lists travel as JSON arrays of tuples.
 */
const coverageStatement = compiledOnce(['networkId'], (db, { networkId }) => {
  const ref = (name: string) => sql.ref(name);
  return db
    .selectFrom('networks')
    .where('networks.id', '=', networkId)
    .select((eb) => [
      networkNeighbourhoodsList(db),
      eb
        .selectFrom(joinableCommunities(db).as('c'))
        .select(
          sql<
            CommunityTuple[]
          >`coalesce(json_agg(json_build_array(${ref('c.id')}, ${ref('c.name')}, ${ref('c.category')}) order by ${ref('c.category')}, ${ref('c.name')}), '[]')`.as(
            'list',
          ),
        )
        .where('c.municipality_id', '=', eb.ref('networks.municipality_id'))
        .where('c.archived', '=', false)
        .as('communities'),
      networkRelevantList(db),
      // Allies and key figures of the network per wijk × community (former ones count for nothing).
      eb
        .selectFrom(
          db
            .selectFrom('network_people as np')
            .innerJoin('people as p', 'p.id', 'np.person_id')
            .innerJoin('person_communities as pc', 'pc.person_id', 'p.id')
            .select([
              'p.neighbourhood_id as neighbourhoodId',
              'pc.community_id as communityId',
              sql<number>`count(*) filter (where ${ref('p.kind')} = 'ally')::int`.as('allies'),
              sql<number>`count(*) filter (where ${ref('p.kind')} = 'key_figure')::int`.as('keyFigures'),
            ])
            .where('np.network_id', '=', networkId)
            .where('p.kind', 'in', ['ally', 'key_figure'])
            .where('p.neighbourhood_id', 'is not', null)
            .groupBy(['p.neighbourhood_id', 'pc.community_id'])
            .as('counted'),
        )
        .select(
          sql<
            CountTuple[]
          >`coalesce(json_agg(json_build_array(${ref('counted.neighbourhoodId')}, ${ref('counted.communityId')}, ${ref('counted.allies')}, ${ref('counted.keyFigures')})), '[]')`.as(
            'list',
          ),
        )
        .as('counts'),
    ]);
});

/** The coverage frame and counts of a network (see {@link coverageStatement}); undefined when there is no such network. */
export async function readCoverageCounts(
  db: Executor,
  networkId: string,
): Promise<CoverageCountsRecord | undefined> {
  const [row] = await coverageStatement(db, { networkId });
  if (!row) return undefined;
  const counts: CoverageCounts = new Map();
  for (const [neighbourhoodId, communityId, allies, keyFigures] of row.counts ?? [])
    counts.set(`${neighbourhoodId}/${communityId}`, { allies, keyFigures });
  return {
    neighbourhoods: (row.neighbourhoods ?? []).map(([id, name]) => ({ id, name })),
    communities: (row.communities ?? []).map(([id, name, category]) => ({ id, name, category })),
    relevant: new Set((row.relevant ?? []).map(([area, community]) => `${area}/${community}`)),
    counts,
  };
}
