import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { localDate } from '../platform/time.js';
import { introductionOverdue } from './introduction-rules.js';
import { readNotIntroduced } from './introduction-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The newcomers of a network not yet introduced at a meeting six weeks (INTRODUCTION_DUE_WEEKS) after they got
 * their role, for the network page's warning `newcomer-not-introduced`. The caller keeps those who still hold a
 * role and audits its own read.
 */
export async function readOverdueNewcomers(db: Executor, networkId: string, now: Date): Promise<string[]> {
  return (await readOverdueNewcomersIn(db, [networkId], now)).map((row) => row.userId);
}

/** {@link readOverdueNewcomers} for several networks in one query (the network overview). */
export async function readOverdueNewcomersIn(
  db: Executor,
  networkIds: readonly string[],
  now: Date,
): Promise<Array<{ networkId: string; userId: string }>> {
  const today = localDate(now);
  return (await readNotIntroduced(db, networkIds))
    .filter((row) => introductionOverdue(row.startedOn, false, today))
    .map(({ networkId, userId }) => ({ networkId, userId }));
}
