import type { Executor } from '../meeting-store.js';

/**
 * The meetings (not cancelled) whose join link contains this fragment of a thread id: candidates only, the
 * caller compares the decoded thread id exactly. `strpos` rather than LIKE: the fragment holds `_`, a LIKE
 * wildcard.
 */
export async function readMeetingsJoinedBy(db: Executor, fragment: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'network_id as networkId', 'join_url as joinUrl'])
    .where((eb) => eb(eb.fn('strpos', ['join_url', eb.val(fragment)]), '>', 0))
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at', 'desc')
    .limit(20)
    .execute();
}
