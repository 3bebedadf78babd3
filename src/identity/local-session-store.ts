import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** Only a hash of the session token is stored, so a copy of the database cannot be used to sign in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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

/** The user behind a token, if the session exists and has not expired (one query: it runs on every request). */
export async function findLocalSessionUser(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ id: string; tenantId: string; objectId: string; displayName: string } | undefined> {
  return db
    .selectFrom('local_sessions')
    .innerJoin('users', 'users.id', 'local_sessions.user_id')
    .select([
      'users.id',
      'users.tenant_id as tenantId',
      'users.aad_object_id as objectId',
      'users.display_name as displayName',
    ])
    .where('local_sessions.token_hash', '=', hashSessionToken(token))
    .where('local_sessions.expires_at', '>', now)
    .executeTakeFirst();
}

/** Ends a session (sign-out); expired sessions of anyone are removed at the same time. */
export async function deleteLocalSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db
    .deleteFrom('local_sessions')
    .where((eb) => eb.or([eb('token_hash', '=', hashSessionToken(token)), eb('expires_at', '<=', now)]))
    .execute();
}
