import type { Kysely } from 'kysely';
import { BoundedTtlMap } from '../platform/bounded-ttl-map.js';
import type { Database } from '../platform/db/schema.js';
import type { AccessProfile } from './access.js';
import { readAccessVersion } from './access-version-store.js';
import type { Principal } from './principal.js';

/** How long an instance trusts what it remembers of a caller without a change, and how many callers it keeps. */
export interface AccessCacheSettings {
  ttlMs: number;
  maxEntries: number;
}

/** Five seconds and 10,000 callers (a few MB at most): enough for a page's burst of requests. */
export const DEFAULT_ACCESS_CACHE: AccessCacheSettings = { ttlMs: 5_000, maxEntries: 10_000 };

/** What an instance remembers of one credential (a session token or a bearer token, by hash). */
interface CachedCaller {
  principal: Principal;
  access: AccessProfile;
  /** The user's access version read no later than `access` was loaded (null: never changed yet). */
  version: string | null;
}

/**
 * A read a route makes about its own caller (`callerRead` on the route), made in the same statement as the check
 * of a remembered caller's access version: it returns the user's access version read in that statement, and
 * its own answer. Undefined when the user does not exist.
 */
export type CallerRead<T = unknown> = (
  db: Kysely<Database>,
  userId: string,
) => Promise<{ version: string | null; value: T } | undefined>;

/** The access profile loaded or checked for this request's principal (each request gets its own object). */
const verifiedAccess = new WeakMap<Principal, AccessProfile>();

/** What a route's {@link CallerRead} answered for this request's principal, when the cache check made it. */
const callerReads = new WeakMap<Principal, { read: CallerRead; value: unknown }>();

/**
 * The answer `read` gave for this request's principal while checking it, or undefined when the caller was
 * loaded afresh (or checked without `read`): the route then reads it itself.
 */
export function callerReadOf<T>(principal: Principal, read: CallerRead<T>): T | undefined {
  const made = callerReads.get(principal);
  return made?.read === read ? (made.value as T) : undefined;
}

/** The access profile the authenticator already loaded and checked for this principal, if any. */
export function accessOf(principal: Principal): AccessProfile | undefined {
  return verifiedAccess.get(principal);
}

/** A fresh principal object for one request, carrying its checked access profile (see {@link accessOf}). */
function issue(principal: Principal, access: AccessProfile): Principal {
  const own = { ...principal };
  verifiedAccess.set(own, access);
  return own;
}

/**
 * The session (or token) lookup and access profile of recent callers, kept per instance for a few seconds and
 * checked on every request against the user's access version in the database: a trigger bumps that version in
 * the same transaction as every role, administrator or session change (migration 0041), so an entry is used
 * only while nothing about the user's access has committed since it was loaded, on whichever instance the
 * change was made. See docs/architecture.md, "The access cache".
 */
export class AccessCache {
  private readonly callers: BoundedTtlMap<string, CachedCaller>;

  constructor(
    private readonly db: Kysely<Database>,
    settings: AccessCacheSettings = DEFAULT_ACCESS_CACHE,
  ) {
    this.callers = new BoundedTtlMap(settings);
  }

  /**
   * The caller behind `key` if remembered and still current: one primary-key read of the user's access version,
   * or, given a route's `read`, that read, which reads the version in the same statement. A different version
   * (or no user) drops the entry, and the caller is loaded afresh; `read`'s answer is then discarded.
   */
  async current(key: string, now: Date, read?: CallerRead): Promise<Principal | null> {
    const cached = this.callers.get(key, now.getTime());
    if (!cached) return null;
    const made = read
      ? await read(this.db, cached.principal.userId)
      : { version: await readAccessVersion(this.db, cached.principal.userId), value: undefined };
    if (!made || made.version !== cached.version) {
      this.callers.delete(key);
      return null;
    }
    const principal = issue(cached.principal, cached.access);
    if (read) callerReads.set(principal, { read, value: made.value });
    return principal;
  }

  /**
   * Remembers a caller loaded afresh, until `validUntil` (the session's or token's end) or the time-to-live.
   * `version` must have been read before `access` was, or in the same statement: then the profile is at least
   * as new as the version says, and any later change shows as another version.
   */
  remember(
    key: string,
    loaded: { principal: Principal; access: AccessProfile; version: string | null },
    now: Date,
    validUntil: Date,
  ): Principal {
    this.callers.set(key, loaded, now.getTime(), validUntil.getTime());
    return issue(loaded.principal, loaded.access);
  }
}
