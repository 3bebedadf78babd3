/**
 * Zod-free vocabulary the tab shares with the server. The planner respects these observance
 * traditions; an administrator sets them per community (src/setup), never derived from a name.
 */
export const OBSERVANCE_TRADITIONS = [
  'islamic',
  'jewish',
  'christian',
  'hindu',
  'keti-koti',
  'chinese',
] as const;

/** One observance tradition: islamic (Ramadan, Eids), jewish (Shabbat, holidays), christian, hindu (Diwali), keti-koti (1 July), chinese (New Year). */
export type ObservanceTradition = (typeof OBSERVANCE_TRADITIONS)[number];

/** The kinds of community: faith, origin, or another group (youth, LHBTI, sport clubs, entrepreneurs…). */
export const COMMUNITY_KINDS = ['religion', 'origin', 'group'] as const;

/** A community's kind. */
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];
