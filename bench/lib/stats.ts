/** A sorted copy; the input is left alone. */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (0 < p ≤ 100) of ascending values; NaN when there are none. */
export function percentile(sortedValues: ArrayLike<number>, p: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedValues.length);
  return sortedValues[Math.min(Math.max(rank, 1), sortedValues.length) - 1] as number;
}

/** The median (mean of the middle two for an even count); NaN when there are no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = sortedCopy(values);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** subject ÷ baseline, or NaN when the baseline is zero or not a number. */
export function ratio(subject: number, baseline: number): number {
  if (!Number.isFinite(baseline) || baseline === 0) return Number.NaN;
  return subject / baseline;
}

/** True, false, or null when the ratio has no goal; a NaN ratio never meets one. */
export function meetsGoal(value: number, goal?: { atLeast?: number; atMost?: number }): boolean | null {
  if (!goal) return null;
  if (Number.isNaN(value)) return false;
  if (goal.atLeast !== undefined && value < goal.atLeast) return false;
  if (goal.atMost !== undefined && value > goal.atMost) return false;
  return true;
}
