import type { FieldError } from './errors.js';

/**
 * PostgreSQL `text` and `jsonb` cannot hold U+0000 (SQLSTATE 22021 / 22P05), and `jsonb` refuses a lone
 * UTF-16 surrogate (22P02, from JSON's "\ud800" escape): such a string that reached a store would fail the
 * statement, so every string a client sends is checked here, before any service runs.
 */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemOf(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text';
  return null;
}

/** Deepest nesting inspected; express.json's 100 kB limit keeps real bodies far shallower. */
const MAX_DEPTH = 64;

function walk(value: unknown, path: string, depth: number, errors: FieldError[]): void {
  if (errors.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) errors.push({ field: path, code: 'unstorable_text', message: problem });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (problemOf(key)) {
      errors.push({
        field: path,
        code: 'unstorable_text',
        message: 'must not contain names with NUL characters or lone surrogates',
      });
      continue;
    }
    walk(item, `${path}.${key}`, depth + 1, errors);
  }
}

/**
 * Field errors for every string (and object key) in `value` that PostgreSQL could not store, named by
 * their path below `location` (e.g. `body.people.0.name`); empty when everything is storable.
 */
export function unstorableText(location: string, value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  walk(value, location, 0, errors);
  return errors;
}

/** Whether a single client-supplied string may reach SQL at all (cookies, ids read before validation). */
export function isStorableText(value: string): boolean {
  return problemOf(value) === null;
}
