/** The route of the hand-over page in {@link AppRoute}; network and staff member come from the path. */
export type HandOverRoute = 'hand-over';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HAND_OVER_PATH = new RegExp(`^/netwerken/(${UUID})/overdracht/(${UUID})$`, 'i');

/** The network and staff member whose hand-over a path shows, or null (a trailing slash is ignored). */
export function handOverFromPath(pathname: string): { networkId: string; userId: string } | null {
  const match = HAND_OVER_PATH.exec(pathname.replace(/\/+$/, ''));
  if (!match?.[1] || !match[2]) return null;
  return { networkId: match[1].toLowerCase(), userId: match[2].toLowerCase() };
}
