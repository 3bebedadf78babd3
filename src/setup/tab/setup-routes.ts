/** The route of every Beheer → Inrichting page in {@link AppRoute}; which page comes from the path. */
export type SetupRoute = 'setup';

/**
 * The day-one pages: the checklist and one page per step. Every step's path is known here so the
 * checklist can link to it; a page without a component yet shows "not found" (see setup-pages.tsx).
 */
export type SetupPage = 'checklist' | 'municipality' | 'areas' | 'communities' | 'organisations' | 'networks';

// Dutch, as users see it in the address bar (like /beheer/rollen).
const BASE = '/beheer/inrichting';

/** The path of each setup page. */
export const setupPaths: Record<SetupPage, string> = {
  checklist: BASE,
  municipality: `${BASE}/gemeente`,
  areas: `${BASE}/gebieden`,
  communities: `${BASE}/gemeenschappen`,
  organisations: `${BASE}/organisaties`,
  networks: `${BASE}/netwerken`,
};

/** The setup page a path shows, or null when it is not one (a trailing slash is ignored). */
export function setupFromPath(pathname: string): SetupPage | null {
  const path = pathname.replace(/\/+$/, '');
  const entry = (Object.entries(setupPaths) as [SetupPage, string][]).find(
    ([, candidate]) => candidate === path,
  );
  return entry ? entry[0] : null;
}

/** The href of a setup page, keeping the query so the tab stays in its mode and theme. */
export const setupHref = (page: SetupPage, search: string) => `${setupPaths[page]}${search}`;
