import { type Kysely, sql } from 'kysely';
import { compiledOnce } from '../platform/db/compiled-once.js';
import type { Database } from '../platform/db/schema.js';

/**
 * A user's access version (text, so both engines compare it alike), or null while nothing about their access
 * ever changed: {@link readAccessVersions} for one user (the Entra sign-in reads it when it loads a caller afresh).
 */
export async function readAccessVersion(db: Kysely<Database>, userId: string): Promise<string | null> {
  return (await readAccessVersions(db, [userId])).get(userId) ?? null;
}

/**
 * The access versions of several users in one statement (see `AccessCache`, which checks the remembered callers of
 * concurrent requests together): per user id asked, its version, or null while nothing about their access ever
 * changed (the same answer {@link readAccessVersion} gives one by one).
 */
export async function readAccessVersions(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await accessVersionsQuery(db, { userIds: [...userIds] });
  const versions = new Map<string, string | null>(userIds.map((id) => [id, null]));
  for (const row of rows) versions.set(row.userId, row.version);
  return versions;
}

/** Compiled once: it runs on every signed-in request but `/me`'s, for all the callers checked together. */
const accessVersionsQuery = compiledOnce(['userIds'], (db, values) =>
  db
    .selectFrom('access_versions')
    .select((eb) => ['user_id as userId', eb.cast<string>('version', 'text').as('version')])
    .where(sql<boolean>`user_id = any(${values.userIds}::uuid[])`),
);
