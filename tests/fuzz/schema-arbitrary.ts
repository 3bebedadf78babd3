import fc from 'fast-check';

/** The parts of an OpenAPI 3.1 (JSON Schema) schema the generated document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/**
 * Strings an attacker or an unlucky client sends: bad percent-encoding, NUL and other control characters,
 * lone surrogates, SQL and path tricks, huge and odd numbers as text, very long text.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '%ff',
  '%',
  '%E0%A4%A',
  '\u0000',
  'a\u0000b',
  '\u0001\u001f\u007f',
  '\ud800',
  '\udfff\ud800',
  "' or 1=1 --",
  '"; drop table people; --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  // A template-injection probe; the placeholder is meant literally.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the probe
  '${7*7}{{7*7}}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '-1',
  '1e308',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01',
  'true',
  'null',
  '🙂👩‍👩‍👧',
  'x'.repeat(5_000),
];

/** Any JSON value, hostile strings included: what a body or a field may be instead of what it should. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 0, 2 ** 53, -(2 ** 63), 1.5, 1e308),
);

// Which table a field's ids come from, by the field's name (networkId, placeIds, backupUserId…).
const ID_HINTS: [RegExp, string][] = [
  [/callout/i, 'call_outs'],
  [/network/i, 'networks'],
  [/person|people|ally|allies/i, 'people'],
  [/location/i, 'meeting_locations'],
  [/action/i, 'meeting_actions'],
  [/meeting/i, 'meetings'],
  [/municipalit/i, 'municipalities'],
  [/communit/i, 'communities'],
  [/relationtype/i, 'relation_types'],
  [/relation/i, 'relations'],
  [/place|area|neighbourhood|district/i, 'areas'],
  [/user|staff|backup|member/i, 'users'],
];

/** Real ids per table, and all of them together for fields whose name says nothing. */
export type IdPools = Record<string, readonly string[]>;

function idsFor(pools: IdPools, name: string | undefined): readonly string[] {
  const table = name ? ID_HINTS.find(([pattern]) => pattern.test(name))?.[1] : undefined;
  return (table && pools[table]?.length ? pools[table] : pools.all) ?? [];
}

const KNOWN_FORMATS: Record<string, (ids: readonly string[]) => fc.Arbitrary<string>> = {
  uuid: (ids) =>
    ids.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() })
      : fc.uuid(),
  date: () =>
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  'date-time': () =>
    fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  email: () => fc.emailAddress(),
};

/** Builds arbitraries from the OpenAPI document's schemas, resolving `$ref` into its components. */
export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    /** Real ids (networks, people, call-outs…) offered for uuids, so requests also reach real rows. */
    private readonly pools: IdPools,
  ) {}

  /** Mostly schema-shaped values, sometimes junk in any field: the near-miss inputs that find bugs. */
  of(schema: JsonSchema | undefined, depth = 0, name?: string): fc.Arbitrary<unknown> {
    if (!schema || depth > 6) return junk;
    // Junk mostly at the top: one bad field per request gets further into the services than many.
    return fc.oneof(
      { weight: depth === 0 ? 6 : 30, arbitrary: this.shaped(schema, depth, name) },
      { weight: 1, arbitrary: junk },
    );
  }

  private shaped(schema: JsonSchema, depth: number, name?: string): fc.Arbitrary<unknown> {
    if (schema.$ref)
      return this.of(this.components[schema.$ref.replace('#/components/schemas/', '')], depth + 1, name);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return fc.oneof(...variants.map((variant) => this.of(variant, depth + 1, name)));
    if (schema.allOf) return this.of(schema.allOf[0], depth + 1, name);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.const !== undefined) return fc.constant(schema.const);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length === 0) return junk;
    return fc.oneof(...types.map((type) => this.ofType(type, schema, depth, name)));
  }

  private ofType(type: string, schema: JsonSchema, depth: number, name?: string): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
      case 'string': {
        const format = schema.format ? KNOWN_FORMATS[schema.format] : undefined;
        if (format) return format(idsFor(this.pools, name));
        return fc.oneof(
          {
            weight: 4,
            arbitrary: fc.string({
              minLength: Math.max(schema.minLength ?? 0, 2),
              maxLength: Math.min(schema.maxLength ?? 40, 200),
            }),
          },
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        );
      }
      case 'array':
        return fc.array(this.of(schema.items, depth + 1, name), {
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'object': {
        const entries = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of entries) record[key] = this.of(value, depth + 1, key);
        const requiredKeys = entries.map(([key]) => key).filter((key) => required.has(key));
        return fc.record(record, { requiredKeys });
      }
      default:
        return junk;
    }
  }
}
