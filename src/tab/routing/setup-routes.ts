/** The pages of Beheer → Inrichting (setup); this branch has the communities and organisations pages. */
export type SetupPage = 'communities' | 'organisations';

/** The path of each setup page. */
export const setupPaths: Record<SetupPage, string> = {
  communities: '/beheer/inrichting/gemeenschappen',
  organisations: '/beheer/inrichting/organisaties',
};

/** The setup page a path shows (a trailing slash is ignored), or null when it is none. */
export function setupFromPath(pathname: string): { page: SetupPage } | null {
  const path = pathname.replace(/\/+$/, '');
  for (const page of Object.keys(setupPaths) as SetupPage[]) {
    if (setupPaths[page] === path) return { page };
  }
  return null;
}

/** The href of a setup page, keeping the query so the tab stays in its mode and theme. */
export function setupHref(page: SetupPage, search: string): string {
  return `${setupPaths[page]}${search}`;
}
