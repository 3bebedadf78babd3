import { describe, expect, it } from '@jest/globals';
import { amsterdamInstant, amsterdamWallClock, movedTimes } from './amsterdam-time.js';

describe('meeting times in Europe/Amsterdam', () => {
  it('gives the offset of winter and summer time, whatever the machine zone', () => {
    expect(amsterdamInstant('2026-12-08', '18:00')).toBe('2026-12-08T18:00:00+01:00');
    expect(amsterdamInstant('2026-07-07', '18:00')).toBe('2026-07-07T18:00:00+02:00');
    // The days of the clock changes themselves.
    expect(amsterdamInstant('2026-03-29', '19:30')).toBe('2026-03-29T19:30:00+02:00');
    expect(amsterdamInstant('2026-10-25', '19:30')).toBe('2026-10-25T19:30:00+01:00');
  });

  it('reads an instant back as the Amsterdam wall clock', () => {
    expect(amsterdamWallClock('2026-12-08T17:00:00Z')).toEqual({ date: '2026-12-08', time: '18:00' });
    expect(amsterdamWallClock('2026-07-07T22:30:00Z')).toEqual({ date: '2026-07-08', time: '00:30' });
  });

  it('moves a meeting across a clock change without changing its wall-clock length', () => {
    const summer = { start: '2026-10-20T16:00:00Z', end: '2026-10-20T18:00:00Z' };
    expect(movedTimes(summer, '2026-10-27', '18:00')).toEqual({
      start: '2026-10-27T18:00:00+01:00',
      end: '2026-10-27T20:00:00+01:00',
    });
  });
});
