/** The pages of one network or person; their paths carry an id, so they live beside the fixed routes. */
export type IdRoute = 'network' | 'person';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NETWORK_PATH = new RegExp(`^/netwerken/(${UUID})$`);
const PERSON_PATH = new RegExp(`^/personen/(${UUID})$`);

/** The sub-pages of a network that other parts of the tab provide, in the order the network page links them. */
export const networkSubPages = [
  'dekking',
  'afspiegeling',
  'graaf',
  'import',
  'crisiskaart',
  'selectie',
  'evaluatie',
  'afwezigheid',
  'introductie',
] as const;
/** One of {@link networkSubPages}. */
export type NetworkSubPage = (typeof networkSubPages)[number];

/** The id route a path (without trailing slash) shows, or null; sub-pages such as `/netwerken/{id}/graaf` are not it. */
export function idRouteFromPath(path: string): IdRoute | null {
  if (NETWORK_PATH.test(path)) return 'network';
  if (PERSON_PATH.test(path)) return 'person';
  return null;
}

/** The id in a network or person path, or null when the path is neither. */
export function idFromPath(pathname: string): string | null {
  const path = pathname.replace(/\/+$/, '');
  return NETWORK_PATH.exec(path)?.[1] ?? PERSON_PATH.exec(path)?.[1] ?? null;
}

/** The href of a network's page, keeping the query (Teams mode and theme). */
export const networkHref = (networkId: string, search: string) =>
  `/netwerken/${encodeURIComponent(networkId)}${search}`;

/** The href of a network's sub-page, e.g. its coverage (`/netwerken/{id}/dekking`). */
export const networkSubPageHref = (networkId: string, page: NetworkSubPage, search: string) =>
  `/netwerken/${encodeURIComponent(networkId)}/${page}${search}`;

/** The href of a network's meetings page (`/netwerken/{id}/overleggen`), keeping the query (Teams mode and theme). */
export const meetingsHref = (networkId: string, search: string) =>
  `/netwerken/${encodeURIComponent(networkId)}/overleggen${search}`;

/** The href of a staff member's hand-over in a network (continuity, `/netwerken/{id}/overdracht/{userId}`). */
export const handOverHref = (networkId: string, userId: string, search: string) =>
  `/netwerken/${encodeURIComponent(networkId)}/overdracht/${encodeURIComponent(userId)}${search}`;

/** The href of a person's page, keeping the query. */
export const personHref = (personId: string, search: string) =>
  `/personen/${encodeURIComponent(personId)}${search}`;
