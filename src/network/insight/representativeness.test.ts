import { describe, expect, it } from '@jest/globals';
import { compareToTarget } from './representativeness.js';

const ally = (ageBand: string | null, gender: string | null, communities: string[]) => ({
  ageBand,
  gender,
  communities,
});

describe('compareToTarget', () => {
  const allies = [
    ally('25-34', 'female', ['c1']),
    ally('25-34', 'male', ['c1', 'c2']),
    ally('65+', null, []),
    ally('65+', 'male', ['c2']),
  ];

  it('gives each value its count and share of the allies, with unknowns counted', () => {
    const result = compareToTarget(allies, []);
    expect(result.total).toBe(4);
    const gender = result.dimensions.find((d) => d.dimension === 'gender');
    expect(gender?.rows).toEqual([
      { value: 'female', count: 1, share: 0.25, target: null, difference: null, highlighted: false },
      { value: 'male', count: 2, share: 0.5, target: null, difference: null, highlighted: false },
      { value: 'unknown', count: 1, share: 0.25, target: null, difference: null, highlighted: false },
    ]);
  });

  it('highlights values at least 15 points from their target, including targets nobody meets yet', () => {
    const result = compareToTarget(allies, [
      { dimension: 'gender', value: 'female', share: 0.5 },
      { dimension: 'gender', value: 'male', share: 0.45 },
      { dimension: 'age_band', value: '18-24', share: 0.2 },
    ]);
    const rows = (d: string) => result.dimensions.find((x) => x.dimension === d)?.rows ?? [];
    expect(rows('gender').find((r) => r.value === 'female')).toMatchObject({
      difference: -0.25,
      highlighted: true,
    });
    expect(rows('gender').find((r) => r.value === 'male')).toMatchObject({
      difference: 0.05,
      highlighted: false,
    });
    expect(rows('age_band').find((r) => r.value === '18-24')).toMatchObject({
      count: 0,
      share: 0,
      difference: -0.2,
      highlighted: true,
    });
  });

  it('handles a network without allies', () => {
    expect(
      compareToTarget([], [{ dimension: 'gender', value: 'female', share: 0.5 }]).dimensions[1]?.rows,
    ).toEqual([{ value: 'female', count: 0, share: 0, target: 0.5, difference: -0.5, highlighted: true }]);
  });
});
