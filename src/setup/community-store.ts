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
