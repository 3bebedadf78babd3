import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * Signals each ally brought in over a period (person id → count). The extension point for the signals capability
 * (issue 17): compose.ts hands in its query function once it exists; until then the evaluation shows no number.
 */
export type SignalTally = (networkId: string, from: string, to: string) => Promise<Map<string, number>>;

/** What the evaluation capability needs from the composition root. */
export interface EvaluationDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Signals per ally; absent until the signals capability provides it, and the figure is then null. */
  signalTally?: SignalTally | undefined;
}
