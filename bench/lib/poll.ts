import { Worker } from 'node:worker_threads';
import { workerBootstrap } from './load.js';
import type { PollResult, PollStart } from './poll-types.js';

export type { PollResult, PollSample, PollStart } from './poll-types.js';

/** Open call-out pages in a worker thread: `start` opens them, `stop()` closes them and hands back what they saw. */
export interface Pages {
  start(start: PollStart): void;
  stop(): Promise<PollResult>;
  /** Ends the worker whatever state it is in (after a failure): a live worker keeps the bench from exiting. */
  close(): Promise<void>;
}

type WorkerAnswer = { ok: true; result: PollResult } | { ok: false; error: string };

/**
 * Boots the worker (loading it takes a moment, so boot it before the moment the pages must open); one
 * polling run per worker.
 */
export function bootPages(): Pages {
  const worker = new Worker(workerBootstrap(new URL('./poll-worker.ts', import.meta.url)), { eval: true });
  let failure: Error | undefined;
  worker.on('error', (error) => {
    failure = error;
  });
  return {
    start: (start) => worker.postMessage({ start }),
    close: async () => {
      await worker.terminate();
    },
    stop: () =>
      new Promise<PollResult>((resolve, reject) => {
        // A page's request gives up after 10 s, so a worker that has not answered in 30 s never will.
        const timer = setTimeout(
          () => finish(() => reject(new Error('poll worker did not answer "stop" within 30 s'))),
          30_000,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          void worker.terminate();
          settle();
        };
        if (failure) return finish(() => reject(failure));
        worker.once('exit', (code) => reject(failure ?? new Error(`poll worker exited with code ${code}`)));
        worker.once('message', (answer: WorkerAnswer) =>
          finish(() =>
            answer.ok ? resolve(answer.result) : reject(new Error(`polling failed: ${answer.error}`)),
          ),
        );
        worker.postMessage('stop');
      }),
  };
}
