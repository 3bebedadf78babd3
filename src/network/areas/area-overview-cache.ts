import { DayCache, type DayCacheSettings } from '../../platform/day-cache.js';
import type { ValidatedJson } from '../../platform/http/validated-json.js';

/** How many callers' overviews an instance keeps, and how long an unasked one stays. */
export type AreaOverviewCacheSettings = DayCacheSettings;

/**
 * 1,000 callers for 10 minutes. An entry is the overview's validated JSON text; Benchstad's (two municipalities, 54
 * areas, 53 networks) is about 20 KB, the demo's about 2 KB, so the bound is about 20 MB at most. The time to live
 * only frees memory: whether an entry may be used is decided by the stamp digest alone.
 */
export const DEFAULT_AREA_OVERVIEW_CACHE: AreaOverviewCacheSettings = {
  maxEntries: 1000,
  ttlMs: 10 * 60_000,
};

/** One caller's overview as it was sent, with what decides whether it is still the overview now. */
export interface CachedAreaOverview {
  /** The digest of every change stamp, read in the same statement as the overview (`everyStampDigest`). */
  stampDigest: string;
  /** The local (Amsterdam) date whose absences and overdue introductions it shows: another day's is not used. */
  today: string;
  /** The whole answer, validated by the route's schema and serialised once. */
  json: ValidatedJson;
}

/**
 * The area overviews (`GET /areas`) this instance sent recently, per caller and kind of caller: what a caller may
 * see depends on who they are (their roles, ally counts and warnings) and on whether they are an administrator
 * (every network's staffing warnings), so the key is both, and no caller is ever answered from another's entry.
 * The administrator flag comes from the access profile the router loaded and checked against the caller's access
 * version on this very request; the route's permission runs before this is consulted and is never skipped.
 *
 * An entry is used only after one statement finds the digest of every change stamp (migration 0051: triggers on
 * every table the overview reads bump them in the writing transaction) equal to the one read with it; so every
 * write, by any path on any instance, makes the next request read afresh. See docs/architecture.md, "The area
 * overview cache".
 */
export class AreaOverviewCache extends DayCache<string, CachedAreaOverview> {
  constructor(settings: AreaOverviewCacheSettings = DEFAULT_AREA_OVERVIEW_CACHE) {
    super(settings);
  }

  /** The entry key of a caller: who they are and whether they are an administrator. */
  static keyOf(userId: string, isAdministrator: boolean): string {
    return `${isAdministrator ? 'administrator' : 'staff'}/${userId}`;
  }
}
