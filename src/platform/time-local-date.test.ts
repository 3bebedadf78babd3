import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { LOCAL_TIME_ZONE, localDate } from './time.js';

/** The local date by luxon alone, for every instant: what the remembered day must agree with. */
function byLuxon(at: number): string {
  return DateTime.fromMillis(at, { zone: LOCAL_TIME_ZONE }).toISODate() as string;
}

describe('localDate of an instant', () => {
  it('agrees with luxon every 15 minutes across both clock changes and a year end, in and out of order', () => {
    const instants: number[] = [];
    for (const [from, to] of [
      ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
      ['2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
      ['2026-12-31T20:00:00Z', '2027-01-01T04:00:00Z'],
    ] as const)
      for (let at = Date.parse(from); at < Date.parse(to); at += 15 * 60_000) instants.push(at);
    // The edges of a local day, to the millisecond (midnight in Amsterdam is 23:00 or 22:00 UTC).
    instants.push(Date.parse('2026-03-28T22:59:59.999Z'), Date.parse('2026-03-28T23:00:00.000Z'));
    instants.push(Date.parse('2026-10-25T22:59:59.999Z'), Date.parse('2026-10-25T23:00:00.000Z'));
    const shuffled = [...instants].reverse().concat(instants);
    for (const at of shuffled) expect([at, localDate(new Date(at))]).toEqual([at, byLuxon(at)]);
  });

  it('answers an ISO string as before, and an invalid date without remembering it', () => {
    expect(localDate('2026-10-25T22:30:00Z')).toBe('2026-10-25');
    expect(localDate('2026-10-25T23:30:00Z')).toBe('2026-10-26');
    expect(localDate(new Date(Number.NaN))).toBe(byLuxon(Number.NaN));
    expect(localDate(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01');
  });
});
