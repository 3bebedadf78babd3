import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { ConnectorLimits, ConnectorRequest, FailureRule } from '../stand-ins/bot-connector.js';

/**
 * The Bot Connector stand-in in a worker thread of its own, for the bench: there it notes arrival times on
 * its own event loop, as the real connector would on its own machine, instead of whenever the busy sender's
 * loop gets round to it (which bunches arrivals and makes its rate windows see bursts that never were).
 */
export interface ThreadedConnector {
  url: string;
  addFailure(rule: FailureRule): Promise<void>;
  /** The calls so far, without their bodies; `at` in epoch milliseconds. */
  requests(): Promise<Omit<ConnectorRequest, 'body' | 'authorization'>[]>;
  /**
   * How many conversations have a card accepted: counted in the thread, for a caller that asks often (every
   * 200 ms while a fan-out runs). Fetching `requests` instead copied every call across threads each time and
   * held up the stand-in's loop, so arrivals meanwhile were stamped late and bunched.
   */
  delivered(): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

type Command =
  | { op: 'start'; limits?: Partial<ConnectorLimits>; seed?: number }
  | { op: 'addFailure'; rule: FailureRule }
  | { op: 'requests' }
  | { op: 'delivered' }
  | { op: 'clear' };

function bootstrap(): string {
  const entry = new URL(import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

/** Starts the stand-in in a worker thread and talks to it by messages. */
export async function startThreadedConnector(
  options: { limits?: Partial<ConnectorLimits>; seed?: number } = {},
): Promise<ThreadedConnector> {
  const worker = new Worker(bootstrap(), { eval: true });
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  worker.on('message', (message: { id: number; value: unknown }) => {
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  const ask = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (value: unknown) => void);
      worker.postMessage({ id, command });
    });
  const url = await ask<string>({ op: 'start', ...options });
  return {
    url,
    addFailure: (rule) => ask({ op: 'addFailure', rule }),
    requests: () => ask({ op: 'requests' }),
    delivered: () => ask({ op: 'delivered' }),
    clear: () => ask({ op: 'clear' }),
    close: async () => {
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { startBotConnectorStandIn } = await import('../stand-ins/bot-connector.js');
  let standIn: Awaited<ReturnType<typeof startBotConnectorStandIn>> | null = null;
  port.on('message', async ({ id, command }: { id: number; command: Command }) => {
    let value: unknown = null;
    if (command.op === 'start') {
      standIn = await startBotConnectorStandIn({
        ...(command.limits ? { limits: command.limits } : {}),
        ...(command.seed === undefined ? {} : { seed: command.seed }),
      });
      value = standIn.url;
    } else if (command.op === 'addFailure') standIn?.addFailure(command.rule);
    else if (command.op === 'clear') standIn?.clear();
    else if (command.op === 'delivered')
      value = new Set((standIn?.activities ?? []).map((activity) => activity.conversationId)).size;
    else if (command.op === 'requests')
      // Arrival times as epoch milliseconds, comparable with the main thread's clock.
      value = (standIn?.requests ?? []).map(({ body: _body, authorization: _authorization, ...rest }) => ({
        ...rest,
        at: rest.at + performance.timeOrigin,
      }));
    port.postMessage({ id, value });
  });
}
