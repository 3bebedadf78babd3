import { useCallback, useEffect, useRef, useState } from 'react';
import { answerAtHand } from '../api/client.js';

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

/** Whether a load answered what is shown already: the same value, or an object or array of the same members. */
function sameAnswer(shown: unknown, loaded: unknown): boolean {
  if (Object.is(shown, loaded)) return true;
  if (typeof shown !== 'object' || typeof loaded !== 'object' || shown === null || loaded === null)
    return false;
  if (Array.isArray(shown) !== Array.isArray(loaded)) return false;
  const before = shown as Record<string, unknown>;
  const after = loaded as Record<string, unknown>;
  const keys = Object.keys(before);
  return keys.length === Object.keys(after).length && keys.every((key) => Object.is(before[key], after[key]));
}

/**
 * Runs `load` on mount and whenever it changes (memoise it with useCallback), and again on `retry`.
 * A result that arrives after the component moved on is dropped.
 *
 * When the answer is already at hand on mount (the first page's data, asked at start-up, arrived before the page
 * rendered: api/client.ts, `answerAtHand`), the first render shows it: no loading state, and no second commit
 * (issue 21). For that the first render runs `load` once in peek mode, in which its API calls start nothing; so a
 * load does nothing but API calls and pure work on their answers (combining several through `combineAnswers`).
 * The mount's effect then takes that answer as usual (so it is handed out once) and leaves the state alone when it
 * is what the first render showed.
 */
export function useAsync<T>(load: () => Promise<T>): AsyncLoad<T> {
  const [first] = useState(() => {
    const ready = answerAtHand(load);
    return ready
      ? { state: { status: 'done', value: ready.value } as AsyncState<T>, fromHand: load }
      : { state: { status: 'loading' } as AsyncState<T>, fromHand: null };
  });
  const [state, setState] = useState<AsyncState<T>>(first.state);
  const [attempt, setAttempt] = useState(0);
  const currentLoad = useRef(load);
  // The load whose answer the first render showed from hand, until the mount's effect has taken it.
  const shownFromHand = useRef<(() => Promise<T>) | null>(first.fromHand);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true;
    currentLoad.current = load;
    const shown = shownFromHand.current === load;
    shownFromHand.current = null;
    if (!shown) setState({ status: 'loading' });
    load().then(
      (value) =>
        current &&
        setState((before) =>
          shown && before.status === 'done' && sameAnswer(before.value, value)
            ? before
            : { status: 'done', value },
        ),
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
