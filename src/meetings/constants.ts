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

/**
 * The default time between two meetings: 10 weeks, about 5 meetings a year. The method asks for 4 to 6
 * a year (seed 002: "5 à 6 keer per jaar", "minimaal tussen de 4 en 6 maal per jaar"; seed 004: "vijf
 * keer per jaar", with contacts in between on WhatsApp).
 */
export const RECOMMENDED_CADENCE_DAYS = 70;

/** Every 6 weeks (about 9 a year), as some networks meet (seed 003), for a network that wants more. */
export const SIX_WEEKLY_CADENCE_DAYS = 42;

/** Reading a Teams meeting's chat thread id, which the tab's meeting side panel needs too. */
export { THREAD_ID_PATTERN, threadIdFromMeetingId } from './panel/teams-thread.js';
