import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import type { CardSender } from './card-sender.js';
import { APP_HEADROOM, APP_PER_SECOND } from './rate-budget.js';
import { GROUP_SIZE, type Job, SendPacer } from './send-pacer.js';

/** What a source sees of the loop that drives it. */
export interface OutboxLoop {
  /** Owns the leases the source takes in this loop's rounds. */
  readonly workerId: string;
  /** True once the loop is stopping: work the source queued beside the loop puts its rows back. */
  stopping(): boolean;
  /** Ends the loop's idle wait at once (new work was queued). */
  wakeUp(): void;
}

/** One round's ask of a source. */
export interface OutboxRound {
  /** The lease owner (the loop's worker id). */
  owner: string;
  /** At most this many send jobs. */
  limit: number;
  /** The round's start. */
  now: Date;
}

/** What a source claimed in a round. */
export interface OutboxClaim {
  /**
   * One entry per claimed row, in claim order: the send job being prepared (read and rendered), or null when
   * the row needs no send now (it was settled, or handed to work beside the loop).
   */
  jobs: readonly Promise<Job | null>[];
  /** Work done without a send (timers fired, e-mails sent); counts as work, so the loop does not idle. */
  done?: number;
}

/**
 * A source of work for the outbox loop: the call-outs' escalation timers, alert cards, answer-link mails and
 * card updates, the Teams outbox's other proactive cards. All state is in the source's rows, leased by `owner`.
 */
export interface OutboxJobSource {
  /**
   * Gets a whole batch of its own and, when it fills it, ends the round, so every token goes to it while more
   * of it is due (the crisis alerts). The other sources share one batch's room, in their order.
   */
  readonly ownBatch?: boolean;
  /** Claims this round's due work. */
  claim(round: OutboxRound): Promise<OutboxClaim>;
  /** Called once when the source joins a loop: from then on queueing work wakes that loop. */
  attach?(loop: OutboxLoop): void;
  /** Resolves once work the source does beside the loop (an app installation) has finished. */
  settled?(): Promise<void>;
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  /** The process's one connector client: its token is fetched at start-up, so the first card does not wait. */
  sender: Pick<CardSender, 'warm'>;
  /** The sources in priority order: the crisis alerts first, then card updates, then other proactive cards. */
  sources: readonly OutboxJobSource[];
  /** The bot's app id: names the shared app bucket. */
  botId: string;
  /** Teams' per-app-per-tenant limit (requests per second); older documentation says 30. */
  ratePerSecond?: number;
  /** Share of the limit the budget refills at, leaving room for jitter between our clock and Teams'. */
  headroom?: number;
  /**
   * Whether other instances draw from the same budget (PostgreSQL). Then a send woken too long after its slot
   * gives it up (SLOT_LATE_MS): another instance may have used the slots after it. PGlite lives inside this one
   * process, so no other instance exists, the local pacing already spaces the sends, and giving slots up
   * there only feeds back into a busier event loop (the benchmark stalled with it on).
   */
  sharedBudget?: boolean;
  workerId?: string;
  batchSize?: number;
  idleMs?: number;
  maxInFlight?: number;
  logger?: Pick<Logger, 'warn' | 'error'> | undefined;
  now?: () => Date;
}

export const OUTBOX_LOOP_DEFAULTS = {
  sharedBudget: true,
  ratePerSecond: APP_PER_SECOND,
  headroom: APP_HEADROOM,
  // One second of slots at 50/s: a send given up as stale goes back to the outbox and is claimed again in
  // the next round, so a round longer than this would leave it waiting (a silence under CPU pressure).
  batchSize: 50,
  idleMs: 50,
  maxInFlight: 64,
};

/**
 * The one sending loop for every proactive card: each round asks the sources in priority order for due work,
 * draws from the shared rate budget and sends through one pacer (`send-pacer.ts`), at most `maxInFlight` at
 * once. Any number of instances can run against one database; all state is in the sources' rows.
 */
