import { describe, expect, it } from '@jest/globals';
import { median, meetsGoal, percentile, ratio, sortedCopy } from '../../bench/lib/stats.js';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('finds the median of odd and even counts without reordering the input', () => {
    const input = [5, 1, 3, 2];
    expect(median(input)).toBe(2.5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([])).toBeNaN();
    expect(input).toEqual([5, 1, 3, 2]);
    expect(sortedCopy(input)).toEqual([1, 2, 3, 5]);
  });

  it('divides subject by baseline, NaN when the baseline is zero', () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(1, Number.NaN)).toBeNaN();
  });

  it('judges goals and never lets a missing figure meet one', () => {
    expect(meetsGoal(0.6, { atLeast: 0.5 })).toBe(true);
    expect(meetsGoal(0.4, { atLeast: 0.5 })).toBe(false);
    expect(meetsGoal(3, { atMost: 2 })).toBe(false);
    expect(meetsGoal(Number.NaN, { atLeast: 0.5 })).toBe(false);
    expect(meetsGoal(0.1)).toBeNull();
  });
});
