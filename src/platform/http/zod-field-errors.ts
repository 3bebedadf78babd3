import type { z } from 'zod';
import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from '../errors.js';

type Issue = z.core.$ZodIssue;

const KNOWN_CODES = new Set<string>(FIELD_ERROR_CODES);

/** Limits by what was measured: characters of a string, items of an array or set, or a number's value. */
function limitCode(origin: string, bound: 'max' | 'min'): FieldErrorCode {
  if (origin === 'string') return bound === 'max' ? 'too_long' : 'too_short';
  if (origin === 'array' || origin === 'set') return bound === 'max' ? 'too_many' : 'too_few';
  return bound === 'max' ? 'too_big' : 'too_small';
}

function asNumber(value: number | bigint | Date): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined;
}

/** A format zod names (`email`, `uuid`, `date`, …); a bare regex becomes `pattern`. */
function formatOf(format: string): string {
  return format === 'regex' ? 'pattern' : format;
}

/** The code and parameters of one zod issue; `input` is only looked at to tell a missing value. */
function codeOf(issue: Issue): Omit<FieldError, 'field' | 'message'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.input === undefined ? 'required' : 'invalid_type' };
    case 'too_big': {
      const max = asNumber(issue.maximum);
      return { code: limitCode(issue.origin, 'max'), ...(max === undefined ? {} : { max }) };
    }
    case 'too_small': {
      const min = asNumber(issue.minimum);
      // An empty string under a minimum of one is a missing value to a person filling in a form.
      if (issue.origin === 'string' && min === 1 && issue.input === '') return { code: 'required' };
      return { code: limitCode(issue.origin, 'min'), ...(min === undefined ? {} : { min }) };
    }
    case 'invalid_format':
      return { code: 'invalid_format', format: formatOf(issue.format) };
    case 'invalid_value':
      return { code: 'invalid_value', values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    case 'custom': {
      // A refinement names its code (and parameters) in `params`, e.g. `{ code: 'in_future' }`.
      const { code, kind, max, min } = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return { code: 'invalid' };
      return {
        code: code as FieldErrorCode,
        ...(typeof kind === 'string' ? { kind } : {}),
        ...(typeof max === 'number' ? { max } : {}),
        ...(typeof min === 'number' ? { min } : {}),
      };
    }
    default:
      return { code: 'invalid' };
  }
}

/**
 * Field errors of a failed parse, each with its stable code and parameters, named below `location`
 * (`body`, `query`, `path`, …). Parse with `{ reportInput: true }` so a missing value reads as `required`;
 * the input itself never leaves this function (it may hold personal data).
 */
export function zodFieldErrors(location: string | null, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = [...(location ? [location] : []), ...issue.path.map(String)].join('.');
    return { field, message: issue.message, ...codeOf(issue) };
  });
}
