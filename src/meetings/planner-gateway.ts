import type { ObservanceKey, PlannerInput, PlannerResult } from './planner/contract.js';
import { observancesForCommunities, planSeries } from './planner/index.js';

/** The planner's entry points (src/meetings/planner/index.ts), per its contract. */
export interface Planner {
  planSeries(input: PlannerInput): PlannerResult;
  observancesForCommunities(communities: readonly { traditions: readonly string[] }[]): ObservanceKey[];
}

const thePlanner: Planner = { planSeries, observancesForCommunities };

/** The pure planner; async so the service does not care whether it is loaded lazily. */
export async function planner(): Promise<Planner> {
  return thePlanner;
}
