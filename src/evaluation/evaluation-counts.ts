import type { Kysely } from 'kysely';
import { readActiveNetworkDates } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { dueState, localToday, nextDueOn } from './due-date.js';
import { readEvaluationFacts } from './evaluation-count-store.js';

/** Where a network's half-yearly evaluation stands, for the cross-network overview. */
export interface EvaluationDueCount {
  /** The next evaluation's due date (set by the coordinators, else six months after the last or the start). */
  dueOn: string;
  /** 'overdue' (past), 'due' (within the notice days), 'later'. */
  state: 'overdue' | 'due' | 'later';
  /** Evaluations held in the period. */
  heldInPeriod: number;
}

/**
 * The next evaluation of each of these (active) networks and the evaluations held in `from`..`to`, read in two
 * batched queries (the networks' dates from network, the schedules and history from evaluation), never per
 * network. Dates and counts only, no names. The same rule as the network page's notice (`dueOf`).
 */
export async function countEvaluationsDue(
  db: Kysely<Database>,
  input: { networkIds: readonly string[]; from: string; to: string },
  now: Date,
): Promise<Map<string, EvaluationDueCount>> {
  if (input.networkIds.length === 0) return new Map();
  const wanted = new Set(input.networkIds);
  const [networks, facts] = await Promise.all([readActiveNetworkDates(db), readEvaluationFacts(db, input)]);
  const today = localToday(now);
  const result = new Map<string, EvaluationDueCount>();
  for (const network of networks) {
    if (!wanted.has(network.id)) continue;
    const fact = facts.get(network.id);
    const dueOn = nextDueOn({
      scheduled: fact?.scheduled ?? null,
      lastHeldOn: fact?.lastHeldOn ?? null,
      foundedOn: network.foundedOn,
      createdOn: localToday(new Date(network.createdAt)),
    });
    result.set(network.id, { dueOn, state: dueState(dueOn, today), heldInPeriod: fact?.heldInPeriod ?? 0 });
  }
  return result;
}
