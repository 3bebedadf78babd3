import { describe, expect, it } from '@jest/globals';
import { growthStage } from './constants.js';

describe('growthStage', () => {
  it('places a network between the start size of 4–5 and the soft limit', () => {
    expect(growthStage(2, 10)).toBe('starting');
    expect(growthStage(4, 10)).toBe('start_size');
    expect(growthStage(5, 10)).toBe('start_size');
    expect(growthStage(7, 10)).toBe('growing');
    expect(growthStage(10, 10)).toBe('at_soft_limit');
    expect(growthStage(12, 10)).toBe('over_soft_limit');
  });
});
