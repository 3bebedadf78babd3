import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { expectSaying } from '../../../tests/helpers/expect-saying.js';
import { FIELD_ERROR_CODES } from '../../platform/errors.js';
import { ApiError } from '../api/api-error.js';
import { messagesEn } from '../i18n/messages.en.js';
import { type MessageId, messagesNl } from '../i18n/messages.nl.js';
import type { Translate } from '../i18n/use-t.js';
import { fieldErrorsOf, fieldErrorText } from './field-errors.js';

function translator(locale: 'nl' | 'en'): { t: Translate; errors: string[] } {
  const errors: string[] = [];
  const intl = createIntl({
    locale,
    messages: locale === 'nl' ? messagesNl : messagesEn,
    onError: (error) => errors.push(error.message),
  });
  return { t: (id: MessageId, values) => intl.formatMessage({ id }, values), errors };
}

const problem = (errors: { field: string; code?: string; message: string; max?: number }[]) =>
  new ApiError('problem', 400, {
    type: 'urn:bondgenoten:problem:validation-failed',
    title: 'The request is not valid',
    status: 400,
    errors,
  });

describe('fieldErrorsOf', () => {
  it('translates each field’s first error by its code, never showing the English message', () => {
    const { t } = translator('nl');
    const error = problem([
      { field: 'body.name', code: 'too_long', max: 200, message: 'Too big: expected string to have <=200' },
      { field: 'body.name', code: 'required', message: 'second complaint' },
      { field: 'query.actorUserId', code: 'invalid_format', message: 'Invalid UUID' },
    ]);
    expect(fieldErrorsOf(error, t)).toEqual({
      'body.name': 'Maximaal 200 tekens.',
      'query.actorUserId': 'Dit heeft niet de juiste vorm.',
    });
  });

  it('falls back to a plain sentence for a code it does not know', () => {
    const { t } = translator('nl');
    expect(fieldErrorsOf(problem([{ field: 'body.x', code: 'from_the_future', message: 'x' }]), t)).toEqual({
      'body.x': 'Deze waarde klopt niet.',
    });
  });

  it('finds none in other failures', () => {
    const { t } = translator('nl');
    expect(fieldErrorsOf(new ApiError('network', 0, null), t)).toEqual({});
    expect(fieldErrorsOf(new Error('boom'), t)).toEqual({});
    expect(fieldErrorsOf(null, t)).toEqual({});
  });
});

describe('fieldErrorText', () => {
  it.each(['nl', 'en'] as const)(
    'has a text for every code the API sends (%s), with or without parameters',
    (locale) => {
      const { t, errors } = translator(locale);
      for (const code of FIELD_ERROR_CODES) {
        expectSaying(`fieldCode.${code}` in messagesNl, code).toBe(true);
        const bare = fieldErrorText({ code, message: '' }, t);
        const full = fieldErrorText(
          {
            code,
            message: '',
            max: 15,
            min: 1,
            values: ['a', 'b'],
            from: '2026-12-05',
            until: '2027-01-05',
            count: 2,
            line: 7,
          },
          t,
        );
        for (const text of [bare, full]) {
          expectSaying(text, code).not.toMatch(/[{}]|fieldCode/);
          expectSaying(text.length, code).toBeGreaterThan(5);
        }
      }
      expect(errors).toEqual([]);
    },
  );

  it('says the limit and picks the wording by kind, format and reason', () => {
    const { t } = translator('nl');
    expect(fieldErrorText({ code: 'rule_hard_limit', max: 15, message: '' }, t)).toBe(
      'Een netwerk heeft maximaal 15 bondgenoten.',
    );
    expect(fieldErrorText({ code: 'unknown_reference', kind: 'neighbourhood', message: '' }, t)).toBe(
      'Deze wijk hoort niet bij deze gemeente.',
    );
    expect(fieldErrorText({ code: 'unreadable_file', reason: 'csv-syntax', line: 4, message: '' }, t)).toBe(
      'Het bestand is geen leesbare CSV (rond regel 4).',
    );
    expect(fieldErrorText({ code: 'duplicate', kind: 'row', line: 3, message: '' }, t)).toBe(
      'Dit staat ook op regel 3.',
    );
    expect(
      fieldErrorText({ code: 'invalid_format', format: 'cbs-wijkcode', reason: 'WK0344', message: '' }, t),
    ).toBe('Een CBS-wijkcode is ‘WK’ met zes cijfers, voor deze gemeente beginnend met WK0344.');
  });

  it('sends an administrator whose colleague is staff already to the staff table, in both languages', () => {
    const byEmail = { code: 'duplicate', kind: 'staff', reason: 'email', message: '' };
    expect(fieldErrorText(byEmail, translator('nl').t)).toBe(
      'Iemand van deze organisatie heeft dit e-mailadres al, dus je collega staat al in de tabel ‘Medewerkers en rollen’ hieronder. Zoek je collega daar op naam; een rol geef je in die tabel.',
    );
    expect(fieldErrorText(byEmail, translator('en').t)).toBe(
      'Someone of this organisation has this e-mail address already, so your colleague is in the table ‘Staff and roles’ below. Find them there by name; give a role in that table.',
    );
    // A duplicate found another way (the directory's add) keeps the general sentence.
    expect(fieldErrorText({ code: 'duplicate', kind: 'staff', message: '' }, translator('nl').t)).toBe(
      'Deze persoon is al medewerker.',
    );
  });
});
