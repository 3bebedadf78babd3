import { describe, expect, it } from '@jest/globals';
import { localDate } from './time.js';

describe('localDate', () => {
  it('gives the Amsterdam date of each instant, also when asked in turn about two sides of midnight', () => {
    // 2026-03-28 23:59:59 in Amsterdam (UTC+1), then the next second (midnight), then the first second again.
    const before = new Date('2026-03-28T22:59:59.400Z');
    const sameSecond = new Date('2026-03-28T22:59:59.999Z');
    const midnight = new Date('2026-03-28T23:00:00.000Z');
    expect(localDate(before)).toBe('2026-03-28');
    expect(localDate(sameSecond)).toBe('2026-03-28');
    expect(localDate(midnight)).toBe('2026-03-29');
    expect(localDate(before)).toBe('2026-03-28');
    // Summer time (UTC+2): 22:00Z is midnight.
    expect(localDate(new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(localDate(new Date('2026-07-01T22:00:00.000Z'))).toBe('2026-07-02');
    expect(localDate('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
  });

  it('does not remember an invalid date', () => {
    expect(localDate(new Date(Number.NaN))).toBeNull();
    expect(localDate(new Date('2026-01-01T12:00:00Z'))).toBe('2026-01-01');
  });
});
