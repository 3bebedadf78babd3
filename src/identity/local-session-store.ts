import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { addDays, startOfLocalDate } from '../platform/time.js';

/**
 * Only a hash of the session token is stored, so a copy of the database cannot be used to sign in. Every
 * signed-in request hashes its token (the access cache's key): the one-shot `hash` costs half `createHash`.
 */
export function hashSessionToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Stores a new session for a user until `expiresAt`. */
export async function insertLocalSession(
  db: Kysely<Database> | Transaction<Database>,
  token: string,
  userId: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('local_sessions')
    .values({ token_hash: hashSessionToken(token), user_id: userId, expires_at: expiresAt })
    .execute();
}

/**
 * The user behind a token, if the session exists and has not expired, with the session's end and the user's
 * access version read in the same statement (so in one snapshot: the version is never newer than the session
 * it vouches for). One query: it runs on every request the access cache cannot answer.
 */
export async function findLocalSessionUser(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<
  | {
      id: string;
      tenantId: string;
      objectId: string;
      displayName: string;
      expiresAt: Date;
      accessVersion: string | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('local_sessions')
    .innerJoin('users', 'users.id', 'local_sessions.user_id')
    .leftJoin('access_versions', 'access_versions.user_id', 'users.id')
    .select((eb) => [
      'users.id',
      'users.tenant_id as tenantId',
      'users.aad_object_id as objectId',
      'users.display_name as displayName',
      'local_sessions.expires_at as expiresAt',
      eb.cast<string | null>('access_versions.version', 'text').as('accessVersion'),
    ])
    .where('local_sessions.token_hash', '=', hashSessionToken(token))
    .where('local_sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row && { ...row, expiresAt: new Date(row.expiresAt) };
}

/** Ends a session (sign-out); expired sessions of anyone are removed at the same time. */
export async function deleteLocalSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db
    .deleteFrom('local_sessions')
    .where((eb) => eb.or([eb('token_hash', '=', hashSessionToken(token)), eb('expires_at', '<=', now)]))
    .execute();
}

/**
 * Retention of local sign-in sessions (issue 18, kind `local-sessions`): deletes the sessions that expired on
 * or before the local day `onOrBefore` (Europe/Amsterdam); with `dryRun` it only counts. Sessions belong to the
 * deployment, not to one municipality. Returns the sessions deleted (or due).
 */
export async function expireLocalSessions(
  db: Kysely<Database>,
  request: { onOrBefore: string; dryRun: boolean },
): Promise<number> {
  const before = new Date(startOfLocalDate(addDays(request.onOrBefore, 1)));
  if (request.dryRun) {
    const row = await db
      .selectFrom('local_sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('expires_at', '<', before)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
  const result = await db.deleteFrom('local_sessions').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
