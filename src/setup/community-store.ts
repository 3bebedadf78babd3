import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** These communities with their observance traditions, by name (meetings' planner respects them). */
export async function readCommunitiesByIds(
  db: Executor,
  ids: readonly string[],
): Promise<{ name: string; category: 'religion' | 'origin' | 'group'; traditions: string[] }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('communities')
    .select(['name', 'category', 'traditions'])
    .distinct()
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

const managedColumns = ['id', 'name', 'category', 'traditions', 'archived'] as const;

/** Adds a community to the municipality's managed list; undefined when the name exists already. */
export async function insertCommunity(
  tx: Transaction<Database>,
  municipalityId: string,
  values: { name: string; category: 'religion' | 'origin' | 'group'; traditions: string[] },
) {
  return tx
    .insertInto('communities')
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning(managedColumns)
    .executeTakeFirst();
}

/** Renames, re-kinds, sets traditions, archives or restores a community; false when it is not the municipality's. */
export async function updateCommunityRow(
  tx: Transaction<Database>,
  municipalityId: string,
  communityId: string,
  change: {
    name?: string;
    category?: 'religion' | 'origin' | 'group';
    traditions?: string[];
    archived?: boolean;
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('communities')
    .set(change)
    .where('id', '=', communityId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Replaces the communities marked relevant in one neighbourhood (a network's coverage settings). */
export async function replaceNeighbourhoodCommunities(
  tx: Transaction<Database>,
  neighbourhoodId: string,
  communityIds: readonly string[],
): Promise<void> {
  await tx.deleteFrom('neighbourhood_communities').where('area_id', '=', neighbourhoodId).execute();
  if (communityIds.length > 0) {
    await tx
      .insertInto('neighbourhood_communities')
      .values(
        [...new Set(communityIds)].map((communityId) => ({
          area_id: neighbourhoodId,
          community_id: communityId,
        })),
      )
      .execute();
  }
}
