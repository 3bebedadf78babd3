import { ApiError, type FieldProblem } from '../api/api-error.js';
import type { MessageId } from '../i18n/messages.nl.js';
import { messagesFieldErrorsNl } from '../i18n/messages-field-errors.nl.js';
import type { Translate } from '../i18n/use-t.js';

/** The field errors of an import preview or a refusal share the API's codes and parameters. */
export type CodedProblem = Omit<FieldProblem, 'field'>;

/** ICU select keys cannot hold a hyphen: `csv-syntax` is selected as `csv_syntax`. */
const selector = (value: string) => value.replace(/-/g, '_');

/** Placeholders a select or plural needs even when the code does not carry them. */
const DEFAULTS = { kind: 'none', format: 'none', reason: 'none', from: 'none', until: '', count: 0, line: 0 };

/**
 * The problem in the user's language, by its stable code and parameters — never by the English `message`.
 * A code this tab does not know yet (a newer server) falls back to a plain "this value is not right".
 */
export function fieldErrorText(problem: CodedProblem, t: Translate): string {
  const id = `fieldCode.${problem.code ?? 'invalid'}`;
  const known = id in messagesFieldErrorsNl ? (id as MessageId) : 'fieldCode.invalid';
  const { max, min, values, format, kind, from, until, reason, count, line } = problem;
  return t(known, {
    ...DEFAULTS,
    max: max ?? 0,
    min: min ?? 0,
    values: (values ?? []).join(', '),
    ...(format ? { format: selector(format) } : {}),
    ...(kind ? { kind: selector(kind) } : {}),
    ...(from ? { from } : {}),
    ...(until ? { until } : {}),
    ...(reason ? { reason: problem.code === 'invalid_format' ? reason : selector(reason) } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(line !== undefined ? { line } : {}),
  });
}

/** The API's field errors of a problem by field (`path.networkId`, `body.role`, `query.to`, …), first one wins. */
export function fieldProblemsOf(error: unknown): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (!(error instanceof ApiError)) return problems;
  for (const problem of error.problem?.errors ?? []) problems[problem.field] ??= problem;
  return problems;
}

/** The API's field errors by field, each translated into the user's language by its code. */
export function fieldErrorsOf(error: unknown, t: Translate): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldProblemsOf(error)).map(([field, problem]) => [field, fieldErrorText(problem, t)]),
  );
}
