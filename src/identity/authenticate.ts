import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { ensureBootstrapAdministrator, loadAccessProfile } from './access.js';
import { AccessCache, type CallerRead } from './access-cache.js';
import { readAccessVersion } from './access-version-store.js';
import type { EntraTokenValidator } from './entra-token.js';
import { findLocalSessionUser, hashSessionToken } from './local-session-store.js';
import type { Principal } from './principal.js';
import { upsertUserFromToken } from './user-store.js';

/** Name of the cookie that carries a local (developer-only) session. */
export const LOCAL_SESSION_COOKIE = 'bg_session';

/** The credentials a request carries; transport-neutral so any edge can use it. */
export interface Credentials {
  authorization: string | undefined;
  cookies: Record<string, string>;
}

/**
 * Turns a request's credentials into a principal; null when it carries none. The principal carries the
 * caller's access profile, checked for this request (`accessOf` in access-cache.ts), and, when a remembered
 * caller was checked with the route's `read`, that read's answer (`callerReadOf`).
 */
export type Authenticator = (credentials: Credentials, read?: CallerRead) => Promise<Principal | null>;

/**
 * Local mode: a server-side session row, created by the local sign-in. Bearer tokens are not accepted.
 * A remembered session costs one primary-key read (its user's access version); a sign-out, expiry or role
 * change is seen on the very next request (see {@link AccessCache}).
 */
export function localAuthenticator(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
  cache: AccessCache = new AccessCache(db),
): Authenticator {
  return async ({ authorization, cookies }, read) => {
    if (authorization)
      throw new DomainError('unauthenticated', 'This local server only accepts the local sign-in.');
    const token = cookies[LOCAL_SESSION_COOKIE];
    if (!token) return null;
    const at = now();
    const key = `session:${hashSessionToken(token)}`;
    const remembered = await cache.current(key, at, read);
    if (remembered) return remembered;
    return cache.load(key, at, async () => {
      // The session and the access version in one statement, the profile after it: see AccessCache.load.
      const user = await findLocalSessionUser(db, token, at);
      if (!user) throw new DomainError('unauthenticated', 'The session has ended; sign in again.');
      const principal: Principal = {
        userId: user.id,
        tenantId: user.tenantId,
        objectId: user.objectId,
        displayName: user.displayName,
        method: 'local',
      };
      const access = await loadAccessProfile(db, user.id);
      return { principal, access, version: user.accessVersion, validUntil: user.expiresAt };
    });
  };
}

/**
 * Entra mode: a Teams SSO bearer token, validated; the user row is created on first use, and a
 * home-tenant user listed in BOOTSTRAP_ADMINS becomes administrator. A token seen within the last seconds
 * is neither validated nor stored again: the same token carries the same claims.
 */
export function entraAuthenticator(
  db: Kysely<Database>,
  validator: EntraTokenValidator,
  bootstrap: { homeTenantId: string; adminObjectIds: readonly string[] },
  options: { now?: () => Date; cache?: AccessCache } = {},
): Authenticator {
  const now = options.now ?? (() => new Date());
  const cache = options.cache ?? new AccessCache(db);
  return async ({ authorization }, read) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const at = now();
    // Only a hash of the token is kept in memory as the key, like the session tokens in the database.
    const key = `bearer:${hash('sha256', match[1], 'hex')}`;
    const remembered = await cache.current(key, at, read);
    if (remembered) return remembered;
    const token = match[1];
    return cache.load(key, at, async () => {
      const identity = await validator.validate(token);
      // Staff of the home tenant work for the municipality; the other allowed tenant is the police's.
      const organisation = identity.tenantId === bootstrap.homeTenantId ? 'gemeente' : 'politie';
      const user = await upsertUserFromToken(db, { ...identity, organisation });
      if (
        identity.tenantId === bootstrap.homeTenantId &&
        bootstrap.adminObjectIds.includes(identity.objectId)
      ) {
        await ensureBootstrapAdministrator(db, user.id);
      }
      const principal: Principal = {
        tenantId: identity.tenantId,
        objectId: identity.objectId,
        displayName: identity.displayName,
        userId: user.id,
        method: 'entra',
      };
      // The version before the profile: see AccessCache.load.
      const version = await readAccessVersion(db, user.id);
      const access = await loadAccessProfile(db, user.id);
      return { principal, access, version, validUntil: identity.expiresAt };
    });
  };
}
