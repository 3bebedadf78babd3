import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import { backoffMs, type CardSender, classifyFailure } from './card-sender.js';
import type { OutboxClaim, OutboxJobSource, OutboxLoop, OutboxRound } from './outbox-worker.js';
import {
  enqueueCards,
  holdCard,
  type LeasedCard,
  leaseDueCards,
  markCardFailed,
  markCardSent,
  type OutboxCard,
  releaseCard,
} from './proactive-outbox-store.js';
import { APP_HEADROOM, APP_PER_SECOND, blockConversation } from './rate-budget.js';
import { type Job, SendPacer } from './send-pacer.js';

export type { OutboxCard } from './proactive-outbox-store.js';

/** What capabilities see of the outbox: queue cards, and ask for them to go out now. */
export interface ProactiveCards {
  /**
   * Queues cards (idempotent per key); returns how many were new. With `tx`, inside the caller's transaction:
   * the cards exist exactly when the caller's change commits (call `sendSoon` after the commit).
   */
  enqueue(cards: readonly OutboxCard[], tx?: Kysely<Database>): Promise<number>;
  /** Starts sending what is due now, without waiting for it. */
  sendSoon(): void;
}

export interface ProactiveOutboxOptions {
  db: Kysely<Database>;
  sender: CardSender;
  /** The bot's app id: names the app's rate bucket, shared with the outbox loop's other sources. */
  botId: string;
  /**
   * Whether other instances draw from the same budget (PostgreSQL): then a send woken too long after its slot
   * gives it up and draws again (SLOT_LATE_MS), as the outbox loop's sends do. Default true.
   */
  sharedBudget?: boolean;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often due cards (retries, cards another instance queued) are looked for. */
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  random?: () => number;
}

const BATCH = 20;

/**
 * The leased outbox for proactive cards: rows in `teams_outbox`, leased by whichever instance drains first,
 * each send drawn from the shared rate budget (the conversation's 7/s and the app's limit) by the one send
 * pacer (`send-pacer.ts`, the call-out alerts' too) and made through the Bot Connector client. Where the
 * outbox loop runs (`outbox-worker.ts`, with the call-outs' sources) this outbox is its lowest-priority source
 * (`attach`, `claim`): the alert cards and card updates go first. A 429 holds the conversation for its
 * Retry-After, other failures back off until `maxAttempts`; a final refusal marks the row failed. All state
 * is in rows: any instance may send any card.
 */
export class ProactiveOutbox implements ProactiveCards, OutboxJobSource {
  private readonly owner = randomUUID();
  private readonly pacer: SendPacer;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private driver: (() => void) | null = null;

  constructor(private readonly o: ProactiveOutboxOptions) {
    // The same shape of the app bucket as the outbox loop's default, so both draw from one budget
    // without reshaping it back and forth.
    this.pacer = new SendPacer({
      db: o.db,
      botId: o.botId,
      ratePerSecond: APP_PER_SECOND,
      headroom: APP_HEADROOM,
      sharedBudget: o.sharedBudget ?? true,
      maxInFlight: BATCH,
      now: () => new Date(),
      logger: o.logger,
      stopping: () => this.stopped,
    });
  }

  /** Joins an outbox loop: from now on `sendSoon` wakes that loop, and the outbox neither polls nor drains by itself. */
  attach(loop: OutboxLoop): void {
    this.driver = () => loop.wakeUp();
  }

  /** The loop's round: up to `limit` due cards, leased for the loop, ready to send. */
  async claim(round: OutboxRound): Promise<OutboxClaim> {
    const jobs = await this.leaseJobs(round.owner, round.limit);
    return { jobs: jobs.map((job) => Promise.resolve(job)) };
  }

  enqueue(cards: readonly OutboxCard[], tx?: Kysely<Database>): Promise<number> {
    return enqueueCards(tx ?? this.o.db, cards);
  }

