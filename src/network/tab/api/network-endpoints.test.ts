import { describe, expect, it } from '@jest/globals';
import { personQueryString } from './network-endpoints.js';

describe('personQueryString', () => {
  it('leaves empty and blank filters out and trims the text', () => {
    expect(personQueryString({ q: ' yasmina ', communityId: '', kind: undefined })).toBe('q=yasmina');
    expect(personQueryString({ q: '   ', kind: 'ally' })).toBe('kind=ally');
    expect(personQueryString({})).toBe('');
  });
});
