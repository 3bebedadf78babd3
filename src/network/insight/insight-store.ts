import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableCommunities } from '../../setup/index.js';
import type { PersonSummary } from '../schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The target profile of a network, all dimensions. */
export async function readTargetProfile(db: Executor, networkId: string) {
  const rows = await db
    .selectFrom('network_target_profiles')
    .select(['dimension', 'value', 'share'])
    .where('network_id', '=', networkId)
    .execute();
  return rows.map((row) => ({ ...row, share: Number(row.share) }));
}

/** Replaces one dimension of a network's target profile. */
export async function replaceTargetDimension(
  tx: Transaction<Database>,
  networkId: string,
  dimension: 'age_band' | 'gender' | 'community',
  targets: { value: string; share: number }[],
): Promise<void> {
  await tx
    .deleteFrom('network_target_profiles')
    .where('network_id', '=', networkId)
    .where('dimension', '=', dimension)
    .execute();
  if (targets.length > 0) {
    await tx
      .insertInto('network_target_profiles')
      .values(targets.map((t) => ({ network_id: networkId, dimension, value: t.value, share: t.share })))
      .execute();
  }
}

/** Filters of a person search; only people in `networkIds` are ever considered. */
export interface PersonSearch {
  networkIds: string[];
  text?: string | undefined;
  communityId?: string | undefined;
  neighbourhoodId?: string | undefined;
  kind?: PersonSummary['kind'] | undefined;
  limit: number;
}

/** Ids of people in the given networks matching every filter (name, community or organisation for the text). */
export async function searchPersonIds(db: Executor, search: PersonSearch): Promise<string[]> {
  if (search.networkIds.length === 0) return [];
  let query = db
    .selectFrom('people')
    .innerJoin('network_people', 'network_people.person_id', 'people.id')
    .select('people.id')
    .distinct()
    .where('network_people.network_id', 'in', search.networkIds);
  if (search.kind) query = query.where('people.kind', '=', search.kind);
  if (search.neighbourhoodId) query = query.where('people.neighbourhood_id', '=', search.neighbourhoodId);
  if (search.communityId) {
    const communityId = search.communityId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_communities')
          .select('person_id')
          .whereRef('person_id', '=', 'people.id')
          .where('community_id', '=', communityId),
      ),
    );
  }
  if (search.text) {
    // ILIKE with the user's text escaped, so % and _ are literal characters.
    const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('people.display_name', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('person_communities')
            .innerJoin(
              joinableCommunities(db).as('communities'),
              'communities.id',
              'person_communities.community_id',
            )
            .select('person_communities.person_id')
            .whereRef('person_communities.person_id', '=', 'people.id')
            .where('communities.name', 'ilike', pattern),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('people.id').limit(search.limit).execute();
  return rows.map((row) => row.id);
}
