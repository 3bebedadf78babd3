import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { zodFieldErrors } from './zod-field-errors.js';

const schema = z
  .object({
    name: z.string().min(1).max(200),
    age: z.number().int().min(18).max(120).optional(),
    tags: z.array(z.string()).max(2).optional(),
    kind: z.enum(['ally', 'key_figure']).optional(),
    email: z.email().optional(),
    day: z.iso.date().optional(),
    since: z
      .string()
      .refine((value) => value <= '2026-12-05', {
        message: 'must not be in the future',
        params: { code: 'in_future' },
      })
      .optional(),
    other: z
      .string()
      .refine(() => false, { message: 'custom without a code' })
      .optional(),
  })
  .strict();

function errorsOf(value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return zodFieldErrors('body', result.error).map(({ message: _message, ...rest }) => rest);
}

describe('zodFieldErrors', () => {
  it('gives each issue a stable code with its limit', () => {
    expect(errorsOf({ name: 'x'.repeat(201), age: 12, tags: ['a', 'b', 'c'] })).toEqual([
      { field: 'body.name', code: 'too_long', max: 200 },
      { field: 'body.age', code: 'too_small', min: 18 },
      { field: 'body.tags', code: 'too_many', max: 2 },
    ]);
  });

  it('tells a missing or empty value from a value of the wrong type', () => {
    expect(errorsOf({})).toEqual([{ field: 'body.name', code: 'required' }]);
    expect(errorsOf({ name: '' })).toEqual([{ field: 'body.name', code: 'required' }]);
    expect(errorsOf({ name: 42 })).toEqual([{ field: 'body.name', code: 'invalid_type' }]);
  });

  it('names closed lists, formats and unknown fields', () => {
    expect(errorsOf({ name: 'a', kind: 'friend', email: 'no', day: '2026-13-01', extra: 1 })).toEqual([
      { field: 'body.kind', code: 'invalid_value', values: ['ally', 'key_figure'] },
      { field: 'body.email', code: 'invalid_format', format: 'email' },
      { field: 'body.day', code: 'invalid_format', format: 'date' },
      { field: 'body', code: 'unknown_field' },
    ]);
  });

  it("takes a refinement's own code, and falls back to invalid without one", () => {
    expect(errorsOf({ name: 'a', since: '2030-01-01', other: 'x' })).toEqual([
      { field: 'body.since', code: 'in_future' },
      { field: 'body.other', code: 'invalid' },
    ]);
  });

  it('never copies the input into the error', () => {
    const result = schema.safeParse({ name: 'Fictief Persoon'.repeat(20) }, { reportInput: true });
    if (result.success) throw new Error('expected a failure');
    expect(JSON.stringify(zodFieldErrors('body', result.error))).not.toContain('Fictief');
  });
});
