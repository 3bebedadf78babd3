import { useCallback, useEffect, useState } from 'react';

/** The state of a load: in progress, failed (with the error), or done (with the value). */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; value: T };

/**
 * Runs `load` on mount and whenever it changes (memoise it with useCallback), and again on `retry`.
 * A result that arrives after the component moved on is dropped.
 */
export function useAsync<T>(load: () => Promise<T>): { state: AsyncState<T>; retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true;
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
  return { state, retry };
}
