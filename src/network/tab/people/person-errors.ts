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
    // A consent date the form left empty gets the sentence that says which date is meant.
    result.fields[field] ??=
      field === 'consentDate' && problem.code === 'required'
        ? t('fieldError.consentDate')
        : fieldErrorText(problem, t);
  }
  return result;
}
