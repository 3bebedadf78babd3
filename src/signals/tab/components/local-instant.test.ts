import { describe, expect, it } from '@jest/globals';
import { fromLocalInput, toLocalInput } from './local-instant.js';

describe('Amsterdam wall-clock time for the signal form', () => {
  it('reads and writes datetime-local values in Europe/Amsterdam, winter and summer', () => {
    expect(fromLocalInput('2026-01-05T09:30')).toBe('2026-01-05T08:30:00.000Z');
    expect(fromLocalInput('2026-07-05T09:30')).toBe('2026-07-05T07:30:00.000Z');
    expect(toLocalInput('2026-07-05T07:30:00.000Z')).toBe('2026-07-05T09:30');
    expect(toLocalInput('2026-01-05T08:30:00.000Z')).toBe('2026-01-05T09:30');
    expect(toLocalInput('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30');
  });

  it('gives nothing for a value that is not a date-time', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2026-13-45T99:00')).toBeUndefined();
  });
});
