import { describe, expect, it } from '@jest/globals';
import { type AllyFact, type StaffFact, selectTargets } from './targeting.js';

const staff = (
  networkId: string,
  userId: string,
  role: StaffFact['role'],
  backupUserId: string | null = null,
): StaffFact => ({
  networkId,
  userId,
  role,
  backupUserId,
});
const ally = (networkId: string, personId: string, communityIds: string[]): AllyFact => ({
  networkId,
  personId,
  communityIds,
});

describe('selectTargets', () => {
  const facts = {
    staff: [
      staff('n1', 'u-coord-b', 'coordinator', 'u-member'),
      staff('n1', 'u-coord-a', 'coordinator'),
      staff('n1', 'u-member', 'member'),
      staff('n1', 'u-viewer', 'viewer'),
      staff('n2', 'u-coord-a', 'coordinator'),
      staff('n2', 'u-secretary', 'secretary'),
    ],
    allies: [
      ally('n1', 'p3', ['c-turks']),
      ally('n1', 'p1', ['c-marokkaans', 'c-islam']),
      ally('n1', 'p2', ['c-marokkaans']),
      ally('n2', 'p1', ['c-marokkaans']),
      ally('n2', 'p4', ['c-joods']),
    ],
  };

  it('takes staff on call once each and leaves viewers out', () => {
    const { staff: chosen } = selectTargets(facts.staff, facts.allies, [], 'starter');
    expect(chosen.map((s) => s.userId)).toEqual(['u-coord-a', 'u-coord-b', 'u-member', 'u-secretary']);
    expect(chosen.find((s) => s.userId === 'u-coord-b')?.backupUserId).toBe('u-member');
  });

  it('takes only allies of the chosen communities, each once, and shares them round-robin over coordinators', () => {
    const { allies } = selectTargets(facts.staff, facts.allies, ['c-marokkaans'], 'starter');
    expect(allies).toEqual([
      { personId: 'p1', networkId: 'n1', callerUserId: 'u-coord-a' },
      { personId: 'p2', networkId: 'n1', callerUserId: 'u-coord-b' },
    ]);
  });

  it('takes every ally when no community is chosen; a network without coordinators falls back to other staff', () => {
    const { allies } = selectTargets(
      [staff('n2', 'u-secretary', 'secretary')],
      [ally('n2', 'p4', ['c-joods']), ally('n3', 'p5', [])],
      [],
      'starter',
    );
    expect(allies).toEqual([
      { personId: 'p4', networkId: 'n2', callerUserId: 'u-secretary' },
      { personId: 'p5', networkId: 'n3', callerUserId: 'starter' },
    ]);
  });

  it('gives the same list for the same facts in any order, and leaves its input alone', () => {
    const shuffled = { staff: [...facts.staff].reverse(), allies: [...facts.allies].reverse() };
    const frozen = JSON.stringify(shuffled);
    expect(selectTargets(shuffled.staff, shuffled.allies, ['c-marokkaans'], 's')).toEqual(
      selectTargets(facts.staff, facts.allies, ['c-marokkaans'], 's'),
    );
    expect(JSON.stringify(shuffled)).toBe(frozen);
  });
});
