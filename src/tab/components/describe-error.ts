import { ApiError, type Problem } from '../api/api-error.js';
import type { MessageId } from '../i18n/messages.nl.js';
import { messagesFieldErrorsNl } from '../i18n/messages-field-errors.nl.js';
import type { Translate } from '../i18n/use-t.js';
import { fieldErrorText } from './field-errors.js';

const PROBLEM_TYPE_PREFIX = 'urn:bondgenoten:problem:';

function knownId(id: string): MessageId | undefined {
  return id in messagesFieldErrorsNl ? (id as MessageId) : undefined;
}

/**
 * A problem in the user's language, by its stable parts only: the reason when the server names one, else the
 * field errors (each translated by its code), else the kind of problem. The English `detail` is never shown.
 */
function describeProblem(problem: Problem, status: number, t: Translate): string {
  const reason = problem.reason ? knownId(`problemReason.${problem.reason}`) : undefined;
  if (reason) return t(reason);
  const fields = [...new Set((problem.errors ?? []).map((error) => fieldErrorText(error, t)))];
  if (fields.length > 0) return fields.join(' ');
  const kind = problem.type.startsWith(PROBLEM_TYPE_PREFIX)
    ? knownId(`problem.${problem.type.slice(PROBLEM_TYPE_PREFIX.length)}`)
    : undefined;
  return kind ? t(kind) : t('error.unexpected', { status });
}

/** A readable sentence for any failure, in the user's language. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t('error.network');
    if (error.problem) return describeProblem(error.problem, error.status, t);
    return t('error.unexpected', { status: error.status });
  }
  if (error instanceof Error) return error.message;
  // teams-js rejects some calls with a bare string (e.g. "resourceRequiresConsent").
  if (typeof error === 'string') return error;
  return t('error.title');
}
