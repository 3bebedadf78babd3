import type { Executor } from '../meeting-store.js';

/**
 * The meetings (not cancelled) of this Teams meeting chat: an indexed equality on the thread id stored when
 * the online meeting was created (0049), so a short join link without the thread id is found as well.
 */
export async function readMeetingsOfThread(db: Executor, threadId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'network_id as networkId'])
    .where('teams_thread_id', '=', threadId)
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at', 'desc')
    .limit(20)
    .execute();
}
