import { addDays, weekdayOf } from '../platform/time.js';
import { REPORT_MIN_COUNT, type ThermometerGrain, URGENCY_WEIGHT } from './constants.js';

/** Pure parts of the thermometer and the sfeerbeeld: buckets, trends, suppression. */

/** The first day of the week (Monday) or month a local date falls in. */
export function bucketOf(date: string, grain: ThermometerGrain): string {
  if (grain === 'month') return `${date.slice(0, 7)}-01`;
  return addDays(date, 1 - weekdayOf(date));
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function bucketsBetween(from: string, to: string, grain: ThermometerGrain): string[] {
  const out: string[] = [];
  let bucket = bucketOf(from, grain);
  const last = bucketOf(to, grain);
  while (bucket <= last && out.length < 1000) {
    out.push(bucket);
    if (grain === 'week') bucket = addDays(bucket, 7);
    else {
      const [y, m] = bucket.split('-').map(Number) as [number, number];
      bucket = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

export type Trend = 'up' | 'down' | 'steady';

/**
 * The last value against the average of the earlier ones: up or down when it differs by at least a quarter
 * of that average and by at least 1 (so one signal more than nothing is up, 5 → 6 is steady). Nulls (no
 * value in that bucket, e.g. no meeting) are left out; fewer than two values is steady.
 */
export function trendOf(values: readonly (number | null)[]): Trend {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return 'steady';
  const last = known[known.length - 1] as number;
  const earlier = known.slice(0, -1);
  const average = earlier.reduce((sum, v) => sum + v, 0) / earlier.length;
  const delta = last - average;
  const threshold = Math.max(average / 4, 1);
  if (Math.abs(delta) < threshold) return 'steady';
  return delta > 0 ? 'up' : 'down';
}

/** Same as {@link trendOf} for mood averages (1-5): a change of half a point counts. */
export function moodTrendOf(values: readonly (number | null)[]): Trend {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return 'steady';
  const last = known[known.length - 1] as number;
  const earlier = known.slice(0, -1);
  const average = earlier.reduce((sum, v) => sum + v, 0) / earlier.length;
  if (Math.abs(last - average) < 0.5) return 'steady';
  return last > average ? 'up' : 'down';
}

/** The pressure of a cell: information 1, attention 2, urgent 4 per signal. */
export function pressureOf(cell: { signals: number; urgent: number; attention: number }): number {
  const information = cell.signals - cell.urgent - cell.attention;
  return (
    information * URGENCY_WEIGHT.information +
    cell.attention * URGENCY_WEIGHT.attention +
    cell.urgent * URGENCY_WEIGHT.urgent
  );
}

/** A count shown in the aggregated report, or null when fewer than {@link REPORT_MIN_COUNT} (re-identification). */
export function suppressed(count: number, minCount = REPORT_MIN_COUNT): number | null {
  return count < minCount ? null : count;
}

/** Average mood with one decimal, or null without recorded moods. */
export function averageMood(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}
