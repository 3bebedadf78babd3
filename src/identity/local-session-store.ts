import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

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

/** The user id behind a token, if the session exists and has not expired. */
export async function findLocalSessionUser(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('local_sessions')
    .select('user_id')
    .where('token_hash', '=', hashSessionToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.user_id;
}

/** Ends a session (sign-out); expired sessions of anyone are removed at the same time. */
export async function deleteLocalSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db
    .deleteFrom('local_sessions')
    .where((eb) => eb.or([eb('token_hash', '=', hashSessionToken(token)), eb('expires_at', '<=', now)]))
    .execute();
}
