/** The route of the Beheer → Privacy pages in {@link AppRoute}; the sub-page comes from the path. */
export type PrivacyRoute = 'privacy';

/** The three privacy pages: retention rules, the processing register, and one person (inzage, erasure). */
export type PrivacyPage = 'retention' | 'register' | 'person';

// Dutch, as administrators see it in the address bar (like /beheer/rollen).
const BASE = '/beheer/privacy';
const SEGMENTS: Record<PrivacyPage, string> = {
  retention: '',
  register: '/verwerkingsregister',
  person: '/persoon',
};

/** The privacy page a path shows, or null when it is not one (a trailing slash is ignored). */
export function privacyFromPath(pathname: string): PrivacyPage | null {
  const path = pathname.replace(/\/+$/, '');
  for (const [page, segment] of Object.entries(SEGMENTS) as [PrivacyPage, string][]) {
    if (path === `${BASE}${segment}`) return page;
  }
  return null;
}

/** The href of a privacy page, keeping the query so the tab stays in its mode and theme. */
export const privacyHref = (page: PrivacyPage, search: string) => `${BASE}${SEGMENTS[page]}${search}`;
