import { type QueryCreator, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas, joinableNeighbourhoodCommunities } from '../../setup/index.js';

const ref = (name: string) => sql.ref(name);
/** The outer statement's network's area (these lists are sub-selects of a statement over `networks`). */
const networkArea = () => sql.ref<string>('networks.area_id');

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
    .where((w) =>
      w.or([
        w.and([w('n.id', '=', networkArea()), w('n.kind', '=', 'neighbourhood')]),
        w('n.parent_id', '=', networkArea()),
      ]),
    )
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
    .where((w) =>
      w.or([
        w.and([w('r.id', '=', networkArea()), w('r.kind', '=', 'neighbourhood')]),
        w('r.parent_id', '=', networkArea()),
      ]),
    )
    .as('relevant');
}