export class OutboxWorker implements OutboxLoop {
  readonly workerId: string;
  private readonly o: Required<Omit<OutboxWorkerOptions, 'logger' | 'workerId'>> &
    Pick<OutboxWorkerOptions, 'logger'>;
  private readonly sources: OutboxJobSource[] = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Draws from the shared rate budget and sends at each slot (send-pacer.ts). */
  private readonly pacer: SendPacer;

  constructor(options: OutboxWorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.o = { ...OUTBOX_LOOP_DEFAULTS, now: () => new Date(), ...options } as typeof this.o;
    this.pacer = new SendPacer({ ...this.o, stopping: () => this.stopping() });
    for (const source of options.sources) this.addSource(source);
  }

  /**
   * Adds a source after the others, with the lowest priority (the Teams outbox's other proactive cards):
   * from now on they go out in this loop's rounds, never before an alert, and queueing one wakes the loop.
   */
  addSource(source: OutboxJobSource): void {
    this.sources.push(source);
    source.attach?.(this);
  }

  /** Ends an idle wait at once (new work was queued). */
  wakeUp(): void {
    this.wake?.();
  }

  /** Whether {@link stop} was called on a started worker. */
  stopping(): boolean {
    return !this.running && this.loop !== null;
  }

  /** Starts the loop; it runs until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.warmUp().then(() => this.run());
  }

  /**
   * What the first card would otherwise wait for, done at start-up: the connector token (in the background:
   * a slow token endpoint must not hold the loop) and the clock offset (five samples, which the first draws
   * would otherwise take). A failure is only logged: the loop fetches the same things again when needed.
   */
  private async warmUp(): Promise<void> {
    void this.o.sender.warm?.().catch((error: unknown) => {
      this.o.logger?.warn({ err: { type: (error as Error).name } }, 'connector token warm-up failed');
    });
    try {
      await this.pacer.warmClock();
    } catch (error) {
      this.o.logger?.warn({ err: { type: (error as Error).name } }, 'outbox worker warm-up failed');
    }
  }

  /** Stops claiming, waits for the sends in flight to be recorded. Unclaimed work stays for the next worker. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.pacer.settled();
    await this.sourcesSettled();
  }

  private async sourcesSettled(): Promise<void> {
    for (const source of this.sources) await source.settled?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.o.logger?.error({ err: { type: (error as Error).name } }, 'outbox worker round failed');
      }
      if (worked === 0 && this.running)
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.o.idleMs);
        });
    }
  }

  /**
   * One round: each source in priority order claims its due work, and its jobs are sent (as tokens allow)
   * before the next source is asked. A source with a batch of its own that fills it ends the round: while a
   * full batch of alert cards was due, more are waiting, and every token goes to someone who has no card yet.
   * The other sources share one batch's room. Returns how much it did (0: idle).
   */
  async runOnce(): Promise<number> {
    // Claim only what can go out soon: while more than a group of drawn sends still waits for its slot (a
    // starved process sends slowly), a new claim would only age its rows towards the end of their lease.
    await this.pacer.fewWaiting(GROUP_SIZE);
    const now = this.o.now();
    const { batchSize } = this.o;
    let worked = 0;
    let room = batchSize;
    for (const source of this.sources) {
      const limit = source.ownBatch ? batchSize : room;
      if (limit <= 0) continue;
      const claim = await source.claim({ owner: this.workerId, limit, now });
      worked += (claim.done ?? 0) + claim.jobs.length;
      if (claim.jobs.length > 0) await this.pacer.fireInGroups([...claim.jobs], now);
      if (source.ownBatch) {
        if (claim.jobs.length >= batchSize) return worked;
      } else room -= claim.jobs.length;
    }
    return worked;
  }

  /** Waits for the sends in flight (tests and shutdown). */
  async drain(): Promise<void> {
    await this.pacer.drain();
    await this.sourcesSettled();
  }

  /** Sends given up because their app slot had passed (see SLOT_LATE_MS); for tests and benchmarks. */
  get staleSlotCount(): number {
    return this.pacer.staleSlotCount;
  }
}
