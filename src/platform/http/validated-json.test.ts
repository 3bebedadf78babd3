import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { joinValidatedObject, validateFields } from './validated-json.js';

/** Fields of every kind whose parse changes or leaves out a value: defaults, transforms, optional, nullable. */
const schema = z
  .object({
    id: z.uuid(),
    name: z.string().trim(),
    tags: z.array(z.string()).default([]),
    note: z.string().optional(),
    count: z.number().int().nullable(),
    nested: z.object({ a: z.number(), b: z.string().transform((b) => b.toUpperCase()) }),
    role: z.enum(['coordinator', 'viewer']).nullable(),
  })
  .meta({ id: 'ValidatedJsonToy' });

const ID = '00000000-0000-4000-8000-000000000001';

describe('validated JSON', () => {
  it('joins fixed and per-view fields into exactly the text of a parse of the whole', () => {
    const cases = [
      {
        fixed: { id: ID, name: ' Haven ', tags: undefined, note: undefined },
        rest: { count: 3, role: null },
      },
      { fixed: { id: ID, name: 'Haven', tags: ['a'], note: 'n"ote' }, rest: { count: null, role: 'viewer' } },
    ] as const;
    for (const { fixed, rest } of cases) {
      const nested = { a: 1, b: 'é\u2028x', extra: 'stripped' };
      const fields = validateFields(
        schema,
        { ...fixed, nested } as never,
        ['id', 'name', 'tags', 'note', 'nested'] as const,
      );
      const joined = joinValidatedObject(fields, rest as never);
      const whole = JSON.stringify(schema.parse({ ...fixed, nested, ...rest, unknown: 1 }));
      expect(joined.text).toBe(whole);
      expect(joined.schema).toBe(schema);
      expect(JSON.parse(joined.text)).toEqual(schema.parse({ ...fixed, nested, ...rest }));
    }
  });

  it('refuses a fixed or a per-view field its schema does not accept, as the parse of the whole would', () => {
    expect(() => validateFields(schema, { id: 'not-a-uuid' } as never, ['id'] as const)).toThrow(z.ZodError);
    const fields = validateFields(
      schema,
      { id: ID, name: 'x', nested: { a: 1, b: 'b' } } as never,
      ['id', 'name', 'tags', 'note', 'nested'] as const,
    );
    expect(() => joinValidatedObject(fields, { count: 1.5, role: null } as never)).toThrow(z.ZodError);
    expect(() => joinValidatedObject(fields, { count: 1, role: 'boss' } as never)).toThrow(z.ZodError);
    expect(() => joinValidatedObject(fields, { count: 1 } as never)).toThrow(z.ZodError);
  });

  it('refuses an absent key as the parse of the whole does, even where its schema accepts undefined', () => {
    const maybe = z.object({ a: z.union([z.string(), z.undefined()]), b: z.string().optional() });
    const fields = validateFields(maybe, { b: 'x' }, ['b'] as const);
    expect(() => maybe.parse({ b: 'x' })).toThrow(z.ZodError);
    expect(() => joinValidatedObject(fields, {} as never)).toThrow(z.ZodError);
    expect(joinValidatedObject(fields, { a: undefined }).text).toBe(
      JSON.stringify(maybe.parse({ a: undefined, b: 'x' })),
    );
    const none = validateFields(maybe, {} as never, ['b'] as const);
    expect(joinValidatedObject(none, { a: 'y' }).text).toBe(JSON.stringify(maybe.parse({ a: 'y' })));
  });

  it('refuses object schemas whose parse is not field by field: own checks, strict, passthrough', () => {
    const base = z.object({ a: z.number() });
    const refined = base.refine((value) => value.a > 0);
    expect(() => validateFields(refined as never, { a: 1 } as never, ['a'] as never)).toThrow(/checks/);
    expect(() => validateFields(base.strict(), { a: 1 }, ['a'] as const)).toThrow(/catchall/);
    expect(() => validateFields(base.loose(), { a: 1 }, ['a'] as const)).toThrow(/catchall/);
    expect(() => validateFields(base, { a: 1 }, ['b'] as never)).toThrow(/no field b/);
  });
});
