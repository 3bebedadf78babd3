import { type QueryCreator, type SqlBool, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas, joinableNeighbourhoodCommunities } from '../../setup/index.js';

const ref = (name: string) => sql.ref(name);
/** The outer statement's network's area (these lists are sub-selects of a statement over `networks`). */
const networkArea = () => sql.ref<string>('networks.area_id');

/**
 * Whether the area row `alias` is a wijk the outer statement's network covers: a wijk network its own wijk, a
 * stadsdeel network the wijken in it.
 */
const coveredByNetwork = (alias: string) =>
  sql<SqlBool>`(${ref(`${alias}.id`)} = ${networkArea()} and ${ref(`${alias}.kind`)} = 'neighbourhood') or ${ref(
    `${alias}.parent_id`,
  )} = ${networkArea()}`;

/**
 * The wijken a network covers, as a JSON array of `[id, name]` by name, for a statement over `networks`: a wijk
 * network covers its own wijk, a stadsdeel network the wijken in it. Shared by the network page's statement and
 * the coverage statement, so the two cannot disagree about what a network covers.
 */
export function networkNeighbourhoodsList(db: QueryCreator<Database>) {
  return db
    .selectFrom(joinableAreas(db).as('n'))
    .select(
      sql<
        [id: string, name: string][]
      >`coalesce(json_agg(json_build_array(${ref('n.id')}, ${ref('n.name')}) order by ${ref('n.name')}), '[]')`.as(
        'list',
      ),
    )
    .where(coveredByNetwork('n'))
    .as('neighbourhoods');
}

/**
 * The communities marked relevant in the wijken a network covers, as a JSON array of `[wijkId, communityId]`, for a
 * statement over `networks` (see {@link networkNeighbourhoodsList}).
 */
export function networkRelevantList(db: QueryCreator<Database>) {
  return db
    .selectFrom(joinableNeighbourhoodCommunities(db).as('nc'))
    .innerJoin(joinableAreas(db).as('r'), 'r.id', 'nc.area_id')
    .select(
      sql<
        [neighbourhoodId: string, communityId: string][]
      >`coalesce(json_agg(json_build_array(${ref('nc.area_id')}, ${ref('nc.community_id')})), '[]')`.as(
        'list',
      ),
    )
    .where(coveredByNetwork('r'))
    .as('relevant');
}
