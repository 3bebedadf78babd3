import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { type CallOutDetail, getCallOut, getCallOutChangeStamp } from '../api/call-out-endpoints.js';

/** How often an open call-out is read again: answers and deliveries arrive from Teams while the page is shown. */
export const POLL_INTERVAL_MS = 5000;

/**
 * The call-out, kept current while it is open and the page is visible (the API offers no push): every few
 * seconds the page asks for the call-out's change stamp (no personal data, not audited) and reads the
 * call-out again (an audited read) only when the stamp differs from the one it shows. While the call-out is
 * being sent out, single deliveries do not change the stamp (issue 21: 1,000 open pages would each re-read
 * it on every poll); the stamp's answer carries the progress counts, which the page shows at once, and the
 * recipients' delivery column catches up on the first poll after the fan-out settles or anything else changes.
 * `stale` is true while the last refresh failed: the page keeps showing the last state and says so.
 * `replace` takes the call-out an action answered with, so the page does not wait for the next poll.
 */
export function useLiveCallOut(api: ApiClient, callOutId: string) {
  const load = useAsync(useCallback(() => getCallOut(api, callOutId), [api, callOutId]));
  const [latest, setLatest] = useState<CallOutDetail | null>(null);
  const [stale, setStale] = useState(false);
  const [progress, setProgress] = useState<{ stamp: string; value: CallOutDetail['progress'] } | null>(null);
  const loaded = load.state.status === 'done' ? load.state.value : null;
  const read = latest && loaded && latest.version >= loaded.version ? latest : loaded;
  // Progress polled with the stamp the page shows is newer than the progress of the read behind it.
  const callOut =
    read && progress && progress.stamp === read.stamp ? { ...read, progress: progress.value } : read;
  const open = callOut?.status === 'open';
  const { refresh } = load;
  const shownStamp = useRef<string | null>(null);
  shownStamp.current = callOut?.stamp ?? null;

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      getCallOutChangeStamp(api, callOutId)
        .then(({ stamp, progress: value }) => {
          if (stamp !== shownStamp.current) return refresh();
          setProgress((before) =>
            before?.stamp === stamp && sameProgress(before.value, value) ? before : { stamp, value },
          );
        })
        .then(
          () => setStale(false),
          () => setStale(true),
        );
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [open, refresh, api, callOutId]);

  return { load, callOut, stale, replace: setLatest };
}

type Progress = CallOutDetail['progress'];

/** Whether two progress answers hold the same counts (so an unchanged poll does not re-render the page). */
function sameProgress(a: Progress, b: Progress): boolean {
  return (
    a.recipients === b.recipients &&
    a.sent === b.sent &&
    a.unreachable === b.unreachable &&
    a.answered === b.answered
  );
}
