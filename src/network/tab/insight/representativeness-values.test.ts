import { describe, expect, it } from '@jest/globals';
import { draftFromRows, targetsFromDraft } from './representativeness-values.js';

const row = (value: string, target: number | null) => ({
  value,
  count: 1,
  share: 0.2,
  target,
  difference: null,
  highlighted: false,
});

describe('draftFromRows', () => {
  it('shows each target as a percentage and leaves values without one empty', () => {
    expect(draftFromRows(['female', 'male', 'non-binary'], [row('female', 0.5), row('male', null)])).toEqual({
      female: '50',
      male: '',
      'non-binary': '',
    });
  });
});

describe('targetsFromDraft', () => {
  it('turns percentages (also with a Dutch decimal comma) into shares and skips empty ones', () => {
    expect(targetsFromDraft({ female: '50', male: '37,5', 'non-binary': ' ' })).toEqual({
      ok: true,
      targets: [
        { value: 'female', share: 0.5 },
        { value: 'male', share: 0.375 },
      ],
    });
  });

  it('names the values that are no percentage from 0 to 100', () => {
    expect(targetsFromDraft({ female: '120', male: 'veel', '65+': '-1' })).toEqual({
      ok: false,
      invalid: ['female', 'male', '65+'],
    });
  });
});
