import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../platform/db/errors.js';
import type { Database } from '../platform/db/schema.js';
import { sealAuditJournal } from './audit-store.js';

/** How often a running server seals the journal; the window in which an event is not yet chained. */
export const AUDIT_SEAL_INTERVAL_MS = 200;

export interface AuditSealer {
  /** Seals whatever is committed now; concurrent calls share one run. */
  sealNow(): Promise<number>;
  /** Stops the timer and seals one last time. */
  stop(): Promise<void>;
}

/**
 * Seals the audit journal on a timer. Every instance runs one; the advisory lock inside
 * `sealAuditJournal` keeps them from interleaving, so the chain stays linear.
 */
export function startAuditSealer(
  db: Kysely<Database>,
  logger: Logger,
  options: { intervalMs?: number; outages?: { reportUnavailable(): void } } = {},
): AuditSealer {
  const intervalMs = options.intervalMs ?? AUDIT_SEAL_INTERVAL_MS;
  let running: Promise<number> | null = null;
  // Why sealing last failed: an outage (logged by the tracker) or an error logged here.
  let failing: false | 'outage' | 'error' = false;
  const sealNow = (): Promise<number> => {
    running ??= sealAuditJournal(db)
      .then((sealed) => {
        if (failing === 'error') logger.info('audit journal sealing recovered');
        failing = false;
        return sealed;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    sealNow().catch((error: unknown) => {
      // An unreachable database is logged once by the server's outage tracker, not here too.
      if (isDatabaseUnavailable(error) && options.outages) {
        options.outages.reportUnavailable();
        failing = 'outage';
        return;
      }
      // Events stay in the journal and are sealed on the next tick; say so once, not every 200 ms.
      if (failing !== 'error')
        logger.error(
          { err: { type: error instanceof Error ? error.name : 'unknown' } },
          'audit journal sealing failed',
        );
      failing = 'error';
    });
  }, intervalMs);
  timer.unref();
  return {
    sealNow,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => 0);
      await sealNow();
    },
  };
}
