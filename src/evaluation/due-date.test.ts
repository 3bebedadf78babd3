import { describe, expect, it } from '@jest/globals';
import { addMonths, dueState, evaluationPeriod, nextDueOn } from './due-date.js';

describe('the half-yearly due date', () => {
  it('is the date the coordinators set, else six months after the last evaluation, else after founding', () => {
    const base = { createdOn: '2026-01-10' };
    expect(nextDueOn({ ...base, scheduled: '2027-02-01', lastHeldOn: '2026-06-01', foundedOn: null })).toBe(
      '2027-02-01',
    );
    expect(nextDueOn({ ...base, scheduled: null, lastHeldOn: '2026-06-01', foundedOn: '2019-03-14' })).toBe(
      '2026-12-01',
    );
    expect(nextDueOn({ ...base, scheduled: null, lastHeldOn: null, foundedOn: '2019-03-14' })).toBe(
      '2019-09-14',
    );
    expect(nextDueOn({ ...base, scheduled: null, lastHeldOn: null, foundedOn: null })).toBe('2026-07-10');
  });

  it('keeps month ends inside the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('is due within two weeks, overdue after the date, and later otherwise', () => {
    expect(dueState('2026-12-04', '2026-12-05')).toBe('overdue');
    expect(dueState('2026-12-05', '2026-12-05')).toBe('due');
    expect(dueState('2026-12-19', '2026-12-05')).toBe('due');
    expect(dueState('2026-12-20', '2026-12-05')).toBe('later');
  });

  it('looks back from the day after the last evaluation’s period, or six months', () => {
    expect(evaluationPeriod('2026-06-01', '2026-12-05')).toEqual({ from: '2026-06-02', to: '2026-12-05' });
    expect(evaluationPeriod(null, '2026-12-05')).toEqual({ from: '2026-06-05', to: '2026-12-05' });
    expect(evaluationPeriod('2026-12-05', '2026-12-05')).toEqual({ from: '2026-12-05', to: '2026-12-05' });
  });
});
