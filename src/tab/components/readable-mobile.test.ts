import { describe, expect, it } from '@jest/globals';
import { readableMobile } from './readable-mobile.js';

describe('readableMobile', () => {
  it('groups a Dutch mobile number as it is read aloud', () => {
    expect(readableMobile('+31612345678')).toBe('+31 6 1234 5678');
  });

  it('leaves any other number as stored', () => {
    expect(readableMobile('+32470123456')).toBe('+32470123456');
    expect(readableMobile('+3161234567')).toBe('+3161234567');
  });
});
