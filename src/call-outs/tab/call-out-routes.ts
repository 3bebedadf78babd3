/** The routes of the crisis call-out pages in {@link AppRoute}; the page (and id) come from the path. */
export type CallOutRoute = 'call-outs';

/** Which call-out page a path shows: the list of open ones, the closed ones, the start form, or one call-out. */
export type CallOutLocation =
  | { page: 'list' }
  | { page: 'closed' }
  | { page: 'new' }
  | { page: 'detail'; callOutId: string };

// Dutch, as users see it in the address bar (like /netwerken and /zoeken).
const BASE = '/crisisoproepen';
const NEW = 'nieuw';
const CLOSED = 'afgesloten';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The call-out page a path shows, or null when it is not one (a trailing slash is ignored). */
export function callOutFromPath(pathname: string): CallOutLocation | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE) return { page: 'list' };
  const match = /^\/crisisoproepen\/([^/]+)$/.exec(path);
  if (!match?.[1]) return null;
  if (match[1] === NEW) return { page: 'new' };
  if (match[1] === CLOSED) return { page: 'closed' };
  return UUID.test(match[1]) ? { page: 'detail', callOutId: match[1].toLowerCase() } : null;
}

/** The href of the list of open call-outs, keeping the query so the tab stays in its mode and theme. */
export const callOutListHref = (search: string) => `${BASE}${search}`;

/** The href of the closed call-outs. */
export const closedCallOutsHref = (search: string) => `${BASE}/${CLOSED}${search}`;

/** The href of the start form. */
export const newCallOutHref = (search: string) => `${BASE}/${NEW}${search}`;

/** The href of one call-out's page. */
export const callOutHref = (callOutId: string, search: string) =>
  `${BASE}/${encodeURIComponent(callOutId)}${search}`;
