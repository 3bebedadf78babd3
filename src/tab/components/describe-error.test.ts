import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { expectSaying } from '../../../tests/helpers/expect-saying.js';
import { PROBLEM_REASONS } from '../../platform/errors.js';
import { PROBLEM_TYPES, problemType } from '../../platform/http/problem.js';
import { ApiError } from '../api/api-error.js';
import { messagesEn } from '../i18n/messages.en.js';
import { type MessageId, messagesNl } from '../i18n/messages.nl.js';
import type { Translate } from '../i18n/use-t.js';
import { describeError } from './describe-error.js';

function translator(locale: 'nl' | 'en'): Translate {
  const intl = createIntl({ locale, messages: locale === 'nl' ? messagesNl : messagesEn });
  return (id: MessageId, values) => intl.formatMessage({ id }, values);
}

const ENGLISH_DETAIL = 'A network with this name exists already.';

function refusal(code: keyof typeof PROBLEM_TYPES, extra: object = {}) {
  const { status, title } = PROBLEM_TYPES[code];
  return new ApiError('problem', status, {
    type: problemType(code),
    title,
    status,
    detail: ENGLISH_DETAIL,
    ...extra,
  });
}

describe('describeError', () => {
  it('says why by the stable reason, never by the English detail', () => {
    const text = describeError(refusal('conflict', { reason: 'network-name-taken' }), translator('nl'));
    expect(text).toBe('Er is al een netwerk met deze naam.');
  });

  it('translates field errors by code when no reason is given', () => {
    const error = refusal('validation-failed', {
      errors: [
        {
          field: 'body.csv',
          code: 'unreadable_file',
          reason: 'csv-syntax',
          line: 3,
          message: 'CSV_QUOTE_NOT_CLOSED',
        },
      ],
    });
    expect(describeError(error, translator('nl'))).toBe('Het bestand is geen leesbare CSV (rond regel 3).');
  });

  it.each(['nl', 'en'] as const)('has a sentence for every problem type and reason (%s)', (locale) => {
    const t = translator(locale);
    for (const code of Object.keys(PROBLEM_TYPES) as (keyof typeof PROBLEM_TYPES)[]) {
      const text = describeError(refusal(code), t);
      expectSaying(text, code).not.toBe(ENGLISH_DETAIL);
      expectSaying(text, code).not.toMatch(/status|problem\./);
    }
    for (const reason of PROBLEM_REASONS) {
      const text = describeError(refusal('conflict', { reason }), t);
      expectSaying(text, reason).not.toMatch(/problemReason|Dit is intussen veranderd|This has changed/);
    }
  });

  it('falls back to the kind of problem for a reason it does not know', () => {
    expect(describeError(refusal('forbidden', { reason: 'from-a-newer-server' }), translator('nl'))).toBe(
      'Je hebt hier geen toegang toe.',
    );
  });
});
