import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { ApiError, type FieldProblem } from '../../../tab/api/api-error.js';
import { messagesNl } from '../../../tab/i18n/messages.nl.js';
import type { Translate } from '../../../tab/i18n/use-t.js';
import { personFormErrorsOf } from './person-errors.js';

const intl = createIntl({ locale: 'nl', messages: messagesNl });
const t: Translate = (id, values) => intl.formatMessage({ id }, values);

const problem = (status: number, errors: FieldProblem[]) =>
  new ApiError('problem', status, { type: 'urn:x', title: 'x', status, detail: 'x', errors });

describe('personFormErrorsOf', () => {
  it('puts body.x errors on field x, in Dutch where the tab knows them', () => {
    const errors = personFormErrorsOf(
      problem(400, [
        {
          field: 'body.mobile',
          code: 'invalid_phone',
          message: 'must be a valid phone number, e.g. 06-12345678',
        },
        { field: 'body.following', code: 'too_long', max: 1000, message: 'use at most 1000 characters' },
        { field: 'body.languages.0', code: 'too_small', min: 1, message: 'Too small' },
      ]),
      t,
    );
    expect(errors.fields).toEqual({
      mobile: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678 of +32 470 12 34 56.',
      following: 'Maximaal 1000 tekens.',
      languages: 'Minimaal 1.',
    });
    expect(errors.rules).toEqual([]);
  });

  it('turns the method’s rules into sentences for the kind field', () => {
    const errors = personFormErrorsOf(
      problem(422, [
        {
          field: 'body.kind',
          code: 'rule_professional',
          message: 'a professional of the regular network (youth worker…) can be a key figure, never an ally',
        },
        {
          field: 'body.kind',
          code: 'rule_hard_limit',
          max: 15,
          message: 'the network already has 15 allies; the limit is 15',
        },
      ]),
      t,
    );
    expect(errors.rules).toEqual([
      expect.stringContaining('nooit bondgenoot'),
      'Het netwerk zit aan het maximum van 15 bondgenoten.',
    ]);
  });

  it('recognises a conflict, and knows nothing of other failures', () => {
    expect(personFormErrorsOf(problem(409, []), t).conflict).toBe(true);
    expect(personFormErrorsOf(new Error('x'), t)).toEqual({ fields: {}, rules: [], conflict: false });
  });

  it('says why the server refused a consent date, not only that one is needed', () => {
    const errors = personFormErrorsOf(
      problem(400, [{ field: 'body.consentDate', code: 'in_future', message: 'must not be in the future' }]),
      t,
    );
    expect(errors.fields.consentDate).toBe('De datum van toestemming kan niet in de toekomst liggen.');
    const old = personFormErrorsOf(
      problem(400, [
        { field: 'body.consentDate', code: 'before_1900', message: 'must not be before 1900-01-01' },
      ]),
      t,
    );
    expect(old.fields.consentDate).toBe('Vul een datum vanaf 1900 in.');
  });
});
