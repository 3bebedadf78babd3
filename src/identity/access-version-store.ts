import type { Kysely } from 'kysely';
import { compiledOnce } from '../platform/db/compiled-once.js';
import type { Database } from '../platform/db/schema.js';

/**
 * A user's access version (text, so both engines compare it alike), or null while nothing about their access
 * ever changed. One primary-key read: it runs on every request that a cached caller answers.
 */
export async function readAccessVersion(db: Kysely<Database>, userId: string): Promise<string | null> {
  const [row] = await accessVersionQuery(db, { userId });
  return row?.version ?? null;
}

/** Compiled once (see `compiledOnce`): it runs on every signed-in request but `/me`'s. */
const accessVersionQuery = compiledOnce(['userId'], (db, values) =>
  db
    .selectFrom('access_versions')
    .select((eb) => eb.cast<string>('version', 'text').as('version'))
    .where('user_id', '=', values.userId),
);
