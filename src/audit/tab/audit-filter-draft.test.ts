import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, filterFromDraft, localMidnightIso } from './audit-filter-draft.js';

describe('localMidnightIso', () => {
  // The unit tests run in UTC (vitest.config.ts), so local midnight is UTC midnight here.
  it('gives the start of the day, or of a later day', () => {
    expect(localMidnightIso('2026-11-23')).toBe('2026-11-23T00:00:00.000Z');
    expect(localMidnightIso('2026-12-31', 1)).toBe('2027-01-01T00:00:00.000Z');
  });

  it('refuses anything but YYYY-MM-DD', () => {
    expect(() => localMidnightIso('23-11-2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('filterFromDraft', () => {
  it('sends only what was filled in, trimmed, with "to" as the end of its whole day', () => {
    const { filter, errors } = filterFromDraft({
      ...EMPTY_DRAFT,
      action: ' network-role.grant ',
      result: 'success',
      fromDate: '2026-11-23',
      toDate: '2026-11-23',
    });
    expect(errors).toEqual({});
    expect(filter).toEqual({
      action: 'network-role.grant',
      result: 'success',
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
    });
    expect(filterFromDraft(EMPTY_DRAFT)).toEqual({ filter: {}, errors: {} });
  });

  it('names the field of each mistake and leaves the bad values out', () => {
    const { filter, errors } = filterFromDraft({
      ...EMPTY_DRAFT,
      action: 'Network Role',
      actorUserId: 'anouk',
      fromDate: '2026-11-24',
      toDate: '2026-11-23',
    });
    expect(errors).toEqual({
      action: 'audit.filter.actionInvalid',
      actorUserId: 'audit.filter.actorInvalid',
      toDate: 'audit.filter.toBeforeFrom',
    });
    expect(filter).toEqual({ from: '2026-11-24T00:00:00.000Z' });
  });

  it('accepts an actor id in capitals but sends it as the API writes it', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000100';
    expect(filterFromDraft({ ...EMPTY_DRAFT, actorUserId: id }).filter).toEqual({
      actorUserId: id.toLowerCase(),
    });
  });
});
