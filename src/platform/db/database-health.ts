import type { Logger } from 'pino';

/** How long clients are asked to wait (Retry-After, seconds) while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Tracks whether the database is reachable, so that an outage is logged once (warn) and its end once
 * (info) instead of one error per failed request. Requests are never held back by it: each one still
 * tries the pool, which is what lets service resume the moment the database is back.
 */
export class DatabaseHealth {
  private down = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly probeIntervalMs = 500,
  ) {}

  /** Whether the last thing we heard was an outage. */
  get unavailable(): boolean {
    return this.down;
  }

  /** Called wherever an error is classified as "database unavailable". */
  reportUnavailable(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    this.logger.warn('database unavailable: answering 503 with Retry-After until it is back');
    this.scheduleProbe();
  }

  /** Stops probing (server shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private scheduleProbe(): void {
    this.timer = setTimeout(() => {
      this.probe().then(
        () => {
          this.down = false;
          this.timer = undefined;
          this.logger.info('database available again');
        },
        () => {
          if (!this.stopped) this.scheduleProbe();
        },
      );
    }, this.probeIntervalMs);
    this.timer.unref();
  }
}
