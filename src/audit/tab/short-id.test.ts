import { describe, expect, it } from '@jest/globals';
import { shortenId } from './short-id.js';

describe('shortenId', () => {
  it('cuts every UUID to its first 8 characters', () => {
    expect(shortenId('0b8e1a2c-1111-4111-8111-111111111111')).toEqual({ text: '0b8e1a2c', shortened: true });
    expect(shortenId('0b8e1a2c-1111-4111-8111-111111111111/7f00aa01-2222-4222-8222-222222222222')).toEqual({
      text: '0b8e1a2c/7f00aa01',
      shortened: true,
    });
  });

  it('leaves short ids alone and cuts long other ones', () => {
    expect(shortenId('haven')).toEqual({ text: 'haven', shortened: false });
    expect(shortenId('a-very-long-identifier-indeed')).toEqual({ text: 'a-very-long-iden', shortened: true });
  });
});
