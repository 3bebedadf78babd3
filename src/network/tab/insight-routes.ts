import { type NetworkSubPage, networkHref } from '../../tab/routing/network-paths.js';

/** The route of every insight page in {@link AppRoute}; which page and network come from the path. */
export type InsightRoute = 'insight';

/** The network's insight pages, each under `/netwerken/{networkId}/…`. */
export type InsightPage = 'coverage' | 'representativeness' | 'graph' | 'import' | 'crisis-sheet';

/** The last path segment of each insight page (Dutch, as users see it in the address bar). */
export const insightSegments: Record<InsightPage, NetworkSubPage> = {
  coverage: 'dekking',
  representativeness: 'afspiegeling',
  graph: 'graaf',
  import: 'import',
  'crisis-sheet': 'crisiskaart',
};

/** An insight page of one network. */
export interface InsightLocation {
  page: InsightPage;
  networkId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The insight page a path shows, or null when it is not one (a trailing slash is ignored). */
export function insightFromPath(pathname: string): InsightLocation | null {
  const match = /^\/netwerken\/([^/]+)\/([^/]+)\/*$/.exec(pathname);
  if (!match?.[1] || !match[2] || !UUID.test(match[1])) return null;
  const segment = match[2];
  const page = (Object.keys(insightSegments) as InsightPage[]).find(
    (key) => insightSegments[key] === segment,
  );
  return page ? { page, networkId: match[1].toLowerCase() } : null;
}

/** The href of a network's insight page, keeping the query so the tab stays in its mode and theme. */
export function insightHref(page: InsightPage, networkId: string, search: string): string {
  return `${networkHref(networkId, '')}/${insightSegments[page]}${search}`;
}
