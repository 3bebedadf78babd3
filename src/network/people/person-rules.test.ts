import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../platform/errors.js';
import { checkAllyRules, normaliseMobile } from './person-rules.js';

const limits = { soft: 10, hard: 15 };

describe('normaliseMobile', () => {
  it('reads Dutch notations as E.164', () => {
    for (const typed of ['06-12345678', '06 1234 5678', '+31 6 1234 5678', '0031612345678']) {
      expect(normaliseMobile(typed)).toBe('+31612345678');
    }
    expect(normaliseMobile('+32 470 12 34 56')).toBe('+32470123456');
  });

  it('names the field for a number that cannot be right', () => {
    for (const typed of ['12', '06-1234', 'bel mij']) {
      try {
        normaliseMobile(typed);
        throw new Error('expected a DomainError');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).errors[0]?.field).toBe('body.mobile');
      }
    }
  });

  it('leaves an absent or cleared number alone', () => {
    expect(normaliseMobile(undefined)).toBeUndefined();
    expect(normaliseMobile(null)).toBeNull();
  });
});

describe('checkAllyRules', () => {
  const base = {
    kindAfter: 'ally' as const,
    isProfessionalAfter: false,
    alliesAfter: 5,
    addsAlly: true,
    limits,
  };

  it('never makes a professional an ally', () => {
    expect(() => checkAllyRules({ ...base, isProfessionalAfter: true })).toThrow(/never an ally/);
    expect(
      checkAllyRules({ ...base, kindAfter: 'key_figure', isProfessionalAfter: true, addsAlly: false }),
    ).toEqual([]);
  });

  it('warns above the soft limit and refuses above the hard limit', () => {
    expect(checkAllyRules({ ...base, alliesAfter: 10 })).toEqual([]);
    expect(checkAllyRules({ ...base, alliesAfter: 11 })).toEqual([
      { code: 'over-soft-limit', count: 11, limit: 10, userIds: [] },
    ]);
    expect(checkAllyRules({ ...base, alliesAfter: 15 })).toHaveLength(1);
    expect(() => checkAllyRules({ ...base, alliesAfter: 16 })).toThrow(
      /already has 15 allies; the limit is 15/,
    );
  });

  it('does not apply the limits to a change that adds no ally', () => {
    expect(checkAllyRules({ ...base, alliesAfter: 20, addsAlly: false })).toEqual([]);
  });
});
