import type { FieldProblem } from '../../../tab/api/api-error.js';
import { ApiError } from '../../../tab/api/api-error.js';
import { fieldErrorText, fieldProblemsOf } from '../../../tab/components/field-errors.js';
import type { Translate } from '../../../tab/i18n/use-t.js';

/** What a refused preview or start means for the form: messages per field, or one for the whole form. */
export interface CallOutFormErrors {
  /** By form field (`summary`, `placeIds`, …). */
  fields: Record<string, string>;
  /** A refusal not tied to one field (no network covers the wijken, no right to start, …). */
  form: unknown | null;
}

/**
 * Sorts an API error into field errors (`body.placeIds.0` → placeIds) and the rest, each in the tab's language by
 * the API's error code; the places and communities get texts of their own.
 */
export function callOutFormErrorsOf(error: unknown, t: Translate): CallOutFormErrors {
  const fields: Record<string, string> = {};
  for (const [path, problem] of Object.entries(fieldProblemsOf(error))) {
    const field = path.replace(/^body\./, '').replace(/\..*$/, '');
    fields[field] ??= fieldText(field, problem, t);
  }
  if (Object.keys(fields).length > 0) return { fields, form: null };
  return { fields, form: error instanceof ApiError || error instanceof Error ? error : null };
}

function fieldText(field: string, problem: FieldProblem, t: Translate): string {
  if (field === 'placeIds') {
    if (problem.code === 'too_few' || problem.code === 'required') return t('callOutForm.error.noPlace');
    if (problem.code === 'one_municipality') return t('callOutForm.error.oneMunicipality');
    return t('callOutForm.error.place');
  }
  if (field === 'communityIds') return t('callOutForm.error.community');
  return fieldErrorText(problem, t);
}
