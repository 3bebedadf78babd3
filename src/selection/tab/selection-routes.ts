import { networkHref } from '../../tab/routing/network-paths.js';

/** The route of the selection page in {@link AppRoute}; the network comes from the path. */
export type SelectionRoute = 'selection';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Dutch segment, as users see it in the address bar (like `/netwerken/{id}/dekking`).
const SELECTION_PATH = new RegExp(`^/netwerken/(${UUID})/selectie$`, 'i');

/** The network whose selection page a path shows, or null (a trailing slash is ignored). */
export function selectionFromPath(pathname: string): { networkId: string } | null {
  const networkId = SELECTION_PATH.exec(pathname.replace(/\/+$/, ''))?.[1];
  return networkId ? { networkId: networkId.toLowerCase() } : null;
}

/** The href of a network's selection page, keeping the query (Teams mode and theme). */
export const selectionHref = (networkId: string, search: string) =>
  `${networkHref(networkId, '')}/selectie${search}`;
