import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { MailPort } from '../../mail/mail-port.js';
import type { Database } from '../../platform/db/schema.js';
import type { AppInstaller, CardSender } from '../../teams/outbox/card-sender.js';
import type { OutboxJobSource } from '../../teams/outbox/proactive-outbox.js';
import { APP_HEADROOM, APP_PER_SECOND } from '../../teams/outbox/rate-budget.js';
import { inParallel, SendPacer } from '../../teams/outbox/send-pacer.js';
import { AnswerLinkMails, type AnswerLinkTarget } from '../answer-links/answer-link-mails.js';
import { readSharedCardView, type SharedCardView } from '../call-out-views.js';
import { AlertJobs, type RenderCard } from './alert-jobs.js';
import { AppInstallQueue } from './app-install-queue.js';
import { claimCardUpdates, claimDeliveries } from './delivery-store.js';
import { fireDueTimers } from './escalation.js';
import { UpdateJobs } from './update-jobs.js';

export type { RenderCard } from './alert-jobs.js';

export interface DeliveryWorkerOptions {
  db: Kysely<Database>;
  sender: CardSender;
  renderCard: RenderCard;
  /**
   * Installs the app through Graph for recipients without a conversation reference, one installer per tenant
   * it may install in; absent or empty (local mode, no catalog id set), they are reported unreachable at once.
   */
  installer?: AppInstaller | readonly AppInstaller[] | null;
  /**
   * The e-mail fallback for recipients Teams cannot reach (a one-time link to answer in the tab); absent, the
   * queued rows wait for a worker that has it.
   */
  answerLinkMail?: ({ mail: MailPort } & AnswerLinkTarget) | null;
  /**
   * The Teams outbox of the other proactive cards (the next-meeting proposal): this worker sends them through
   * its own pacer after its alert cards and card updates, so an alert never waits behind them. Absent, the
   * outbox drains itself (`driveOutbox` hands it over later).
   */
  proactiveCards?: OutboxJobSource | null;
  /** How long a row stays claimed while the app is installed for its recipient. */
  installLeaseMs?: number;
  /** The bot's app id: names the shared app bucket and is the bot member of new conversations. */
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
  leaseMs?: number;
  batchSize?: number;
  idleMs?: number;
  maxInFlight?: number;
  maxAttempts?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => Date;
  random?: () => number;
}

const DEFAULTS = {
  sharedBudget: true,
  ratePerSecond: APP_PER_SECOND,
  headroom: APP_HEADROOM,
  leaseMs: 30_000,
  // One second of slots at 50/s: a send given up as stale goes back to the outbox and is claimed again in
  // the next round, so a round longer than this would leave it waiting (a silence under CPU pressure).
  batchSize: 50,
  idleMs: 50,
  maxInFlight: 64,
  maxAttempts: 8,
  installer: null,
  answerLinkMail: null,
  proactiveCards: null,
  // Three Graph requests of at most 45 s each (graph-app-install.ts), with room to spare.
  installLeaseMs: 180_000,
};

const PREPARE_CONCURRENCY = 8;
/** How long an idle worker waits between looks for fallback e-mails to send. */
const MAIL_IDLE_MS = 1_000;

/**
 * The outbox worker: fires due escalation timers, claims due cards and card updates, draws from the shared
 * rate budget and sends. Any number of instances can run against one database; all state is in rows.
 */
export class DeliveryWorker {
  readonly workerId: string;
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'logger'>> & Pick<DeliveryWorkerOptions, 'logger'>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Installs the app for recipients without a reference, beside the send loop; null when not permitted. */
  private readonly installs: AppInstallQueue | null;
  /** Draws from the shared rate budget and sends at each slot (send-pacer.ts). */
  private readonly pacer: SendPacer;
  private readonly alerts: AlertJobs;
  private readonly updates: UpdateJobs;
  private readonly answerLinks: AnswerLinkMails | null;
  /** When the next e-mail round may look for work (epoch ms); see {@link mailRound}. */
  private nextMailRoundAt = 0;

  constructor(options: DeliveryWorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.o = {
      ...DEFAULTS,
      now: () => new Date(),
      random: Math.random,
      ...options,
      workerId: this.workerId,
    } as typeof this.o;
    const { installer } = this.o;
    const installers = installer === null ? [] : Array.isArray(installer) ? installer : [installer];
    this.installs =
      installers.length > 0
        ? new AppInstallQueue({
            db: this.o.db,
            installers,
            workerId: this.workerId,
            botId: this.o.botId,
            leaseMs: this.o.installLeaseMs,
            now: this.o.now,
            logger: this.o.logger,
            // Stopping: a queued install puts its row back for the next worker instead of starting.
            stopping: () => this.stopping(),
          })
        : null;
    this.pacer = new SendPacer({ ...this.o, stopping: () => this.stopping() });
    this.o.proactiveCards?.driveFrom(() => this.wakeUp());
    const jobs = { ...this.o, workerId: this.workerId };
    this.alerts = new AlertJobs(jobs, this.installs);
    this.updates = new UpdateJobs(jobs);
    const fallback = this.o.answerLinkMail;
    this.answerLinks = fallback
      ? new AnswerLinkMails({
          db: this.o.db,
          mail: fallback.mail,
          link: { publicUrl: fallback.publicUrl, catalogIdFor: fallback.catalogIdFor },
          workerId: this.workerId,
          now: this.o.now,
          logger: this.o.logger,
        })
      : null;
  }

