import { Worker } from 'node:worker_threads';
import type { LoadRequest, LoadSummary } from './load-types.js';

export type { LoadRequest, LoadSummary } from './load-types.js';

/** Runs load tests one after another in a worker thread, so client and server each get a core. */
export interface LoadGenerator {
  measure(request: LoadRequest): Promise<LoadSummary>;
  close(): Promise<void>;
}

type WorkerAnswer = { ok: true; summary: LoadSummary } | { ok: false; error: string };

/**
 * Worker threads do not inherit tsx's loader, so the worker first loads tsx's API and imports the
 * TypeScript entry through it (https://tsx.is/dev-api/ts-import).
 */
export function workerBootstrap(entryUrl = new URL('./load-worker.ts', import.meta.url)): string {
  const entry = entryUrl.href;
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

/** Starts the worker; one worker serves every run, so its client code is warm by the measured ones. */
export function createLoadGenerator(): LoadGenerator {
  const worker = new Worker(workerBootstrap(), { eval: true });
  let failure: Error | undefined;
  worker.on('error', (error) => {
    failure = error;
  });
  return {
    measure: (request) =>
      new Promise<LoadSummary>((resolve, reject) => {
        if (failure) return reject(failure);
        const onExit = (code: number) => reject(failure ?? new Error(`load worker exited with code ${code}`));
        worker.once('exit', onExit);
        worker.once('message', (answer: WorkerAnswer) => {
          worker.off('exit', onExit);
          if (answer.ok) resolve(answer.summary);
          else reject(new Error(`load run failed: ${answer.error}`));
        });
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
