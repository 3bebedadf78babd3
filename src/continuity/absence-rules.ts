/** One absence period, local dates, both ends inclusive. */
export interface AbsencePeriod {
  userId: string;
  startsOn: string;
  endsOn: string;
}

/** True when the period includes the local date `day`. Pure. */
export function coversDay(period: Pick<AbsencePeriod, 'startsOn' | 'endsOn'>, day: string): boolean {
  return period.startsOn <= day && day <= period.endsOn;
}

/**
 * Who is absent on `day`, each with the last day of their current absence (the latest end where periods
 * touch). Pure.
 */
export function absentOn(periods: readonly AbsencePeriod[], day: string): Map<string, string> {
  const absent = new Map<string, string>();
  for (const period of periods) {
    if (!coversDay(period, day)) continue;
    const known = absent.get(period.userId);
    if (known === undefined || known < period.endsOn) absent.set(period.userId, period.endsOn);
  }
  return absent;
}

/**
 * The order call-out cards leave in when some recipients are absent: a back-up standing in for an absent
 * colleague goes before everyone else, the absent recipients go last. Stable within each group. Pure.
 */
export function absenceFirstOrder<T extends { userId: string }>(
  recipients: readonly T[],
  absent: ReadonlySet<string>,
  standIns: ReadonlySet<string>,
): T[] {
  const rank = (r: T) => (absent.has(r.userId) ? 2 : standIns.has(r.userId) ? 0 : 1);
  return recipients
    .map((recipient, index) => ({ recipient, index }))
    .sort((a, b) => rank(a.recipient) - rank(b.recipient) || a.index - b.index)
    .map(({ recipient }) => recipient);
}
