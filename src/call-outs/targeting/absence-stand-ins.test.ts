import { describe, expect, it } from '@jest/globals';
import { planStaffRecipients } from './absence-stand-ins.js';

const staff = [
  { userId: 'a', networkId: 'n', backupUserId: 'c' },
  { userId: 'b', networkId: 'n', backupUserId: null },
];

describe('planStaffRecipients', () => {
  it('changes nothing when nobody is absent', () => {
    const planned = planStaffRecipients(staff, new Set());
    expect(planned.map((p) => [p.userId, p.reason, p.absent, p.standIn])).toEqual([
      ['a', 'network-staff', false, false],
      ['b', 'network-staff', false, false],
    ]);
  });

  it('adds the absent recipient’s back-up first and sends the absent one last, marked', () => {
    const planned = planStaffRecipients(staff, new Set(['a']));
    expect(planned.map((p) => [p.userId, p.reason, p.backupForUserId, p.absent])).toEqual([
      ['c', 'backup', 'a', false],
      ['b', 'network-staff', null, false],
      ['a', 'network-staff', null, true],
    ]);
  });

  it('puts a back-up already on the list first instead of adding them twice', () => {
    const planned = planStaffRecipients(
      [...staff, { userId: 'c', networkId: 'n', backupUserId: null }],
      new Set(['a']),
    );
    expect(planned.map((p) => p.userId)).toEqual(['c', 'b', 'a']);
    expect(planned.filter((p) => p.userId === 'c')).toHaveLength(1);
  });

  it('does not hand over to a back-up who is absent too', () => {
    const planned = planStaffRecipients(
      [
        { userId: 'a', networkId: 'n', backupUserId: 'b' },
        { userId: 'b', networkId: 'n', backupUserId: 'a' },
      ],
      new Set(['a', 'b']),
    );
    expect(planned.every((p) => p.reason === 'network-staff' && p.absent)).toBe(true);
  });
});
