import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { fieldErrorsOf } from './field-errors.js';

describe('fieldErrorsOf', () => {
  it('maps a validation problem’s errors by field, keeping the first message per field', () => {
    const error = new ApiError('problem', 400, {
      type: 'urn:bondgenoten:problem:validation',
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'query.to', message: 'must be after from' },
        { field: 'query.to', message: 'second complaint' },
        { field: 'query.actorUserId', message: 'Invalid UUID' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      'query.to': 'must be after from',
      'query.actorUserId': 'Invalid UUID',
    });
  });

  it('finds none in other failures', () => {
    expect(fieldErrorsOf(new ApiError('network', 0, null))).toEqual({});
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
