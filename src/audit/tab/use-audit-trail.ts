import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { type AuditEvent, type AuditFilter, listAuditEvents } from './audit-endpoints.js';

/** The loaded part of the trail: the first page loading or failed, or the events so far and the next cursor. */
export type TrailState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | {
      status: 'done';
      events: AuditEvent[];
      nextBeforeSeq: number | null;
      loadingMore: boolean;
      moreError: unknown;
    };

/** Loads the filtered trail page by page ("Meer laden" follows `nextBeforeSeq`); a new filter starts over. */
export function useAuditTrail(api: ApiClient, filter: AuditFilter) {
  const [state, setState] = useState<TrailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Pages that arrive after the filter changed belong to the old filter and are dropped.
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    const mine = ++generation.current;
    setState({ status: 'loading' });
    listAuditEvents(api, filter).then(
      (page) =>
        mine === generation.current &&
        setState({ status: 'done', ...page, loadingMore: false, moreError: null }),
      (error: unknown) => mine === generation.current && setState({ status: 'failed', error }),
    );
  }, [api, filter, attempt]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'done' || state.nextBeforeSeq === null || state.loadingMore) return;
    const mine = generation.current;
    setState({ ...state, loadingMore: true, moreError: null });
    try {
      const page = await listAuditEvents(api, filter, state.nextBeforeSeq);
      if (mine !== generation.current) return;
      setState({
        status: 'done',
        events: [...state.events, ...page.events],
        nextBeforeSeq: page.nextBeforeSeq,
        loadingMore: false,
        moreError: null,
      });
    } catch (error) {
      if (mine === generation.current) setState({ ...state, loadingMore: false, moreError: error });
    }
  }, [api, filter, state]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, retry };
}
