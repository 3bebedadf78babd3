import { SETUP_STEPS, type SetupStep } from './constants.js';
import type { SetupStatus } from './schemas.js';

/** Counts the checklist is computed from; none holds personal data. */
export interface SetupFacts {
  municipalityId: string | null;
  /** Active wijken that lie in an active district. */
  activeWijken: number;
  activeCommunities: number;
  organisations: number;
  relationTypes: number;
  networks: number;
  /** Networks with at least one coordinator. */
  coordinatedNetworks: number;
  crisisTeamMembers: number;
}

/**
 * The state of each first-run step, from the data alone: a step is done when what it sets up exists.
 * The municipality counts as set up once it has a wijk in a district; until then the tab opens the checklist.
 */
export function setupStatus(facts: SetupFacts): SetupStatus {
  const done: Record<SetupStep, boolean> = {
    municipality: facts.municipalityId !== null,
    areas: facts.activeWijken > 0,
    communities: facts.activeCommunities > 0,
    organisations: facts.organisations > 0 && facts.relationTypes > 0,
    networks: facts.networks > 0,
    staff: facts.coordinatedNetworks > 0,
    escalation: facts.crisisTeamMembers > 0,
  };
  return {
    municipalityId: facts.municipalityId,
    setUp: done.municipality && done.areas,
    steps: SETUP_STEPS.map((key) => ({ key, done: done[key] })),
  };
}
