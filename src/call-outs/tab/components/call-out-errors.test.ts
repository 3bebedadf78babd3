import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { ApiError, type FieldProblem } from '../../../tab/api/api-error.js';
import { messagesNl } from '../../../tab/i18n/messages.nl.js';
import type { Translate } from '../../../tab/i18n/use-t.js';
import { callOutFormErrorsOf } from './call-out-errors.js';
import { clockText, secondsUntil } from './goal-countdown.js';

const intl = createIntl({ locale: 'nl', messages: messagesNl });
const t: Translate = (id, values) => intl.formatMessage({ id }, values);

const problem = (status: number, errors?: FieldProblem[]) =>
  new ApiError('problem', status, {
    type: 'urn:x',
    title: 'x',
    status,
    detail: 'No network covers it.',
    ...(errors ? { errors } : {}),
  });

describe('callOutFormErrorsOf', () => {
  it('puts the API’s field errors on the form fields, in Dutch', () => {
    const errors = callOutFormErrorsOf(
      problem(400, [
        { field: 'body.summary', code: 'required', message: 'must not be empty' },
        { field: 'body.ask', code: 'too_long', max: 1000, message: 'must be at most 1000 characters' },
        { field: 'body.placeIds', code: 'too_few', min: 1, message: 'choose at least one wijk' },
        {
          field: 'body.communityIds.1',
          code: 'unknown_reference',
          kind: 'community',
          message: 'is not a community of this municipality',
        },
      ]),
      t,
    );
    expect(errors).toEqual({
      fields: {
        summary: 'Vul dit in.',
        ask: 'Maximaal 1000 tekens.',
        placeIds: 'Kies minstens één wijk.',
        communityIds: 'Kies gemeenschappen van de gemeente van de gekozen wijken.',
      },
      form: null,
    });
  });

  it('names a wijk error by its index path, and keeps the first message per field', () => {
    const errors = callOutFormErrorsOf(
      problem(400, [
        { field: 'body.placeIds.0', code: 'unknown_reference', kind: 'wijk', message: 'is not a wijk' },
        {
          field: 'body.placeIds',
          code: 'one_municipality',
          message: 'the wijken must lie in one municipality',
        },
      ]),
      t,
    );
    expect(errors.fields).toEqual({ placeIds: 'Deze wijk bestaat niet (meer). Kies opnieuw.' });
  });

  it('keeps a refusal without field errors for the whole form', () => {
    const refusal = problem(422);
    expect(callOutFormErrorsOf(refusal, t)).toEqual({ fields: {}, form: refusal });
  });
});

describe('the goal countdown', () => {
  it('shows minutes and seconds, and hours once there are any', () => {
    expect(clockText(3600)).toBe('1:00:00');
    expect(clockText(3599)).toBe('59:59');
    expect(clockText(61)).toBe('1:01');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(-75)).toBe('1:15');
  });

  it('counts whole seconds towards the goal, negative after it', () => {
    const goal = '2026-11-29T15:00:00.000Z';
    expect(secondsUntil(goal, Date.parse('2026-11-29T14:00:00.000Z'))).toBe(3600);
    expect(secondsUntil(goal, Date.parse('2026-11-29T14:59:59.400Z'))).toBe(1);
    expect(secondsUntil(goal, Date.parse('2026-11-29T15:01:00.000Z'))).toBe(-60);
  });
});
