import { Writable } from 'node:stream';
import type { RequestHandler } from 'express';
import type { AutomaticRepliesPort } from '../../src/continuity/automatic-replies-port.js';
import type { Directory } from '../../src/identity/directory-port.js';
import type { CalendarPort } from '../../src/meetings/calendar-port.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logger.js';
import { type AppConfig, loadConfig } from '../../src/server/config.js';
import type { AppDeps } from '../../src/server/deps.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { createTestDatabase } from './test-db.js';

/** A real server on a free loopback port with its own test database, plus every log line it wrote. */
export interface TestServer extends RunningServer {
  logLines: string[];
}

/** Starts the production server code against a fresh test database; `env` overrides the environment. */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    database?: DatabaseHandle;
    botHandler?: (deps: AppDeps) => RequestHandler;
    directory?: Directory;
    calendar?: CalendarPort;
    automaticReplies?: AutomaticRepliesPort;
  } = {},
): Promise<TestServer> {
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...options.env }),
    port: 0,
    seedDemo: false,
  };
  const database = options.database ?? (await createTestDatabase({ seed: options.seed ?? true }));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const server = await startServer(config, createLogger(config.logLevel, sink), {
    database,
    ...(options.botHandler ? { botHandler: options.botHandler } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.automaticReplies ? { automaticReplies: options.automaticReplies } : {}),
  });
  return {
    ...server,
    logLines,
    close: async () => {
      await server.close();
      if (!options.database) await database.close();
    },
  };
}
