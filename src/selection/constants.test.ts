import { describe, expect, it } from '@jest/globals';
import { CANDIDATE_STATUSES, canTransition } from './constants.js';

describe('candidate transitions', () => {
  it('follows proposed → under review → visit planned, and never jumps to visited or admitted by hand', () => {
    expect(canTransition('proposed', 'under_review')).toBe(true);
    expect(canTransition('under_review', 'visit_planned')).toBe(true);
    expect(canTransition('proposed', 'visit_planned')).toBe(false);
    for (const from of CANDIDATE_STATUSES) {
      expect(canTransition(from, 'visited')).toBe(false);
      expect(canTransition(from, 'admitted')).toBe(false);
    }
  });
  it('keeps a decision final and lets a candidate on hold return to review', () => {
    for (const to of CANDIDATE_STATUSES) {
      expect(canTransition('admitted', to)).toBe(false);
      expect(canTransition('not_admitted', to)).toBe(false);
    }
    expect(canTransition('on_hold', 'under_review')).toBe(true);
    expect(canTransition('visited', 'on_hold')).toBe(true);
  });
});
