import { useEffect } from 'react';

/** Sets the browser tab's title while the page is shown, so screen-reader users hear where they are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
