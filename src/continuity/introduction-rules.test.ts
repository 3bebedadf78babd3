import { describe, expect, it } from '@jest/globals';
import { allyItemKey, introductionOverdue, parseItemKey } from './introduction-rules.js';

const id = '6f1c2a4e-8b3d-4c5e-9f70-112233445566';

describe('introduction rules', () => {
  it('reads fixed and ally item keys, and nothing else', () => {
    expect(parseItemKey('crisis-sheet')).toEqual({ kind: 'fixed', key: 'crisis-sheet' });
    expect(parseItemKey(allyItemKey(id))).toEqual({ kind: 'ally', personId: id });
    expect(parseItemKey(`ally:${id.toUpperCase()}`)).toEqual({ kind: 'ally', personId: id });
    expect(parseItemKey('ally:not-an-id')).toBeNull();
    expect(parseItemKey('coffee')).toBeNull();
    expect(parseItemKey('')).toBeNull();
  });

  it('is overdue from six weeks after the start, unless introduced at a meeting', () => {
    expect(introductionOverdue('2026-01-01', false, '2026-02-11')).toBe(false);
    expect(introductionOverdue('2026-01-01', false, '2026-02-12')).toBe(true);
    expect(introductionOverdue('2026-01-01', true, '2026-06-01')).toBe(false);
  });
});
