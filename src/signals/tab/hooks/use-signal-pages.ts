import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { listSignals, type Signal } from '../api/signal-endpoints.js';

/** Signals shown at first and added by each "Meer laden". */
export const SIGNAL_PAGE_SIZE = 25;
/** The server's largest page (`SIGNAL_PAGE_MAX`): a refresh reloads at most this many at once. */
const REFRESH_MAX = 199;

type PagesState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; signals: Signal[]; more: boolean };

/**
 * A network's signals a page at a time: the first {@link SIGNAL_PAGE_SIZE}, then `loadMore` adds the next page
 * after the last one shown (the server's cursor). Each request asks one more than it shows, so the answer says
 * whether there is a next page without a count. `refresh` (after a change) reloads as many as were shown, in one
 * request, keeping the list where the reader was; `retry` starts over.
 */
export function useSignalPages(api: ApiClient, networkId: string, openOnly: boolean) {
  const [state, setState] = useState<PagesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const shown = useRef(SIGNAL_PAGE_SIZE);
  /** Bumped when the list starts over, so an answer for an older list is dropped. */
  const generation = useRef(0);

  const firstPages = useCallback(
    async (count: number) => {
      const rows = await listSignals(api, networkId, { openOnly, limit: count + 1 });
      return { signals: rows.slice(0, count), more: rows.length > count };
    },
    [api, networkId, openOnly],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    const mine = ++generation.current;
    shown.current = SIGNAL_PAGE_SIZE;
    setState({ status: 'loading' });
    setMoreError(null);
    firstPages(SIGNAL_PAGE_SIZE).then(
      (page) => mine === generation.current && setState({ status: 'done', ...page }),
      (error: unknown) => mine === generation.current && setState({ status: 'failed', error }),
    );
  }, [firstPages, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const refresh = useCallback(async () => {
    const mine = generation.current;
    const page = await firstPages(Math.min(Math.max(shown.current, SIGNAL_PAGE_SIZE), REFRESH_MAX));
    if (mine === generation.current) setState({ status: 'done', ...page });
  }, [firstPages]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'done' || !state.more) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const rows = await listSignals(api, networkId, {
        openOnly,
        limit: SIGNAL_PAGE_SIZE + 1,
        before: state.signals.at(-1),
      });
      if (mine !== generation.current) return;
      shown.current = state.signals.length + Math.min(rows.length, SIGNAL_PAGE_SIZE);
      setState({
        status: 'done',
        signals: [...state.signals, ...rows.slice(0, SIGNAL_PAGE_SIZE)],
        more: rows.length > SIGNAL_PAGE_SIZE,
      });
    } catch (error) {
      if (mine === generation.current) setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [api, networkId, openOnly, state]);

  return { state, retry, refresh, loadMore, loadingMore, moreError };
}
