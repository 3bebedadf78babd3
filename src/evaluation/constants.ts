/** The half-yearly evaluation's vocabulary, zod-free so the tab can import it. */

/** Per ally: continue (doorgaan), talk to them (in gesprek), or say goodbye (afscheid nemen). */
export const EVALUATION_DECISIONS = ['continue', 'talk', 'goodbye'] as const;
export type EvaluationDecision = (typeof EVALUATION_DECISIONS)[number];

/** Seed 002 / seed 003 step 5: every half year, check whether the right people are still at the table. */
export const EVALUATION_INTERVAL_MONTHS = 6;

/** A notice (tab and bot card) starts this many days before the due date. */
export const EVALUATION_NOTICE_DAYS = 14;
