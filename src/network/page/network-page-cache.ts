import { DayCache, type DayCacheSettings } from '../../platform/day-cache.js';
import type { ValidatedFields } from '../../platform/http/validated-json.js';
import type { NetworkDetail, networkDetailSchema } from '../schemas.js';
import type { NetworkPageStamps } from './network-store.js';

/** How many networks' pages an instance keeps, and how long an unviewed one stays. */
export type NetworkPageCacheSettings = DayCacheSettings;

/**
 * 200 networks for 10 minutes. An entry is the page's validated JSON text; the page of Benchstad's largest network
 * (63 people) serialises to about 28 KB, so the bound is several MB at most. The time to live only frees memory:
 * whether an entry may be used is decided by its stamps alone.
 */
export const DEFAULT_NETWORK_PAGE_CACHE: NetworkPageCacheSettings = { maxEntries: 200, ttlMs: 10 * 60_000 };

/** The page's fields that do not depend on the viewer: all but `myRole`. */
export type FixedNetworkPageField = Exclude<keyof NetworkDetail, 'myRole'>;

/**
 * A network page as every viewer sees it on one local (Amsterdam) day, validated by the page schema's fields and
 * serialised once per entry. Who is absent (`absentUntil`, the back-up warnings) and which introductions are overdue
 * depend on the local date only, and an entry is used only on the day it was made (DayCache), so they are part of
 * it. A view joins this text with its viewer's `myRole` (api-router's validated JSON): the page is neither shaped,
 * parsed nor stringified again.
 */
export interface CachedNetworkPage {
  /** The stamps read in the same statement as the page. */
  stamps: NetworkPageStamps;
  /** The local (Amsterdam) date the page was shaped for: an entry of another day is not used. */
  today: string;
  validated: ValidatedFields<typeof networkDetailSchema, FixedNetworkPageField>;
}

/**
 * The network pages this instance read recently, by network id, each with the change stamps it was read with
 * (migration 0051: triggers on every table the page reads bump them in the writing transaction). An entry is
 * used only after one statement finds both stamps unchanged, and that statement appends the view's audit row;
 * so every write, by any path on any instance, makes the next view read afresh. The access check runs before
 * this is consulted and is never skipped. See docs/architecture.md, "The network page cache".
 */
export class NetworkPageCache extends DayCache<string, CachedNetworkPage> {
  constructor(settings: NetworkPageCacheSettings = DEFAULT_NETWORK_PAGE_CACHE) {
    super(settings);
  }
}
