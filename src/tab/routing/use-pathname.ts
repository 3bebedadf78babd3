import { useSyncExternalStore } from 'react';

// pushState fires no event of its own; navigate() announces itself with this one.
const NAVIGATE_EVENT = 'bondgenoten:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current path, following the back and forward buttons and {@link navigate}. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/**
 * Goes to another page of the tab without reloading it (the server answers index.html for every page path).
 * `replace` swaps the current history entry, for a redirect the Back button should not return to.
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo({ top: 0 });
}
