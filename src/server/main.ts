import { renderAlertCard } from '../call-outs/bot/cards/call-out-card.js';
import { createCallOutWorker } from '../call-outs/delivery/worker-composition.js';
import { createLogger } from '../platform/logger.js';
import { composeBotHandler } from './compose.js';
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './start-server.js';

/** Entry point of `node dist/src/server/main.js`: configure, start, and stop cleanly on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger, {
    botHandler: composeBotHandler,
    worker: (deps) => createCallOutWorker(deps, (view, locale) => renderAlertCard(view, locale)),
  });
  logger.info(
    { url: server.url, database: server.database.engine, authMode: config.authMode },
    'Bondgenoten server listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.close();
    logger.info('stopped; database closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Bondgenoten could not start: ${message}\n`);
  process.exit(1);
});
