import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable } from './errors.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['administrator shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection failure', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections', Object.assign(new Error('too many clients'), { code: '53300' })],
    ['broken connection', new Error('Connection terminated unexpectedly')],
    [
      'refused on every address',
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'connect failed'),
    ],
  ])('says yes to %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['an invalid byte sequence', Object.assign(new Error('invalid byte sequence'), { code: '22021' })],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['an empty aggregate', new AggregateError([], 'nothing')],
  ])('says no to %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
