/**
 * Phone numbers for the fictional demo. The Dutch numbering plan has no range set aside for fiction,
 * and an unissued Dutch range (the seed's old +31 6 0000 xxxx) fails the app's own number check, so
 * the demo used numbers the app refuses. Sweden's regulator (PTS) reserves 070-174 06 05 … 06 99 for
 * films, books and examples: valid mobile numbers by libphonenumber's rules, never issued to anyone.
 * See docs/demo-data.md.
 */

/** First and last subscriber suffix of the reserved block +46 70 174 06 05 … 06 99. */
const FIRST = 5;
const LAST = 99;
const PREFIX = '+467017406';

/** The `serial`-th demo number (1-based) in E.164; throws past the 95 numbers of the block. */
export function demoMobile(serial: number): string {
  const suffix = FIRST + serial - 1;
  if (!Number.isInteger(serial) || serial < 1 || suffix > LAST) {
    throw new RangeError(`demo phone serial ${serial} is outside the reserved fictional block`);
  }
  return `${PREFIX}${String(suffix).padStart(2, '0')}`;
}

/** Matches every number `demoMobile` can return, for tests that check numbers do not leak. */
export const DEMO_MOBILE_PATTERN = /\+4670174060[5-9]|\+467017406[1-9]\d/;
