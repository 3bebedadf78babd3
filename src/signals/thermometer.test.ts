import { describe, expect, it } from '@jest/globals';
import {
  averageMood,
  bucketOf,
  bucketsBetween,
  moodTrendOf,
  pressureOf,
  suppressed,
  trendOf,
} from './thermometer.js';

describe('thermometer rules', () => {
  it('buckets dates by Monday-weeks and months', () => {
    expect(bucketOf('2026-12-05', 'week')).toBe('2026-11-30');
    expect(bucketOf('2026-11-30', 'week')).toBe('2026-11-30');
    expect(bucketOf('2026-12-05', 'month')).toBe('2026-12-01');
    expect(bucketsBetween('2026-11-15', '2027-01-02', 'month')).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(bucketsBetween('2026-12-01', '2026-12-14', 'week')).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
    ]);
  });

  it('calls a trend up or down only when the last period clearly differs from the earlier ones', () => {
    expect(trendOf([0, 0, 1])).toBe('up');
    expect(trendOf([5, 5, 6])).toBe('steady');
    expect(trendOf([8, 8, 4])).toBe('down');
    expect(trendOf([3])).toBe('steady');
    expect(moodTrendOf([3, null, 4])).toBe('up');
    expect(moodTrendOf([4, 4.2])).toBe('steady');
    expect(moodTrendOf([4, 3])).toBe('down');
  });

  it('weighs urgency and suppresses small report cells', () => {
    expect(pressureOf({ signals: 4, urgent: 1, attention: 1 })).toBe(2 + 2 + 4);
    expect(suppressed(4)).toBeNull();
    expect(suppressed(5)).toBe(5);
    expect(averageMood(7, 2)).toBe(3.5);
    expect(averageMood(0, 0)).toBeNull();
  });
});
