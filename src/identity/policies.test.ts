import { describe, expect, it } from '@jest/globals';
import type { AccessProfile } from './access.js';
import { decide, type Permission, type ResourceFacts } from './permissions.js';
import {
  administerMunicipality,
  coordinateNetwork,
  coordinatePerson,
  selectAllies,
  signedIn,
  staffOfAnyNetwork,
  viewNetwork,
  viewNetworkContacts,
  viewPerson,
} from './policies.js';

const THIS = 'network-a';
const OTHER = 'network-b';
const PERSON = 'person-1';

function caller(roles: Record<string, 'coordinator' | 'member' | 'secretary' | 'viewer'>, admin = false) {
  return {
    userId: 'u',
    isAdministrator: admin,
    networkRoles: new Map(Object.entries(roles)),
  } satisfies AccessProfile;
}

/** Every kind of caller a rule must be clear about, against network THIS and a person in THIS. */
const callers = {
  coordinator: caller({ [THIS]: 'coordinator' }),
  member: caller({ [THIS]: 'member' }),
  secretary: caller({ [THIS]: 'secretary' }),
  viewer: caller({ [THIS]: 'viewer' }),
  administrator: caller({}, true),
  staffElsewhere: caller({ [OTHER]: 'coordinator' }),
  nobody: caller({}),
};
type Caller = keyof typeof callers;

const params = { networkId: THIS, personId: PERSON };
const facts: ResourceFacts = { personNetworkIds: [THIS] };

function verdicts(policy: Permission): Record<Caller, string> {
  const out = {} as Record<Caller, string>;
  for (const [name, access] of Object.entries(callers) as [Caller, AccessProfile][]) {
    const decision = decide(policy, access, params, facts);
    out[name] = decision.allowed ? 'allowed' : decision.answer;
  }
  return out;
}

describe('named policies', () => {
  it('signedIn: everyone signed in', () => {
    expect(Object.values(verdicts(signedIn)).every((v) => v === 'allowed')).toBe(true);
  });

  it('staffOfAnyNetwork: a role anywhere, or administrator', () => {
    expect(verdicts(staffOfAnyNetwork)).toEqual({
      coordinator: 'allowed',
      member: 'allowed',
      secretary: 'allowed',
      viewer: 'allowed',
      administrator: 'allowed',
      staffElsewhere: 'allowed',
      nobody: 'forbidden',
    });
  });

  it('administerMunicipality: administrators only, not even a coordinator', () => {
    expect(verdicts(administerMunicipality)).toEqual({
      coordinator: 'forbidden',
      member: 'forbidden',
      secretary: 'forbidden',
      viewer: 'forbidden',
      administrator: 'allowed',
      staffElsewhere: 'forbidden',
      nobody: 'forbidden',
    });
  });

  it('viewNetwork: every role in this network, and administrators', () => {
    expect(verdicts(viewNetwork)).toEqual({
      coordinator: 'allowed',
      member: 'allowed',
      secretary: 'allowed',
      viewer: 'allowed',
      administrator: 'allowed',
      staffElsewhere: 'forbidden',
      nobody: 'forbidden',
    });
  });

  it('viewNetworkContacts: this network’s staff only; administrators as such do not see contact data', () => {
    expect(verdicts(viewNetworkContacts)).toEqual({
      coordinator: 'allowed',
      member: 'allowed',
      secretary: 'allowed',
      viewer: 'allowed',
      administrator: 'forbidden',
      staffElsewhere: 'forbidden',
      nobody: 'forbidden',
    });
  });

  it('selectAllies: this network’s coordinators and members only', () => {
    expect(verdicts(selectAllies)).toEqual({
      coordinator: 'allowed',
      member: 'allowed',
      secretary: 'forbidden',
      viewer: 'forbidden',
      administrator: 'forbidden',
      staffElsewhere: 'forbidden',
      nobody: 'forbidden',
    });
  });

  it('coordinateNetwork: this network’s coordinators only', () => {
    expect(verdicts(coordinateNetwork)).toEqual({
      coordinator: 'allowed',
      member: 'forbidden',
      secretary: 'forbidden',
      viewer: 'forbidden',
      administrator: 'forbidden',
      staffElsewhere: 'forbidden',
      nobody: 'forbidden',
    });
  });

  it('viewPerson: staff of the person’s network; to anyone else the person does not exist', () => {
    expect(verdicts(viewPerson)).toEqual({
      coordinator: 'allowed',
      member: 'allowed',
      secretary: 'allowed',
      viewer: 'allowed',
      administrator: 'not-found',
      staffElsewhere: 'not-found',
      nobody: 'forbidden',
    });
  });

  it('coordinatePerson: coordinators of the person’s network; other staff there get 403, outsiders 404', () => {
    expect(verdicts(coordinatePerson)).toEqual({
      coordinator: 'allowed',
      member: 'forbidden',
      secretary: 'forbidden',
      viewer: 'forbidden',
      administrator: 'not-found',
      staffElsewhere: 'not-found',
      nobody: 'forbidden',
    });
  });
});
