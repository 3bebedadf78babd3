import { meetingsHref, networkHref } from '../../tab/routing/network-paths.js';

/** The route of every meetings page in {@link AppRoute}; which page (and network) comes from the path. */
export type MeetingRoute = 'meetings';

/** The meetings pages: a network's meetings, its series planner, and the year calendar across networks. */
export type MeetingLocation =
  | { page: 'network'; networkId: string }
  | { page: 'plan'; networkId: string }
  | { page: 'year' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Dutch segments, as users see them in the address bar (like `/netwerken/{id}/dekking`).
const NETWORK_MEETINGS = new RegExp(`^/netwerken/(${UUID})/overleggen$`, 'i');
const PLANNER = new RegExp(`^/netwerken/(${UUID})/overleggen/plannen$`, 'i');
const YEAR_PATH = '/overleggen/jaar';

/** The meetings page a path shows, or null when it is not one (trailing slashes are ignored). */
export function meetingFromPath(pathname: string): MeetingLocation | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === YEAR_PATH) return { page: 'year' };
  const network = NETWORK_MEETINGS.exec(path)?.[1];
  if (network) return { page: 'network', networkId: network.toLowerCase() };
  const plan = PLANNER.exec(path)?.[1];
  if (plan) return { page: 'plan', networkId: plan.toLowerCase() };
  return null;
}

/** The href of a network's meetings page: the tab shell's, which other capabilities' pages link to as well. */
export { meetingsHref };

/** The href of a network's series planner. */
export const plannerHref = (networkId: string, search: string) =>
  `${networkHref(networkId, '')}/overleggen/plannen${search}`;

/** The href of the year calendar; `year` is left out for the current one. */
export const yearCalendarHref = (search: string) => `${YEAR_PATH}${search}`;
