import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { deleteFromOpenCallLists, eraseFromCallOutTexts } from './call-list-store.js';

/**
 * Call-outs' part in the privacy lifecycle (issue 18): a person whose consent was withdrawn or who is
 * erased leaves the call lists of open call-outs at once; new call-outs never target them (targeting reads
 * only allies with consent). Returns how many call lists they left.
 */
export async function leaveOpenCallLists(db: Kysely<Database>, personId: string): Promise<number> {
  return deleteFromOpenCallLists(db, personId);
}

/** Call-outs' part in erasing one person: free text about them emptied or pseudonymised (see the store). */
export async function eraseFromCallOuts(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  return eraseFromCallOutTexts(db, person);
}
