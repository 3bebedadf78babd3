import { useCallback, useEffect, useState } from 'react';
import { type CallOutDetail, getCallOut } from '../../api/call-out-endpoints.js';
import type { ApiClient } from '../../api/client.js';
import { useAsync } from '../../hooks/use-async.js';

/** How often an open call-out is read again: answers and deliveries arrive from Teams while the page is shown. */
export const POLL_INTERVAL_MS = 5000;

/**
 * The call-out, read again every few seconds while it is open and the page is visible (the API offers no push).
 * `stale` is true while the last refresh failed: the page keeps showing the last state and says so.
 * `replace` takes the call-out an action answered with, so the page does not wait for the next poll.
 */
export function useLiveCallOut(api: ApiClient, callOutId: string) {
  const load = useAsync(useCallback(() => getCallOut(api, callOutId), [api, callOutId]));
  const [latest, setLatest] = useState<CallOutDetail | null>(null);
  const [stale, setStale] = useState(false);
  const loaded = load.state.status === 'done' ? load.state.value : null;
  const callOut = latest && loaded && latest.version >= loaded.version ? latest : loaded;
  const open = callOut?.status === 'open';
  const { refresh } = load;

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      refresh().then(
        () => setStale(false),
        () => setStale(true),
      );
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [open, refresh]);

  return { load, callOut, stale, replace: setLatest };
}
