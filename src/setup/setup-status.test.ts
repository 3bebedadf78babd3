import { describe, expect, it } from '@jest/globals';
import { type SetupFacts, setupStatus } from './setup-status.js';

const empty: SetupFacts = {
  municipalityId: null,
  activeWijken: 0,
  activeCommunities: 0,
  organisations: 0,
  relationTypes: 0,
  networks: 0,
  coordinatedNetworks: 0,
  crisisTeamMembers: 0,
};
const ID = '0b1e6a52-4a4f-4c1c-9d0e-2f7f0f3c1a11';

describe('setupStatus', () => {
  it('lists every step in order, all to do, on an empty database', () => {
    const status = setupStatus(empty);
    expect(status.setUp).toBe(false);
    expect(status.steps).toEqual(
      ['municipality', 'areas', 'communities', 'organisations', 'networks', 'staff', 'escalation'].map(
        (key) => ({
          key,
          done: false,
        }),
      ),
    );
  });

  it('counts the municipality as set up only once it has a wijk in a district', () => {
    expect(setupStatus({ ...empty, municipalityId: ID }).setUp).toBe(false);
    expect(setupStatus({ ...empty, municipalityId: ID, activeWijken: 1 }).setUp).toBe(true);
  });

  it('needs both organisations and relation types, and a coordinator for the staff step', () => {
    const done = (facts: Partial<SetupFacts>) =>
      Object.fromEntries(setupStatus({ ...empty, ...facts }).steps.map((step) => [step.key, step.done]));
    expect(done({ organisations: 3 }).organisations).toBe(false);
    expect(done({ organisations: 3, relationTypes: 1 }).organisations).toBe(true);
    expect(done({ networks: 2 }).staff).toBe(false);
    expect(done({ networks: 2, coordinatedNetworks: 1 })).toMatchObject({ networks: true, staff: true });
    expect(done({ crisisTeamMembers: 1 }).escalation).toBe(true);
    expect(done({ activeCommunities: 1 }).communities).toBe(true);
  });
});
