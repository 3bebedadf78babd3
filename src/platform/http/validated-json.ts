import { z } from 'zod';

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;
type Shape<S extends AnyObjectSchema> = S['shape'];

/** The only way to make a ValidatedJson, used by `joinValidatedObject` alone (set by the class itself, whose constructor is private). */
let make: (schema: z.ZodType, text: string) => ValidatedJson;
/** Likewise for ValidatedFields, used by `validateFields` alone. */
let makeFields: <S extends AnyObjectSchema, K extends keyof Shape<S> & string>(
  schema: S,
  texts: ReadonlyMap<K, string | undefined>,
) => ValidatedFields<S, K>;

/**
 * A response body already validated by a schema and serialised: the router sends its text as it is, instead of
 * parsing a result with the route's schema and stringifying it (see `send` in api-router.ts). Only the functions
 * below make one, and each makes its text from the output of that very schema's parse, so the router's guarantee
 * (nothing leaves that the route's response schema did not accept) holds; the router still checks that the schema
 * is the route's own.
 *
 * The point is a large body that is mostly the same on every view (the network page): its fixed fields are
 * validated and serialised once (`validateFields`) and joined on every view with the fields that are not
 * (`joinValidatedObject`), each of those parsed by its own field schema then.
 */
export class ValidatedJson {
  readonly #schema: z.ZodType;
  readonly #text: string;

  private constructor(schema: z.ZodType, text: string) {
    this.#schema = schema;
    this.#text = text;
  }

  static {
    make = (schema, text) => new ValidatedJson(schema, text);
  }

  /** The schema whose parse produced the text. */
  get schema(): z.ZodType {
    return this.#schema;
  }

  /** The JSON text, byte for byte `JSON.stringify(schema.parse(value))`. */
  get text(): string {
    return this.#text;
  }
}

/**
 * Some fields of an object schema, each parsed by its own field schema and serialised; made only by
 * `validateFields`, so its texts cannot come from anywhere else.
 */
export class ValidatedFields<S extends AnyObjectSchema, K extends keyof Shape<S> & string> {
  readonly #schema: S;
  /** Per key, `JSON.stringify` of the parsed value; undefined where the parse gave undefined (the key is left out). */
  readonly #texts: ReadonlyMap<K, string | undefined>;

  private constructor(schema: S, texts: ReadonlyMap<K, string | undefined>) {
    this.#schema = schema;
    this.#texts = texts;
  }

  static {
    makeFields = (schema, texts) => new ValidatedFields(schema, texts);
  }

  get schema(): S {
    return this.#schema;
  }

  get texts(): ReadonlyMap<K, string | undefined> {
    return this.#texts;
  }
}

/**
 * The object schemas whose parse is exactly "parse each declared key with its own schema, in the shape's order":
 * no checks or refinements on the object itself (they would see the whole object) and no catchall (strict,
 * passthrough or a catchall schema decide about undeclared keys). Anything else is refused when fields are
 * validated, so a route's schema cannot quietly outgrow this.
 */
function assertJoinable(schema: AnyObjectSchema): void {
  const def = schema._zod.def;
  if (def.type !== 'object') throw new Error('validated fields need an object schema');
  if (def.catchall !== undefined)
    throw new Error('validated fields need an object schema without a catchall');
  if (def.checks && def.checks.length > 0)
    throw new Error('validated fields need an object schema without checks of its own');
}

/**
 * `JSON.stringify` of the output of `schema.shape[key].parse(values[key])`; undefined when the key is left out. Like
 * the object's own parse, a key that is absent (not merely undefined) is refused unless its schema allows absence.
 */
function fieldText(
  schema: AnyObjectSchema,
  key: string,
  values: Record<string, unknown>,
): string | undefined {
  const field = schema.shape[key] as z.ZodType | undefined;
  if (!field) throw new Error(`the schema declares no field ${key}`);
  if (!(key in values) && field._zod.optin === undefined)
    throw new z.ZodError([
      { code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key], message: 'Required' },
    ] as never);
  const parsed = field.parse(values[key]);
  // JSON.stringify leaves out a key whose value is undefined, as the object's parse leaves out an absent optional key.
  return parsed === undefined ? undefined : JSON.stringify(parsed);
}

/**
 * Validates and serialises some fields of an object once, for joining with the others later. Throws (like the
 * router's own parse) when one does not satisfy its schema.
 */
export function validateFields<S extends AnyObjectSchema, K extends keyof Shape<S> & string>(
  schema: S,
  values: { [P in K]: z.input<Shape<S>[P]> },
  keys: readonly K[],
): ValidatedFields<S, K> {
  assertJoinable(schema);
  const texts = new Map<K, string | undefined>();
  for (const key of keys) texts.set(key, fieldText(schema, key, values as Record<string, unknown>));
  return makeFields(schema, texts);
}

/**
 * The whole object's JSON: the validated fields' text and the remaining fields, each parsed by its own schema now,
 * in the shape's order. Byte for byte `JSON.stringify(schema.parse({ ...fixedValues, ...rest }))`, since an object
 * schema without checks or catchall parses each declared key on its own and builds its output in the shape's order.
 */
export function joinValidatedObject<S extends AnyObjectSchema, K extends keyof Shape<S> & string>(
  fixed: ValidatedFields<S, K>,
  rest: { [P in Exclude<keyof Shape<S> & string, K>]: z.input<Shape<S>[P]> },
): ValidatedJson {
  const { schema, texts } = fixed;
  const parts: string[] = [];
  for (const key of Object.keys(schema.shape)) {
    const text = texts.has(key as K)
      ? texts.get(key as K)
      : fieldText(schema, key, rest as Record<string, unknown>);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return make(schema, `{${parts.join(',')}}`);
}
