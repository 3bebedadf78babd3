import { expect } from '@jest/globals';

type Sync<T> = ReturnType<typeof expect<T>>;
type Polling<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => unknown ? (...args: A) => Promise<void> : never;
};
/** The matchers of `expect(value)`, each one retried until it passes; await the result. */
export type Eventually<T> = Polling<Omit<Sync<T>, 'not' | 'resolves' | 'rejects'>> & {
  not: Polling<Omit<Sync<T>['not'], 'resolves' | 'rejects'>>;
};

export interface EventuallyOptions {
  /** How long the matcher may keep failing, in ms (default 1000). */
  timeout?: number;
  /** The pause between two reads, in ms (default 50). */
  interval?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For a value that settles after a while (a page re-rendering, a count that grows): reads it again and again
 * and applies the chained matcher to each read until one passes, or fails with the last read's failure once
 * `timeout` has passed. `await eventually(() => rows.count()).toBe(3)` — the matchers are Jest's own, so the
 * assertion is the same one a plain `expect` would make. Defaults are those of Vitest's expect.poll, which
 * this replaces: 1 s, a read every 50 ms.
 */
export function eventually<T>(
  read: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Eventually<Awaited<T>> {
  const { timeout = 1_000, interval = 50 } = options;
  // Created here, so that a failure points at the test line that waited rather than at this helper.
  const callSite = new Error('eventually');
  const matchers = (negated: boolean): unknown =>
    new Proxy(
      {},
      {
        get(_target, matcher) {
          if (matcher === 'not' && !negated) return matchers(true);
          if (typeof matcher !== 'string') return undefined;
          return async (...args: unknown[]) => {
            const deadline = Date.now() + timeout;
            let tries = 0;
            let lastFailure: unknown;
            for (;;) {
              tries += 1;
              try {
                const value = await read();
                const assertion = (negated ? expect(value).not : expect(value)) as unknown as Record<
                  string,
                  (...matcherArgs: unknown[]) => unknown
                >;
                const matcherFunction = assertion[matcher];
                if (typeof matcherFunction !== 'function')
                  throw new TypeError(`expect has no matcher ${matcher}`);
                matcherFunction.apply(assertion, args);
                return;
              } catch (error) {
                if (error instanceof TypeError && error.message.startsWith('expect has no matcher'))
                  throw error;
                lastFailure = error;
              }
              if (Date.now() >= deadline) break;
              await sleep(interval);
            }
            const last = lastFailure instanceof Error ? lastFailure.message : String(lastFailure);
            const failure = new Error(
              `eventually(…).${negated ? 'not.' : ''}${matcher} still failed after ${timeout} ms (${tries} reads). The last read:\n\n${last}`,
              { cause: lastFailure },
            );
            failure.stack = `${failure.message}\n${callSite.stack?.split('\n').slice(1).join('\n') ?? ''}`;
            throw failure;
          };
        },
      },
    );
  return matchers(false) as Eventually<Awaited<T>>;
}
