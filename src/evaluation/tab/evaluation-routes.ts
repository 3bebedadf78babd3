import { networkHref } from '../../tab/routing/network-paths.js';

/** The route of the evaluation page in {@link AppRoute}; the network comes from the path. */
export type EvaluationRoute = 'evaluation';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Dutch segment, as the bot's due card links it (`netwerken/{id}/evaluatie`).
const EVALUATION_PATH = new RegExp(`^/netwerken/(${UUID})/evaluatie$`, 'i');

/** The network whose evaluation page a path shows, or null (a trailing slash is ignored). */
export function evaluationFromPath(pathname: string): { networkId: string } | null {
  const networkId = EVALUATION_PATH.exec(pathname.replace(/\/+$/, ''))?.[1];
  return networkId ? { networkId: networkId.toLowerCase() } : null;
}

/** The href of a network's evaluation page, keeping the query (Teams mode and theme). */
export const evaluationHref = (networkId: string, search: string) =>
  `${networkHref(networkId, '')}/evaluatie${search}`;
