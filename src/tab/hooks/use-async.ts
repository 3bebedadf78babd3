import { useCallback, useEffect, useRef, useState } from 'react';

/** The state of a load: in progress, failed (with the error), or done (with the value). */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; value: T };

/** A load's state, a `retry` that starts over, and a `refresh` that reloads while the current value stays shown. */
export interface AsyncLoad<T> {
  state: AsyncState<T>;
  retry: () => void;
  /** Loads again without a spinner; rejects (leaving the shown value) when the load fails. */
  refresh: () => Promise<void>;
}

/**
 * Runs `load` on mount and whenever it changes (memoise it with useCallback), and again on `retry`.
 * A result that arrives after the component moved on is dropped.
 */
export function useAsync<T>(load: () => Promise<T>): AsyncLoad<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const currentLoad = useRef(load);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true;
    currentLoad.current = load;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'done', value }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(async () => {
    const value = await load();
    if (currentLoad.current === load) setState({ status: 'done', value });
  }, [load]);
  return { state, retry, refresh };
}