  sendSoon(): void {
    if (this.stopped) return;
    if (this.driver) {
      this.driver();
      return;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainAll()
      .catch((error: unknown) =>
        this.o.logger.warn(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'proactive outbox drain failed',
        ),
      )
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.sendSoon();
        }
      });
  }

  /** Looks for due cards every `pollMs` (retries, and rows whose lease another instance let run out). */
  start(): void {
    this.stopped = false;
    if (this.driver) return;
    this.timer = setInterval(() => this.sendSoon(), this.o.pollMs ?? 2_000);
    this.timer.unref();
    this.sendSoon();
  }

  /** Stops polling and waits for the send in progress, so the database can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.draining;
    await this.pacer.settled();
  }

  /** Sends every due card, batch by batch, until none is left or the outbox stops. */
  async drainAll(): Promise<void> {
    await this.pacer.warmClock();
    while (!this.stopped) {
      const jobs = await this.leaseJobs(this.owner, BATCH);
      if (jobs.length === 0) return;
      await this.pacer.fireInGroups(
        jobs.map((job) => Promise.resolve(job)),
        new Date(),
      );
      await this.pacer.drain();
    }
  }

  /** Leases up to `limit` due cards for `owner` and returns them ready to send. */
  async leaseJobs(owner: string, limit: number): Promise<Job[]> {
    const leased = await leaseDueCards(this.o.db, owner, this.leaseMs, limit);
    return leased.map((card) => this.job(card, card.owner));
  }

  private get leaseMs(): number {
    return this.o.leaseMs ?? 30_000;
  }

  /** A leased card as a send job: released untried when no token is drawn, recorded once sent or refused. */
  private job(card: LeasedCard, owner: string): Job {
    const { db } = this.o;
    return {
      tenantId: card.tenantId,
      conversationId: card.conversationId,
      release: (until) => releaseCard(db, card.id, owner, until, { countAttempt: false }),
      send: async () => {
        // The recipient's tenant picks the bot where each tenant has its own (BOT_TENANT_BOTS).
        const target = {
          serviceUrl: card.serviceUrl,
          conversationId: card.conversationId,
          tenantId: card.tenantId,
        };
        // The fence: a lease that ran out while this instance was starved may have been taken by another
        // lease, which sends the card; sending it here too would be a duplicate (see holdCard).
        if (!(await holdCard(db, card.id, owner, this.leaseMs))) {
          this.o.logger.warn(
            { outboxId: card.id, purpose: card.purpose },
            'proactive card not sent: its lease was taken over',
          );
          return;
        }
        try {
          const { activityId } = await this.o.sender.sendActivity(target, card.activity);
          await markCardSent(db, card.id, owner, activityId);
          this.o.logger.info({ outboxId: card.id, purpose: card.purpose }, 'proactive card sent');
        } catch (error) {
          await this.failed(card, owner, error);
        }
      },
    };
  }

  private async failed(card: LeasedCard, owner: string, error: unknown): Promise<void> {
    const { db } = this.o;
    const verdict = classifyFailure(error);
    const log = { outboxId: card.id, purpose: card.purpose, attempts: card.attempts };
    if (verdict.kind === 'throttled') {
      const until = new Date(Date.now() + verdict.retryAfterMs);
      await blockConversation(db, card.conversationId, until);
      await releaseCard(db, card.id, owner, until, { countAttempt: true, error: '429' });
      return;
    }
    const reason = verdict.kind === 'give-up' ? verdict.reason : 'retries exhausted';
    if (verdict.kind === 'give-up' || card.attempts >= (this.o.maxAttempts ?? 8)) {
      await markCardFailed(db, card.id, owner, reason);
      this.o.logger.warn({ ...log, reason }, 'proactive card not delivered');
      return;
    }
    const due = new Date(Date.now() + backoffMs(card.attempts, this.o.random));
    await releaseCard(db, card.id, owner, due, { countAttempt: true, error: 'retry' });
  }
}
