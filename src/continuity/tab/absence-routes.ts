import { networkSubPageHref } from '../../tab/routing/network-paths.js';

/** The route of the absence page in {@link AppRoute}; the network comes from the path. */
export type AbsenceRoute = 'absences';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ABSENCE_PATH = new RegExp(`^/netwerken/(${UUID})/afwezigheid$`, 'i');

/** The network whose absence page a path shows, or null (a trailing slash is ignored). */
export function absenceFromPath(pathname: string): { networkId: string } | null {
  const networkId = ABSENCE_PATH.exec(pathname.replace(/\/+$/, ''))?.[1];
  return networkId ? { networkId: networkId.toLowerCase() } : null;
}

/** The href of a network's absence page, keeping the query (Teams mode and theme). */
export const absenceHref = (networkId: string, search: string) =>
  networkSubPageHref(networkId, 'afwezigheid', search);
