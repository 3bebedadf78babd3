/** Zod-free rules of a newcomer's introduction checklist (issue 19, item 3). */
import { INTRODUCTION_DUE_WEEKS } from './constants.js';

/** The fixed items of every introduction, in the order the checklist shows them; allies come after `crisis-sheet`. */
export const FIXED_INTRODUCTION_ITEMS = [
  'network-page',
  'crisis-sheet',
  'meeting',
  'call-out-procedure',
] as const;

export type FixedIntroductionItem = (typeof FIXED_INTRODUCTION_ITEMS)[number];

/** The prefix of an ally item's key: `ally:<person id>`, one per current ally of the network. */
export const ALLY_ITEM_PREFIX = 'ally:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an item key names: a fixed item, an ally (by person id), or nothing valid. Pure. */
export function parseItemKey(
  key: string,
): { kind: 'fixed'; key: FixedIntroductionItem } | { kind: 'ally'; personId: string } | null {
  if ((FIXED_INTRODUCTION_ITEMS as readonly string[]).includes(key))
    return { kind: 'fixed', key: key as FixedIntroductionItem };
  if (key.startsWith(ALLY_ITEM_PREFIX)) {
    const personId = key.slice(ALLY_ITEM_PREFIX.length);
    return UUID.test(personId) ? { kind: 'ally', personId: personId.toLowerCase() } : null;
  }
  return null;
}

/** The key of an ally's item. */
export const allyItemKey = (personId: string) => `${ALLY_ITEM_PREFIX}${personId}`;

/**
 * True when a newcomer who started on `startedOn` and has not yet been introduced at a meeting is overdue on
 * `today` (local dates): {@link INTRODUCTION_DUE_WEEKS} whole weeks have passed. Pure.
 */
export function introductionOverdue(startedOn: string, introducedAtMeeting: boolean, today: string): boolean {
  if (introducedAtMeeting) return false;
  const due = new Date(`${startedOn}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + INTRODUCTION_DUE_WEEKS * 7);
  return today >= due.toISOString().slice(0, 10);
}
