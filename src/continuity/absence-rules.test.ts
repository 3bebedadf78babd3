import { describe, expect, it } from '@jest/globals';
import { absenceFirstOrder, absentOn, coversDay } from './absence-rules.js';

describe('absence rules', () => {
  it('covers both ends of a period', () => {
    const period = { startsOn: '2026-07-01', endsOn: '2026-07-14' };
    expect(coversDay(period, '2026-06-30')).toBe(false);
    expect(coversDay(period, '2026-07-01')).toBe(true);
    expect(coversDay(period, '2026-07-14')).toBe(true);
    expect(coversDay(period, '2026-07-15')).toBe(false);
  });

  it('names who is absent on a day with the latest end of touching periods', () => {
    const absent = absentOn(
      [
        { userId: 'a', startsOn: '2026-07-01', endsOn: '2026-07-10' },
        { userId: 'a', startsOn: '2026-07-05', endsOn: '2026-07-20' },
        { userId: 'b', startsOn: '2026-08-01', endsOn: '2026-08-10' },
      ],
      '2026-07-06',
    );
    expect([...absent]).toEqual([['a', '2026-07-20']]);
  });

  it('sends stand-ins first and absent recipients last, keeping the order within each group', () => {
    const order = absenceFirstOrder(
      [{ userId: 'absent' }, { userId: 'x' }, { userId: 'backup' }, { userId: 'y' }],
      new Set(['absent']),
      new Set(['backup']),
    );
    expect(order.map((r) => r.userId)).toEqual(['backup', 'x', 'y', 'absent']);
  });
});
