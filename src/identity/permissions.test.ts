import { describe, expect, it } from '@jest/globals';
import type { AccessProfile } from './access.js';
import { ALL_NETWORK_ROLES, decide } from './permissions.js';

const N1 = 'n1';
const N2 = 'n2';
function buildAccess(overrides: Partial<AccessProfile> = {}): AccessProfile {
  return { userId: 'u', isAdministrator: false, networkRoles: new Map(), ...overrides };
}
const coordinatorOfN1 = buildAccess({ networkRoles: new Map([[N1, 'coordinator']]) });
const viewerOfN1 = buildAccess({ networkRoles: new Map([[N1, 'viewer']]) });
const admin = buildAccess({ isAdministrator: true });
const nobody = buildAccess();

describe('decide', () => {
  it('self: every signed-in user', () => {
    expect(decide({ kind: 'self' }, nobody, {}).allowed).toBe(true);
  });

  it('any-network-role: a role somewhere, or administrator', () => {
    expect(decide({ kind: 'any-network-role' }, viewerOfN1, {}).allowed).toBe(true);
    expect(decide({ kind: 'any-network-role' }, admin, {}).allowed).toBe(true);
    expect(decide({ kind: 'any-network-role' }, nobody, {})).toMatchObject({
      allowed: false,
      answer: 'forbidden',
    });
  });

  it('administrator: only administrators', () => {
    expect(decide({ kind: 'administrator' }, admin, {}).allowed).toBe(true);
    expect(decide({ kind: 'administrator' }, coordinatorOfN1, {}).allowed).toBe(false);
  });

  it('network-role: the listed role in that very network; administrators only when allowed', () => {
    const coordinatorsOnly = {
      kind: 'network-role',
      param: 'networkId',
      roles: ['coordinator'],
      administrators: false,
    } as const;
    expect(decide(coordinatorsOnly, coordinatorOfN1, { networkId: N1 }).allowed).toBe(true);
    expect(decide(coordinatorsOnly, coordinatorOfN1, { networkId: N2 })).toMatchObject({
      allowed: false,
      objectType: 'network',
      objectId: N2,
    });
    expect(decide(coordinatorsOnly, viewerOfN1, { networkId: N1 }).allowed).toBe(false);
    expect(decide(coordinatorsOnly, admin, { networkId: N1 }).allowed).toBe(false);
    expect(decide({ ...coordinatorsOnly, administrators: true }, admin, { networkId: N1 }).allowed).toBe(
      true,
    );
  });

  it('person: a role in one of the person’s networks; others get 404 so existence does not leak', () => {
    const readPerson = {
      kind: 'person',
      param: 'personId',
      roles: ALL_NETWORK_ROLES,
      administrators: false,
    } as const;
    expect(decide(readPerson, viewerOfN1, { personId: 'p' }, { personNetworkIds: [N2, N1] }).allowed).toBe(
      true,
    );
    expect(decide(readPerson, viewerOfN1, { personId: 'p' }, { personNetworkIds: [N2] })).toMatchObject({
      allowed: false,
      answer: 'not-found',
      objectType: 'person',
    });
    expect(decide(readPerson, nobody, { personId: 'p' }, { personNetworkIds: [N1] })).toMatchObject({
      answer: 'forbidden',
    });
    const changePerson = { ...readPerson, roles: ['coordinator'] } as const;
    expect(decide(changePerson, viewerOfN1, { personId: 'p' }, { personNetworkIds: [N1] })).toMatchObject({
      answer: 'forbidden',
    });
    expect(
      decide({ ...readPerson, administrators: true }, admin, { personId: 'p' }, { personNetworkIds: [] })
        .allowed,
    ).toBe(true);
  });
});
