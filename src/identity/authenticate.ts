import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { ensureBootstrapAdministrator } from './access.js';
import type { EntraTokenValidator } from './entra-token.js';
import { findLocalSessionUser } from './local-session-store.js';
import type { Principal } from './principal.js';
import { upsertUserFromToken } from './user-store.js';

/** Name of the cookie that carries a local (developer-only) session. */
export const LOCAL_SESSION_COOKIE = 'bg_session';

/** The credentials a request carries; transport-neutral so any edge can use it. */
export interface Credentials {
  authorization: string | undefined;
  cookies: Record<string, string>;
}

/** Turns a request's credentials into a principal; null when it carries none. */
export type Authenticator = (credentials: Credentials) => Promise<Principal | null>;

/** Local mode: a server-side session row, created by the local sign-in. Bearer tokens are not accepted. */
export function localAuthenticator(db: Kysely<Database>, now: () => Date = () => new Date()): Authenticator {
  return async ({ authorization, cookies }) => {
    if (authorization)
      throw new DomainError('unauthenticated', 'This local server only accepts the local sign-in.');
    const token = cookies[LOCAL_SESSION_COOKIE];
    if (!token) return null;
    const user = await findLocalSessionUser(db, token, now());
    if (!user) throw new DomainError('unauthenticated', 'The session has ended; sign in again.');
    return {
      userId: user.id,
      tenantId: user.tenantId,
      objectId: user.objectId,
      displayName: user.displayName,
      method: 'local',
    };
  };
}

/**
 * Entra mode: a Teams SSO bearer token, validated; the user row is created on first use, and a
 * home-tenant user listed in BOOTSTRAP_ADMINS becomes administrator.
 */
export function entraAuthenticator(
  db: Kysely<Database>,
  validator: EntraTokenValidator,
  bootstrap: { homeTenantId: string; adminObjectIds: readonly string[] },
): Authenticator {
  return async ({ authorization }) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const identity = await validator.validate(match[1]);
    // Staff of the home tenant work for the municipality; the other allowed tenant is the police's.
    const organisation = identity.tenantId === bootstrap.homeTenantId ? 'gemeente' : 'politie';
    const user = await upsertUserFromToken(db, { ...identity, organisation });
    if (
      identity.tenantId === bootstrap.homeTenantId &&
      bootstrap.adminObjectIds.includes(identity.objectId)
    ) {
      await ensureBootstrapAdministrator(db, user.id);
    }
    return {
      tenantId: identity.tenantId,
      objectId: identity.objectId,
      displayName: identity.displayName,
      userId: user.id,
      method: 'entra',
    };
  };
}
