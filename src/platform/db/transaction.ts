import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `work` in one transaction, committed when it resolves and rolled back when it throws. Services open
 * their transaction through this helper and pass the `Transaction` to store functions, so the boundaries of
 * a change stay in the service while only stores (`*-store.ts`) speak SQL.
 */
export function transaction<DB, T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
