import type { Kysely } from 'kysely';
import type { AccessProfile } from '../../identity/access.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { visibleCallOut } from '../call-out-read.js';
import { readCallOutMeetingsOfThread } from './convene-store.js';

/**
 * The call-out whose *Bijeenkomst nu* Teams meeting has this chat thread, when the caller may see that
 * call-out (the same rule as reading it); null otherwise. The meeting side panel asks through meetings' port.
 */
export async function findVisibleCallOutByThread(
  db: Kysely<Database>,
  access: AccessProfile,
  threadId: string,
): Promise<string | null> {
  for (const callOutId of await readCallOutMeetingsOfThread(db, threadId)) {
    try {
      await visibleCallOut(db, access, callOutId);
      return callOutId;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return null;
}
