import type { NetworkWarning } from '../api/network-endpoints.js';

/**
 * The crisis sheet's warnings about allies a crisis cannot reach well: no mobile number (nobody can
 * phone them) or no wijk. The same codes and texts as the network page's warnings. Pure.
 */
export function reachabilityWarnings(
  allies: readonly { mobile: string | null; neighbourhood: string | null }[],
): NetworkWarning[] {
  const warning = (code: NetworkWarning['code'], count: number): NetworkWarning[] =>
    count > 0 ? [{ code, count, limit: null, userIds: [] }] : [];
  return [
    ...warning('allies-without-mobile', allies.filter((ally) => !ally.mobile).length),
    ...warning('allies-without-wijk', allies.filter((ally) => !ally.neighbourhood).length),
  ];
}
