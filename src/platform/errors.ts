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

/**
 * Why a field failed, as a stable machine code clients translate (the tab does, in Dutch and English). Codes
 * never change meaning once published; `message` beside them is an English explanation for API users and may
 * change wording at any time.
 */
export const FIELD_ERROR_CODES = [
  // From the request schemas (zod issues), see src/platform/http/zod-field-errors.ts.
  'required',
  'invalid_type',
  'too_long',
  'too_short',
  'too_big',
  'too_small',
  'too_many',
  'too_few',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'invalid',
  'nothing_to_change',
  // Raised by services and refinements.
  'unknown_reference',
  'before_start',
  'range_too_long',
  'duplicate',
  'not_in_future',
  'in_future',
  'before_1900',
  'not_after_start',
  'out_of_range',
  'unstorable_text',
  'self_reference',
  'wrong_reference',
  'either_or',
  'archived',
  'in_use',
  'wijk_only',
  'one_municipality',
  'no_email',
  'date_conflict',
  'invalid_phone',
  'unreadable_file',
  'rule_professional',
  'rule_hard_limit',
  'use_farewell',
  'municipality_required',
  'tenant_not_allowed',
  'ally_via_selection',
  'former_via_farewell',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * The parameters a code may carry, flat beside it (e.g. `{"field":"body.name","code":"too_long","max":200}`):
 * `max`/`min` for limits (characters, items, numbers, days, minutes), `values` for a closed list, `format` for a
 * syntax (`email`, `uuid`, `date`, `datetime`, `time`, `pattern`, `e164`), `kind` for what a reference or
 * duplicate is (`neighbourhood`, `location`, `ally`, `person`, `staff`, `community`, `action`, `meeting-date`,
 * `name`, …), `from`/`until` for a date range, `reason` for a date-check or file reason, `count` for how many and `line` for a line of a file.
 */
export interface FieldErrorParams {
  max?: number;
  min?: number;
  values?: string[];
  format?: string;
  kind?: string;
  from?: string;
  until?: string;
  reason?: string;
  count?: number;
  line?: number;
}

/** One field that failed validation, named by its path (e.g. `body.people.0.mobile`). */
export interface FieldError extends FieldErrorParams {
  field: string;
  code: FieldErrorCode;
  message: string;
}

/**
 * Why a request was refused when no single field is to blame: a stable `reason` beside the problem's `type`,
 * which the tab translates (the English `detail` is for developers). Never change a reason's meaning.
 */
export const PROBLEM_REASONS = [
  'last-administrator',
  'network-archived',
  'network-area-archived',
  'network-name-taken',
  'community-name-taken',
  'organisation-name-taken',
  'relation-type-taken',
  'no-organiser',
  'meeting-not-planned',
  'meeting-cancelled',
  'meeting-not-started',
  'location-used',
  'changed-meanwhile',
  'no-network-for-wijken',
  'call-out-closed',
  'not-a-recipient',
  'rows-with-errors',
  'no-new-wijken',
  'file-changed-meanwhile',
  'not-consent-based',
  'use-farewell',
  'membership-ended',
  'ally-needs-selection',
  'evaluation-not-of-network',
  'selection-bad-transition',
  'selection-not-ready',
  'selection-already-approved',
  'selection-no-party',
  'selection-closed',
  'last-of-organisation',
  'tenant-not-served',
  'tenant-not-consented',
] as const;

export type ProblemReason = (typeof PROBLEM_REASONS)[number];

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

  /** Why, when no field is to blame (see PROBLEM_REASONS); set with {@link because}. */
  reason: ProblemReason | undefined = undefined;

  /** Names the reason of this refusal for clients to translate; returns the error. */
  because(reason: ProblemReason): this {
    this.reason = reason;
    return this;
  }

  /** True once the service wrote this refusal's own audit row, so the edge does not write a second. */
  refusalAudited = false;

  /** Marks a 403/404 the service has already audited (with an action of its own); returns the error. */
  markAudited(): this {
    this.refusalAudited = true;
    return this;
  }
}
