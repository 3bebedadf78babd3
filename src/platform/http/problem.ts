import type { ErrorCode, FieldError, ProblemReason } from '../errors.js';

/** RFC 9457 problem details as this API returns them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  reason?: ProblemReason;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable type URIs: clients may branch on them; they never change meaning once published. */
export const PROBLEM_TYPES: Record<ErrorCode, { status: number; title: string }> = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'rule-violated': { status: 422, title: 'The change breaks a rule of the method' },
  'upstream-failed': { status: 502, title: 'Microsoft 365 did not answer as expected' },
  'not-ready': { status: 503, title: 'Not ready' },
  internal: { status: 500, title: 'Internal error' },
};

/** The `type` URI of a problem code, e.g. `urn:bondgenoten:problem:not-found`. */
export function problemType(code: ErrorCode): string {
  return `urn:bondgenoten:problem:${code}`;
}

/** Builds the problem body for a code; `errors` only appears when there are field errors. */
export function buildProblem(
  code: ErrorCode,
  detail: string,
  instance?: string,
  errors: FieldError[] = [],
  reason?: ProblemReason,
): ProblemDetails {
  const { status, title } = PROBLEM_TYPES[code];
  return {
    type: problemType(code),
    title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(reason ? { reason } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
