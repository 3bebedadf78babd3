/**
 * The tab page a Teams deep link asks for: the link's `context.subEntityId`, which Teams hands the tab as
 * `page.subPageId`, is a path of this tab (`/crisisoproepen/<id>#antwoordlink=…`). Anything else (another
 * site, `//host`, a backslash some browsers read as a slash) is ignored, so a crafted link cannot send the
 * tab elsewhere. Returns the href to go to, keeping the current query (Teams mode and theme), or null.
 */
export function deepLinkHref(subPageId: string | null | undefined, search: string): string | null {
  if (!subPageId || !/^\/(?![/\\])[^\\\s]*$/.test(subPageId)) return null;
  const hashAt = subPageId.indexOf('#');
  const path = hashAt === -1 ? subPageId : subPageId.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : subPageId.slice(hashAt);
  if (path.includes('?')) return null;
  return `${path}${search}${hash}`;
}
