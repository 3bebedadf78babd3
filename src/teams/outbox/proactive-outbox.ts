import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import { backoffMs, type CardSender, classifyFailure } from './card-sender.js';
import {
  enqueueCards,
  type LeasedCard,
  leaseDueCards,
  markCardFailed,
  markCardSent,
  type OutboxCard,
  releaseCard,
} from './proactive-outbox-store.js';
import {
  APP_HEADROOM,
  APP_PER_SECOND,
  appBucketKey,
  blockConversation,
  ClockOffset,
  drawTokens,
} from './rate-budget.js';

export type { OutboxCard } from './proactive-outbox-store.js';

/** What capabilities see of the outbox: queue cards, and ask for them to go out now. */
export interface ProactiveCards {
  /** Queues cards (idempotent per key); returns how many were new. */
  enqueue(cards: readonly OutboxCard[]): Promise<number>;
  /** Starts sending what is due now, without waiting for it. */
  sendSoon(): void;
}

export interface ProactiveOutboxOptions {
  db: Kysely<Database>;
  sender: CardSender;
  /** The bot's app id: names the app's rate bucket, shared with the call-out delivery worker. */
  botId: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often due cards (retries, cards another instance queued) are looked for. */
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  random?: () => number;
}

/**
 * Teams' per-app-per-tenant limit at the call-out worker's default headroom: the same bucket shape, so both
 * draw from one budget without reshaping it back and forth.
 */
const APP_RATE = { perSecond: APP_PER_SECOND * APP_HEADROOM };
const BATCH = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The leased outbox for proactive cards: rows in `teams_outbox`, leased by whichever instance drains first,
 * each send drawn from the shared rate budget (the conversation's 7/s and the app's limit) and made through
 * the Bot Connector client. A 429 holds the conversation for its Retry-After, other failures back off until
 * `maxAttempts`; a final refusal marks the row failed. All state is in rows: any instance may send any card.
 */
export class ProactiveOutbox implements ProactiveCards {
  private readonly owner = randomUUID();
  private readonly clock = new ClockOffset();
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly o: ProactiveOutboxOptions) {}

  enqueue(cards: readonly OutboxCard[]): Promise<number> {
    return enqueueCards(this.o.db, cards);
  }

  sendSoon(): void {
    if (this.stopped) return;
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
  }

  /** Sends every due card, batch by batch, until none is left or the outbox stops. */
  async drainAll(): Promise<void> {
    await this.clock.measure(this.o.db);
    while (!this.stopped) {
      const leased = await leaseDueCards(this.o.db, this.owner, this.o.leaseMs ?? 30_000, BATCH);
      if (leased.length === 0) return;
      for (const card of leased) await this.send(card);
    }
  }

  private async send(card: LeasedCard): Promise<void> {
    const { db } = this.o;
    const app = { key: appBucketKey(this.o.botId, card.tenantId), rate: APP_RATE };
    const [draw] = await drawTokens(db, app, [card.conversationId]);
    if (!draw) return;
    if (!draw.granted) {
      const due = draw.reason === 'blocked' ? draw.until : new Date(Date.now() + draw.retryInMs);
      await releaseCard(db, card.id, this.owner, due, { countAttempt: false });
      return;
    }
    await sleep(this.clock.until(draw.slotAt));
    const target = { serviceUrl: card.serviceUrl, conversationId: card.conversationId };
    try {
      const { activityId } = await this.o.sender.sendActivity(target, card.activity);
      await markCardSent(db, card.id, this.owner, activityId);
      this.o.logger.info({ outboxId: card.id, purpose: card.purpose }, 'proactive card sent');
    } catch (error) {
      await this.failed(card, error);
    }
  }

  private async failed(card: LeasedCard, error: unknown): Promise<void> {
    const { db } = this.o;
    const verdict = classifyFailure(error);
    const log = { outboxId: card.id, purpose: card.purpose, attempts: card.attempts };
    if (verdict.kind === 'throttled') {
      const until = new Date(Date.now() + verdict.retryAfterMs);
      await blockConversation(db, card.conversationId, until);
      await releaseCard(db, card.id, this.owner, until, { countAttempt: true, error: '429' });
      return;
    }
    const reason = verdict.kind === 'give-up' ? verdict.reason : 'retries exhausted';
    if (verdict.kind === 'give-up' || card.attempts >= (this.o.maxAttempts ?? 8)) {
      await markCardFailed(db, card.id, this.owner, reason);
      this.o.logger.warn({ ...log, reason }, 'proactive card not delivered');
      return;
    }
    const due = new Date(Date.now() + backoffMs(card.attempts, this.o.random));
    await releaseCard(db, card.id, this.owner, due, { countAttempt: true, error: 'retry' });
  }
}
