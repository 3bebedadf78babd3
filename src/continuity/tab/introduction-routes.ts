import { networkSubPageHref } from '../../tab/routing/network-paths.js';

/** The route of the introduction page in {@link AppRoute}; the network comes from the path. */
export type IntroductionRoute = 'introductions';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const INTRODUCTION_PATH = new RegExp(`^/netwerken/(${UUID})/introductie$`, 'i');

/** The network whose introduction page a path shows, or null (a trailing slash is ignored). */
export function introductionFromPath(pathname: string): { networkId: string } | null {
  const networkId = INTRODUCTION_PATH.exec(pathname.replace(/\/+$/, ''))?.[1];
  return networkId ? { networkId: networkId.toLowerCase() } : null;
}

/** The href of a network's introduction page, keeping the query (Teams mode and theme). */
export const introductionHref = (networkId: string, search: string) =>
  networkSubPageHref(networkId, 'introductie', search);
