import { describe, expect, it } from 'vitest';
import { createPersonSchema, updatePersonSchema } from '../../src/network/schemas.js';

function consentIssue(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.error?.issues.find((issue) => issue.path.join('.') === 'consentDate')?.message;
}

describe('consent date (issue 15 item 10)', () => {
  it('refuses a consent date in the future', () => {
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      consentIssue(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: next })),
    ).toBe('must not be in the future');
    expect(consentIssue(updatePersonSchema.safeParse({ version: 1, consentDate: next }))).toBe(
      'must not be in the future',
    );
  });

  it('refuses a consent date before 1900', () => {
    expect(
      consentIssue(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: '1899-12-31' })),
    ).toBe('must not be before 1900-01-01');
  });

  it('accepts a date in the past and today', () => {
    expect(
      createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: '2025-01-15' }).success,
    ).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: today }).success).toBe(
      true,
    );
  });
});
