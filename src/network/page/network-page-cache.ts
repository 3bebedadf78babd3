import { DayCache, type DayCacheSettings } from '../../platform/day-cache.js';
import type { ValidatedFields } from '../../platform/http/validated-json.js';
import type { NetworkDetail, networkDetailSchema } from '../schemas.js';
import type { NetworkPageStaff, NetworkPageStamps } from './network-store.js';

/** How many networks' pages an instance keeps, and how long an unviewed one stays. */
export type NetworkPageCacheSettings = DayCacheSettings;

/**
 * 200 networks for 10 minutes. An entry is the page's own objects (no copy per view) and their validated JSON; the
 * page of Benchstad's largest network (63 people) serialises to about 28 KB, so the bound is several MB at most. The time to
 * live only frees memory: whether an entry may be used is decided by its stamps alone.
 */
export const DEFAULT_NETWORK_PAGE_CACHE: NetworkPageCacheSettings = { maxEntries: 200, ttlMs: 10 * 60_000 };

/** The page's fields that depend neither on the viewer nor on the time (all but staff, warnings and myRole). */
export type FixedNetworkPageField = Exclude<keyof NetworkDetail, 'staff' | 'warnings' | 'myRole'>;

/**
 * The part of a network page that depends neither on the viewer nor on the time, with what the rest is computed
 * from on every view: the staff (their absences on `today` decide `absentUntil`), the newcomers not yet
 * introduced (overdue or not is decided per view) and the counts the warnings need.
 */
export interface CachedNetworkPage {
  /** The stamps read in the same statement as everything below. */
  stamps: NetworkPageStamps;
  /** The local (Amsterdam) date whose absences were read: an entry of another day is not used. */
  today: string;
  shaped: Omit<NetworkDetail, 'staff' | 'warnings' | 'myRole'>;
  /**
   * `shaped` validated by the page schema's fields and serialised, once per entry: a view joins this text with
   * the fields it computes (api-router's validated JSON), so the 28 KB are neither parsed nor stringified again.
   */
  validated: ValidatedFields<typeof networkDetailSchema, FixedNetworkPageField>;
  staff: NetworkPageStaff[];
  absences: { userId: string; startsOn: string; endsOn: string }[];
  notIntroduced: { userId: string; startedOn: string }[];
  coverageGaps: number;
  alliesWithoutMobile: number;
  alliesWithoutWijk: number;
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
