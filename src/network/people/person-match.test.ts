import { describe, expect, it } from '@jest/globals';
import { matchReason } from './person-match.js';

const wijk = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const base = { displayName: 'Fatma Yılmaz', neighbourhoodId: wijk, mobile: null, email: null };

describe('matchReason', () => {
  it('matches the same name in the same wijk, loosely spelled', () => {
    expect(matchReason(base, { ...base, displayName: 'fatma yilmaz' })).toBe('name_wijk');
  });
  it('does not match the same name in another wijk or without a wijk', () => {
    expect(matchReason(base, { ...base, neighbourhoodId: other })).toBeNull();
    expect(matchReason({ ...base, neighbourhoodId: null }, { ...base, neighbourhoodId: null })).toBeNull();
  });
  it('matches the same mobile or e-mail whatever the name', () => {
    expect(
      matchReason(
        { ...base, mobile: '+31612345678' },
        { ...base, displayName: 'F. Y.', mobile: '+31612345678' },
      ),
    ).toBe('mobile');
    expect(
      matchReason(
        { ...base, email: 'F@Example.org' },
        { ...base, neighbourhoodId: other, displayName: 'X', email: 'f@example.org ' },
      ),
    ).toBe('email');
  });
  it('does not match different people', () => {
    expect(matchReason(base, { ...base, displayName: 'Fatma Yildiz', neighbourhoodId: other })).toBeNull();
  });
});
