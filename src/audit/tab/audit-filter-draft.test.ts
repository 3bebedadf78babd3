import { describe, expect, it } from '@jest/globals';
import { amsterdamMidnightIso, EMPTY_DRAFT, filterFromDraft } from './audit-filter-draft.js';

describe('amsterdamMidnightIso', () => {
  // The unit tests run in UTC (jest.config.mjs): the days must still start at midnight in Amsterdam.
  it('gives the start of the day, or of the next day, in Dutch time', () => {
    expect(amsterdamMidnightIso('2026-11-23')).toBe('2026-11-23T00:00:00+01:00');
    expect(amsterdamMidnightIso('2026-12-31', 1)).toBe('2027-01-01T00:00:00+01:00');
    expect(amsterdamMidnightIso('2026-07-07')).toBe('2026-07-07T00:00:00+02:00');
  });

  it('refuses anything but YYYY-MM-DD', () => {
    expect(() => amsterdamMidnightIso('23-11-2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('filterFromDraft', () => {
  it('sends only what was filled in or picked, with "to" as the end of its whole Dutch day', () => {
    const { filter, errors } = filterFromDraft({
      ...EMPTY_DRAFT,
      action: 'network-role.grant',
      actionText: 'Rol in netwerk gegeven',
      result: 'success',
      fromDate: '2026-11-23',
      toDate: '2026-11-23',
    });
    expect(errors).toEqual({});
    expect(filter).toEqual({
      action: 'network-role.grant',
      result: 'success',
      from: '2026-11-23T00:00:00+01:00',
      to: '2026-11-24T00:00:00+01:00',
    });
    expect(filterFromDraft(EMPTY_DRAFT)).toEqual({ filter: {}, errors: {} });
  });

  it('names the field of each mistake and leaves the bad values out', () => {
    const { filter, errors } = filterFromDraft({
      ...EMPTY_DRAFT,
      actionText: 'bekeken',
      actorText: 'anouk',
      fromDate: '2026-11-24',
      toDate: '2026-11-23',
    });
    // A name typed but not picked from the list filters on nothing, so it is an error, not silently ignored.
    expect(errors).toEqual({
      action: 'audit.filter.actionInvalid',
      actorUserId: 'audit.filter.actorInvalid',
      toDate: 'audit.filter.toBeforeFrom',
    });
    expect(filter).toEqual({ from: '2026-11-24T00:00:00+01:00' });
  });

  it('filters on the picked staff member’s id, as the API writes it', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000100';
    expect(filterFromDraft({ ...EMPTY_DRAFT, actorUserId: id, actorText: 'Anouk Terpstra' }).filter).toEqual({
      actorUserId: id.toLowerCase(),
    });
  });
});
