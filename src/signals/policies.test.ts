import { describe, expect, it } from '@jest/globals';
import type { AccessProfile } from '../identity/access.js';
import { decide } from '../identity/permissions.js';
import { aggregateScope, canEditSignal, canRecordSignals, recordSignals, viewSignals } from './policies.js';

const profile = (
  roles: [string, 'coordinator' | 'member' | 'secretary' | 'viewer'][],
  admin = false,
): AccessProfile => ({
  userId: 'u',
  isAdministrator: admin,
  networkRoles: new Map(roles),
});

describe('signal policies', () => {
  it('keeps signals with the network’s own staff; viewers read, others record', () => {
    expect(decide(viewSignals, profile([['n1', 'viewer']]), { networkId: 'n1' }).allowed).toBe(true);
    expect(decide(viewSignals, profile([], true), { networkId: 'n1' }).allowed).toBe(false);
    expect(decide(recordSignals, profile([['n1', 'viewer']]), { networkId: 'n1' }).allowed).toBe(false);
    expect(decide(recordSignals, profile([['n1', 'member']]), { networkId: 'n1' }).allowed).toBe(true);
    expect(canRecordSignals(profile([['n1', 'secretary']]), 'n1')).toBe(true);
    expect(canRecordSignals(profile([['n1', 'member']]), 'n2')).toBe(false);
  });

  it('lets the receiver and the network’s coordinator correct a signal, nobody else', () => {
    const signal = { receivedBy: 'receiver' };
    expect(canEditSignal('coordinator', 'someone-else', signal)).toBe(true);
    expect(canEditSignal('member', 'receiver', signal)).toBe(true);
    expect(canEditSignal('secretary', 'receiver', signal)).toBe(true);
    expect(canEditSignal('member', 'someone-else', signal)).toBe(false);
    expect(canEditSignal('secretary', 'someone-else', signal)).toBe(false);
    // A receiver who became a viewer, or left the network, no longer rewrites it.
    expect(canEditSignal('viewer', 'receiver', signal)).toBe(false);
    expect(canEditSignal(undefined, 'receiver', signal)).toBe(false);
  });

  it('scopes aggregates to the caller’s networks, all for administrators', () => {
    expect(aggregateScope(profile([['n1', 'viewer']]), ['n1', 'n2'])).toEqual(['n1']);
    expect(aggregateScope(profile([], true), ['n1', 'n2'])).toEqual(['n1', 'n2']);
  });
});
