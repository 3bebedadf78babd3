import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import type { RecordAudit } from './audit-port.js';
import { deleteLocalSession, insertLocalSession } from './local-session-store.js';
import { findUserById, listUsers, type UserRecord } from './user-store.js';

/** A local session lasts one working day. */
export const LOCAL_SESSION_HOURS = 12;

/** The staff a developer can sign in as on a local run (the seeded, fictional demo staff). */
export async function listLocalStaff(db: Kysely<Database>): Promise<UserRecord[]> {
  return listUsers(db);
}

/** Starts a session for a staff member (audited); the caller sets the returned token as an HttpOnly cookie. */
export async function signInLocally(
  db: Kysely<Database>,
  audit: RecordAudit,
  origin: RequestOrigin,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date; user: UserRecord }> {
  const user = await findUserById(db, userId);
  if (!user) {
    await audit(db, origin, 'auth.sign-in-failed', { type: 'user', id: userId }, now, 'failed');
    throw new DomainError('not-found', 'No staff member with this id exists.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOCAL_SESSION_HOURS * 3_600_000);
  await transaction(db, async (tx) => {
    await insertLocalSession(tx, token, user.id, expiresAt);
    await audit(tx, { ...origin, actorUserId: user.id }, 'auth.sign-in', { type: 'user', id: user.id }, now);
  });
  return { token, expiresAt, user };
}

/** Ends a local session; a missing or unknown token is fine (signing out twice is harmless). */
export async function signOutLocally(
  db: Kysely<Database>,
  token: string | undefined,
  now: Date,
): Promise<void> {
  if (token) await deleteLocalSession(db, token, now);
}
