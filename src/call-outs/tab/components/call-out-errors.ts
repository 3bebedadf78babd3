import { ApiError } from '../../../tab/api/api-error.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import type { Translate } from '../../../tab/i18n/use-t.js';

/** What a refused preview or start means for the form: messages per field, or one for the whole form. */
export interface CallOutFormErrors {
  /** By form field (`summary`, `placeIds`, …). */
  fields: Record<string, string>;
  /** A refusal not tied to one field (no network covers the wijken, no right to start, …). */
  form: unknown | null;
}

/**
 * Sorts an API error into field errors (`body.placeIds.0` → placeIds) and the rest. The server's field messages
 * are English; the ones a starter can meet get a text of the tab.
 */
export function callOutFormErrorsOf(error: unknown, t: Translate): CallOutFormErrors {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = path.replace(/^body\./, '').replace(/\..*$/, '');
    fields[field] ??= fieldText(field, message, t);
  }
  if (Object.keys(fields).length > 0) return { fields, form: null };
  return { fields, form: error instanceof ApiError || error instanceof Error ? error : null };
}

function fieldText(field: string, message: string, t: Translate): string {
  if (field === 'placeIds') {
    if (/at least one/.test(message)) return t('callOutForm.error.noPlace');
    if (/one municipality/.test(message)) return t('callOutForm.error.oneMunicipality');
    return t('callOutForm.error.place');
  }
  if (field === 'communityIds') return t('callOutForm.error.community');
  if (/must not be empty/.test(message)) return t('callOutForm.error.required');
  const max = /at most (\d+) characters/.exec(message)?.[1];
  if (max) return t('callOutForm.error.tooLong', { max: Number(max) });
  return message;
}