  /**
   * Takes over sending the Teams outbox's cards (see `proactiveCards`): from now on they go out in this
   * worker's rounds, after the alert cards, and queueing one wakes the worker.
   */
  driveOutbox(outbox: OutboxJobSource): void {
    this.o.proactiveCards = outbox;
    outbox.driveFrom(() => this.wakeUp());
  }

  /** Ends an idle wait at once (new work was queued). */
  wakeUp(): void {
    this.wake?.();
  }

  /** Whether {@link stop} was called on a started worker. */
  private stopping(): boolean {
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
      this.o.logger?.warn({ err: { type: (error as Error).name } }, 'call-out worker warm-up failed');
    }
  }

  /** Stops claiming, waits for the sends in flight to be recorded. Unclaimed work stays for the next worker. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.pacer.settled();
    await this.installs?.drained();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.o.logger?.error({ err: { type: (error as Error).name } }, 'call-out worker round failed');
      }
      if (worked === 0 && this.running)
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.o.idleMs);
        });
    }
  }

  /**
   * One round: timers, then alert cards, then fallback mails, then card updates, then the Teams outbox's other
   * cards. Returns how much it did (0: idle).
   */
  async runOnce(): Promise<number> {
    const now = this.o.now();
    const timers = await fireDueTimers(this.o.db, now);
    const cards = await claimDeliveries(this.o.db, this.workerId, this.o.batchSize, this.o.leaseMs, now);
    // Reading and rendering run a few at a time ahead of the token loop, which then only draws and sends.
    // The shared part of a card is read once per call-out per round; only the call list is per recipient.
    const shared = new Map<string, Promise<SharedCardView | null>>();
    const sharedView = (callOutId: string) => {
      const known = shared.get(callOutId) ?? readSharedCardView(this.o.db, callOutId);
      shared.set(callOutId, known);
      return known;
    };
    const prepared = inParallel(cards, PREPARE_CONCURRENCY, (delivery) =>
      this.alerts.prepare(delivery, sharedView),
    );
    await this.pacer.fireInGroups(prepared, now);
    // First sends before updates: while a full batch of cards was due, more are waiting, and every token
    // goes to someone who has no card yet. Updates wait (coalesced: one pending row per copy, raised to the
    // latest version), and a card opened meanwhile refreshes itself through Universal Actions.
    if (cards.length >= this.o.batchSize) return timers + cards.length;
    // Mails after the cards: they go to people Teams could not reach, through another channel and budget.
    const mails = await this.mailRound(now);
    const updates = await claimCardUpdates(
      this.o.db,
      this.workerId,
      this.o.batchSize,
      this.o.leaseMs,
      this.o.now(),
    );
    await this.pacer.fireInGroups(
      inParallel(updates, PREPARE_CONCURRENCY, (update) => this.updates.prepare(update)),
      now,
    );
    // The other proactive cards (the next-meeting proposal) last, with the room the call-out's cards left:
    // never before an alert, and they share the budget and pacing of the crisis path.
    const room = this.o.batchSize - updates.length;
    const others =
      this.o.proactiveCards && room > 0 ? await this.o.proactiveCards.leaseJobs(this.workerId, room) : [];
    if (others.length > 0)
      await this.pacer.fireInGroups(
        others.map((job) => Promise.resolve(job)),
        now,
      );
    return timers + cards.length + updates.length + mails + others.length;
  }

  /**
   * The e-mail fallback's round: at once while it finds work, otherwise at most once a second, so an idle
   * worker (a round every `idleMs`) does not add a query per round for mail that is rarely due.
   */
  private async mailRound(now: Date): Promise<number> {
    if (!this.answerLinks || now.getTime() < this.nextMailRoundAt) return 0;
    const claimed = await this.answerLinks.runOnce();
    this.nextMailRoundAt = claimed > 0 ? 0 : now.getTime() + MAIL_IDLE_MS;
    return claimed;
  }

  /** Waits for the sends in flight (tests and shutdown). */
  async drain(): Promise<void> {
    await this.pacer.drain();
    await this.installs?.drained();
  }

  /** Sends given up because their app slot had passed (see SLOT_LATE_MS); for tests and benchmarks. */
  get staleSlotCount(): number {
    return this.pacer.staleSlotCount;
  }
}
