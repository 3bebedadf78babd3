import type { Kysely } from 'kysely';
import { BoundedTtlMap } from '../platform/bounded-ttl-map.js';
import type { Database } from '../platform/db/schema.js';
import { TurnBatch } from '../platform/turn-batch.js';
import type { AccessProfile } from './access.js';
import { readAccessVersions } from './access-version-store.js';
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

/** A caller loaded afresh, to remember until `validUntil` (the session's or token's end) or the time-to-live. */
export interface LoadedCaller extends CachedCaller {
  validUntil: Date;
}

/**
 * A read a route makes about its own caller (`callerRead` on the route), made in the same statement as the check
 * of a remembered caller's access version, for the callers of several concurrent requests at once: per user id
 * asked, the user's access version read in that statement and the read's own answer; a user that does not exist
 * is absent.
 */
export type CallerRead<T = unknown> = (
  db: Kysely<Database>,
  userIds: readonly string[],
) => Promise<ReadonlyMap<string, { version: string | null; value: T }>>;

/** The plain check, when the route has no read of its own: the access versions alone. */
const versionsOnly: CallerRead<undefined> = async (db, userIds) => {
  const versions = await readAccessVersions(db, userIds);
  return new Map([...versions].map(([id, version]) => [id, { version, value: undefined }]));
};

/** What a check answers for one user: their access version and the read's own answer. */
type CheckAnswer = { version: string | null; value: unknown };

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
  /** Per read, the checks of this loop round, sent together at its end (see {@link check}). */
  private readonly batches = new Map<CallerRead, TurnBatch<string, CheckAnswer | undefined>>();
  /** Per credential, the load that the misses of this loop round share, until it starts (see {@link load}). */
  private readonly openLoads = new Map<string, Promise<LoadedCaller>>();

  constructor(
    private readonly db: Kysely<Database>,
    settings: AccessCacheSettings = DEFAULT_ACCESS_CACHE,
  ) {
    this.callers = new BoundedTtlMap(settings);
  }

  /**
   * The caller behind `key` if remembered and still current: one primary-key read of the user's access version,
   * or, given a route's `read`, that read, which reads the version in the same statement (either made for the
   * callers of concurrent requests together, see {@link check}). A different version
   * (or no user) drops the entry, and the caller is loaded afresh; `read`'s answer is then discarded.
   */
  async current(key: string, now: Date, read?: CallerRead): Promise<Principal | null> {
    const cached = this.callers.get(key, now.getTime());
    if (!cached) return null;
    const made = await this.check(read ?? versionsOnly, cached.principal.userId);
    if (!made || made.version !== cached.version) {
      this.callers.delete(key);
      return null;
    }
    const principal = issue(cached.principal, cached.access);
    if (read) callerReads.set(principal, { read, value: made.value });
    return principal;
  }

  /**
   * `read`'s answer for this user, from a statement sent after this call: the checks asked while the event loop
   * handles one round of ready connections (all the requests that arrived together) wait for the end of that round
   * (`setImmediate`) and go as one statement ({@link TurnBatch}), so concurrent requests share one round trip
   * instead of one each. A check never joins a statement already sent, so each reads a snapshot taken after its request arrived: a
   * change committed before that is seen, as with a statement of its own (see docs/architecture.md).
   */
  private check(read: CallerRead, userId: string): Promise<CheckAnswer | undefined> {
    let batch = this.batches.get(read);
    if (!batch) {
      batch = new TurnBatch(async (userIds) => {
        const answers = await read(this.db, [...new Set(userIds)]);
        return userIds.map((id) => answers.get(id));
      });
      this.batches.set(read, batch);
    }
    return batch.ask(userId);
  }

  /**
   * Loads the caller behind `key` afresh with `loader` and remembers it until `validUntil` (the session's or
   * token's end) or the time-to-live. The loader must read `version` before `access`, or in the same statement:
   * then the profile is at least as new as the version says, and any later change shows as another version.
   *
   * The requests of one credential that miss during the same loop round share one load, started at the end of
   * that round: when a caller's entry expires, the requests a page has in flight no longer each make the loader's
   * statements (session or token, access version, profile; in Entra mode also the token's validation and the
   * user's upsert). As with {@link check}, the load is closed before it starts: a request that misses from then
   * on waits for the next load, so each request's caller is read after the request arrived. When the loader
   * fails, every request that shared it fails with its error.
   */
  async load(key: string, now: Date, loader: () => Promise<LoadedCaller>): Promise<Principal> {
    let load = this.openLoads.get(key);
    if (!load) {
      load = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        // Closed before it starts: a miss from now on waits for the next load.
        this.openLoads.delete(key);
        const loaded = await loader();
        this.callers.set(key, loaded, now.getTime(), loaded.validUntil.getTime());
        return loaded;
      });
      this.openLoads.set(key, load);
    }
    const loaded = await load;
    return issue(loaded.principal, loaded.access);
  }
}
