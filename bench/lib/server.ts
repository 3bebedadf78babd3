import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform/logger.js';
import { loadConfig } from '../../src/server/config.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { BLANK_TAB_PAGE, SIGNED_IN_BLANK_TAB_PAGE } from './blank-tab.js';
import { deferCleanup } from './cleanup.js';
import { createBenchDatabase } from './database.js';

/** Swallows log lines: the server still formats them at `info`, as in production, but nothing is written. */
function nullSink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

/**
 * Starts the production server code in-process on a free loopback port, in local sign-in mode, against
 * a fresh database holding the fictional demo municipality. `close()` stops it and drops the database.
 */
async function startBenchServer(): Promise<RunningServer> {
  const config = {
    ...loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'info', AUTH_MODE: 'local', HOST: '127.0.0.1' }),
    port: 0,
    seedDemo: false,
  };
  const database = await createBenchDatabase({ seed: true });
  const closeDatabase = deferCleanup(() => database.close());
  const server = await startServer(config, createLogger(config.logLevel, nullSink()), {
    database,
    // The blank tabs, built by the browser suites in the same run, served with the tab's headers and compression.
    extraPages: [BLANK_TAB_PAGE, SIGNED_IN_BLANK_TAB_PAGE],
  }).catch(async (error) => {
    await closeDatabase();
    throw error;
  });
  const stop = deferCleanup(async () => {
    await server.close();
    await closeDatabase();
  });
  return { ...server, close: stop };
}

let shared: Promise<RunningServer> | undefined;

/**
 * The run's one server, started on first use: starting one (database, migrations, demo seed) takes
 * seconds, and no suite changes what another measures (audit-append only adds audit rows), so they
 * share it. {@link stopBenchServer} ends it.
 */
export function benchServer(): Promise<RunningServer> {
  shared ??= startBenchServer();
  return shared;
}

/** Stops the shared server, if one was started, and drops its database. */
export async function stopBenchServer(): Promise<void> {
  const running = shared;
  shared = undefined;
  if (running) await (await running.catch(() => undefined))?.close();
}
