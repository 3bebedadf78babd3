import { ApiError } from '../../../tab/api/api-error.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
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

// The server's field messages are English; the ones a coordinator can meet get a text of the tab.
const knownFieldMessages: Record<string, MessageId> = {
  mobile: 'fieldError.mobile',
  email: 'fieldError.email',
  consentDate: 'fieldError.consentDate',
  neighbourhoodId: 'fieldError.neighbourhood',
  communityIds: 'fieldError.communities',
};

// The server refuses a consent date in the future or before 1900 (network/schemas.ts) with these words.
function consentDateMessage(field: string, message: string): MessageId | undefined {
  if (field !== 'consentDate') return undefined;
  if (message.includes('future')) return 'personForm.consentDateFuture';
  if (message.includes('1900')) return 'personForm.consentDateBefore1900';
  return undefined;
}

function ruleText(message: string, t: Translate): string {
  if (message.startsWith('a professional of the regular network')) return t('rule.professional');
  const limit = /the limit is (\d+)/.exec(message)?.[1];
  if (limit) return t('rule.hardLimit', { limit: Number(limit) });
  return message;
}

/** Sorts a failed create or change into field errors (`body.x` → x), rule messages and a conflict. */
export function personFormErrorsOf(error: unknown, t: Translate): PersonFormErrors {
  const result: PersonFormErrors = { fields: {}, rules: [], conflict: false };
  if (!(error instanceof ApiError)) return result;
  if (error.status === 409) return { ...result, conflict: true };
  if (error.status === 422) {
    const messages = error.problem?.errors?.map((problem) => problem.message) ?? [];
    return {
      ...result,
      rules: (messages.length > 0 ? messages : [error.message]).map((m) => ruleText(m, t)),
    };
  }
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = path.replace(/^body\./, '').replace(/\..*$/, '');
    const known = consentDateMessage(field, message) ?? knownFieldMessages[field];
    result.fields[field] = known
      ? t(known)
      : /at most \d+ characters/.test(message)
        ? t('fieldError.tooLong')
        : message;
  }
  return result;
}
