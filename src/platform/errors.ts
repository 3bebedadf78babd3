/**
 * The stable error codes services may raise. Each edge maps them once: the HTTP layer to
 * application/problem+json, the bot to a readable card. Never put stack traces or SQL in `detail`.
 */
export type ErrorCode =
  | 'validation-failed'
  | 'malformed-json'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-violated'
  | 'upstream-failed'
  | 'not-ready'
  | 'internal';

/** One field that failed validation, named by its path (e.g. `body.people.0.mobile`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure a user can act on, raised by services and mapped at the edge. */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }

  /** True once the service wrote this refusal's own audit row, so the edge does not write a second. */
  refusalAudited = false;

  /** Marks a 403/404 the service has already audited (with an action of its own); returns the error. */
  markAudited(): this {
    this.refusalAudited = true;
    return this;
  }
}
