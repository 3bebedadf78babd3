/** The route of the signals pages in {@link AppRoute}. */
export type SignalRoute = 'signals';

/** Which signals page a path shows: the thermometer, the sfeerbeeld, the cross-network overview, or one network's signals. */
export type SignalLocation =
  | { page: 'thermometer' }
  | { page: 'report' }
  | { page: 'overview' }
  | { page: 'network'; networkId: string };

const BASE = '/signalen';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signals page a path shows, or null (a trailing slash is ignored). */
export function signalFromPath(pathname: string): SignalLocation | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE) return { page: 'thermometer' };
  if (path === `${BASE}/sfeerbeeld`) return { page: 'report' };
  if (path === `${BASE}/netwerkoverzicht`) return { page: 'overview' };
  const match = /^\/signalen\/netwerk\/([^/]+)$/.exec(path);
  return match?.[1] && UUID.test(match[1]) ? { page: 'network', networkId: match[1].toLowerCase() } : null;
}

export const thermometerHref = (search: string) => `${BASE}${search}`;
export const sfeerbeeldHref = (search: string) => `${BASE}/sfeerbeeld${search}`;
export const networkOverviewHref = (search: string) => `${BASE}/netwerkoverzicht${search}`;
export const networkSignalsHref = (networkId: string, search: string) =>
  `${BASE}/netwerk/${encodeURIComponent(networkId)}${search}`;
