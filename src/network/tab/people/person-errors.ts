import { ApiError, type FieldProblem } from '../../../tab/api/api-error.js';
import { describeError } from '../../../tab/components/describe-error.js';
import { fieldErrorText, fieldProblemsOf } from '../../../tab/components/field-errors.js';
import type { Translate } from '../../../tab/i18n/use-t.js';

/** What a failed save means for the person form: errors per field, a rule of the method, or a conflict. */
export interface PersonFormErrors {
  /** By form field (`mobile`, `consentDate`, …), in the user's language where the tab knows the error. */
  fields: Record<string, string>;
  /** A rule of the method (422), shown next to the kind. */
  rules: string[];
  /** Someone else changed the person since it was read (409). */
  conflict: boolean;
}

function ruleText(problem: FieldProblem, t: Translate): string {
  if (problem.code === 'rule_professional') return t('rule.professional');
  if (problem.code === 'rule_hard_limit') return t('rule.hardLimit', { limit: problem.max ?? 0 });
  return fieldErrorText(problem, t);
}

/** The consent date's own sentences: which date is meant, and why one is refused (the form checks the same). */
function consentDateText(problem: FieldProblem, t: Translate): string | undefined {
  if (problem.code === 'required') return t('fieldError.consentDate');
  if (problem.code === 'in_future') return t('personForm.consentDateFuture');
  if (problem.code === 'before_1900') return t('personForm.consentDateBefore1900');
  return undefined;
}

/** Sorts a failed create or change into field errors (`body.x` → x), rule messages and a conflict. */
export function personFormErrorsOf(error: unknown, t: Translate): PersonFormErrors {
  const result: PersonFormErrors = { fields: {}, rules: [], conflict: false };
  if (!(error instanceof ApiError)) return result;
  if (error.status === 409) return { ...result, conflict: true };
  if (error.status === 422) {
    const problems = error.problem?.errors ?? [];
    return {
      ...result,
      rules:
        problems.length > 0 ? problems.map((problem) => ruleText(problem, t)) : [describeError(error, t)],
    };
  }
  for (const [path, problem] of Object.entries(fieldProblemsOf(error))) {
    const field = path.replace(/^body\./, '').replace(/\..*$/, '');
    result.fields[field] ??=
      (field === 'consentDate' && consentDateText(problem, t)) || fieldErrorText(problem, t);
  }
  return result;
}
