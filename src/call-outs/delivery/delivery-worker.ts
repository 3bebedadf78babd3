import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import {
  type AppInstaller,
  backoffMs,
  type CardSender,
  type ConversationTarget,
  cardActivity,
  classifyFailure,
} from '../../teams/outbox/card-sender.js';
import {
  APP_HEADROOM,
  APP_PER_SECOND,
  appBucketKey,
  blockConversation,
  ClockOffset,
  drawTokens,
  SLOT_LATE_MS,
} from '../../teams/outbox/rate-budget.js';
import { personalView, readSharedCardView, type SharedCardView } from '../call-out-views.js';
import type { AlertCardView } from '../contract.js';
import { AppInstallQueue } from './app-install-queue.js';
import {
  type ClaimedDelivery,
  type ClaimedUpdate,
  claimCardUpdates,
  claimDeliveries,
  completeCardUpdate,
  findReference,
  markSent,
  markUndeliverable,
  releaseCardUpdate,
  releaseDelivery,
  rememberConversation,
} from './delivery-store.js';
import { fireDueTimers } from './escalation.js';

/** Turns a view into Adaptive Card JSON; the bot's renderer (src/call-outs/bot), injected so the worker never imports card code. */
export type RenderCard = (view: AlertCardView, locale: 'nl' | 'en') => unknown;

export interface DeliveryWorkerOptions {
  db: Kysely<Database>;
  sender: CardSender;
  renderCard: RenderCard;
  /**
   * Installs the app through Graph for recipients without a conversation reference; absent (local mode, or
   * TEAMS_APP_CATALOG_ID not set), they are reported unreachable at once.
   */
  installer?: AppInstaller | null;
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
  // Three Graph requests of at most 45 s each (graph-app-install.ts), with room to spare.
  installLeaseMs: 180_000,
};

const PREPARE_CONCURRENCY = 8;

/** Maps with at most `limit` calls running; the promises come back in input order. */
function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R>[] {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running -= 1;
    queue.shift()?.();
  };
  return items.map(
    (item) =>
      new Promise<R>((resolve, reject) => {
        const go = () => {
          running += 1;
          work(item).then(resolve, reject).finally(next);
        };
        if (running < limit) go();
        else queue.push(go);
      }),
  );
}

/** A request ready to go: everything is read and rendered; it only needs a token. */
interface Job {
  tenantId: string;
  conversationId: string;
  /** Puts the row back, due at `until`, without counting an attempt. */
  release(until: Date): Promise<void>;
  send(): Promise<void>;
}

/** Requests drawn for in one transaction: fewer round trips per token, so the loop keeps up with 50/s. */
const GROUP_SIZE = 10;

/**
 * How much faster than the slot rate the local gate lets late sends out. Above 1 so that lateness from a
 * pause is caught up instead of kept; bounded so a woken process does not burst (the stale-slot limit caps
 * how many late sends there can be: rate × SLOT_LATE_MS).
 */
const CATCH_UP = 2;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function localeOf(reference: unknown): 'nl' | 'en' {
  const locale = (reference as { locale?: unknown } | null)?.locale;
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * The outbox worker: fires due escalation timers, claims due cards and card updates, draws from the shared
 * rate budget and sends. Any number of instances can run against one database; all state is in rows.
 */
export class DeliveryWorker {
  readonly workerId: string;
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'logger'>> & Pick<DeliveryWorkerOptions, 'logger'>;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  /** Slots are moments of the database clock; sends are timed on ours, so the offset must be steady. */
  private readonly clock = new ClockOffset();
  private clockSamples = 0;
  private staleSlots = 0;
  private gate: Promise<void> = Promise.resolve();
  private nextSendAt = 0;
  /** Installs the app for recipients without a reference, beside the send loop; null when not permitted. */
  private readonly installs: AppInstallQueue | null;

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
    this.installs = installer
      ? new AppInstallQueue({
          db: this.o.db,
          installer,
          workerId: this.workerId,
          botId: this.o.botId,
          leaseMs: this.o.installLeaseMs,
          now: this.o.now,
          logger: this.o.logger,
          // Stopping: a queued install puts its row back for the next worker instead of starting.
          stopping: () => !this.running && this.loop !== null,
        })
      : null;
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
      for (; this.clockSamples < 5; this.clockSamples += 1) await this.clock.measure(this.o.db);
    } catch (error) {
      this.o.logger?.warn({ err: { type: (error as Error).name } }, 'call-out worker warm-up failed');
    }
  }

  /** Stops claiming, waits for the sends in flight to be recorded. Unclaimed work stays for the next worker. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
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

  /** One round: timers, then cards, then card updates. Returns how much it did (0: idle). */
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
      this.prepareCard(delivery, sharedView),
    );
    await this.fireInGroups(prepared, now);
    // First sends before updates: while a full batch of cards was due, more are waiting, and every token
    // goes to someone who has no card yet. Updates wait (coalesced: one pending row per copy, raised to the
    // latest version), and a card opened meanwhile refreshes itself through Universal Actions.
    if (cards.length >= this.o.batchSize) return timers + cards.length;
    const updates = await claimCardUpdates(
      this.o.db,
      this.workerId,
      this.o.batchSize,
      this.o.leaseMs,
      this.o.now(),
    );
    await this.fireInGroups(
      inParallel(updates, PREPARE_CONCURRENCY, (update) => this.prepareUpdate(update)),
      now,
    );
    return timers + cards.length + updates.length;
  }

  /** Waits for the sends in flight (tests and shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.installs?.drained();
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      this.o.logger?.error({ err: { type: (error as Error).name } }, 'call-out send could not be recorded');
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /**
   * Sends one request at a time, never before its slot. Timers held up by a busy event loop fire together;
   * the gate lets them out at most CATCH_UP times the slot rate, so a burst is spread but lateness shrinks.
   * (Pacing at exactly the slot rate, as before, kept any lateness for good: new slots arrived as fast as
   * the gate let sends out, each pause added to it, and once past SLOT_LATE_MS every send gave its slot up
   * while still spending a gap of the gate, so nothing was sent for minutes: the livelock under CPU pressure.)
   * A stale send gives its slot up at once, before queueing and again at its turn, and spends no gate time.
   */
  private paced(job: Job, slotAt: number, lateAtDraw: number): Promise<void> {
    if (this.isStale(slotAt, lateAtDraw)) return this.giveUp(job);
    const gapMs = 1000 / (this.o.ratePerSecond * this.o.headroom * CATCH_UP);
    let stale = false;
    const turn = this.gate.then(async () => {
      stale = this.isStale(slotAt, lateAtDraw);
      if (stale) return;
      const now = performance.now();
      const due = Math.max(this.nextSendAt, now - gapMs);
      if (due > now) await sleep(due - now);
      this.nextSendAt = due + gapMs;
    });
    this.gate = turn;
    return turn.then(() => (stale ? this.giveUp(job) : job.send()));
  }

  /**
   * Woken too long after its slot (this process stalled): the slot may have been used by another instance.
   * Lateness the draw itself brought (a slow database) does not count: drawing again would only meet it again.
   */
  private isStale(slotAt: number, lateAtDraw: number): boolean {
    return this.o.sharedBudget && this.clock.since(slotAt) - lateAtDraw > SLOT_LATE_MS;
  }

  private giveUp(job: Job): Promise<void> {
    this.staleSlots += 1;
    return job.release(this.o.now());
  }

  /** Sends given up because their app slot had passed (see SLOT_LATE_MS); for tests and benchmarks. */
  get staleSlotCount(): number {
    return this.staleSlots;
  }

  private async throttleInFlight(room = 1): Promise<void> {
    while (this.inFlight.size + room > this.o.maxInFlight) await Promise.race(this.inFlight);
  }

  /**
   * Sends prepared jobs as tokens allow, in groups: a group is fired as soon as it is full or the next job
   * is not ready yet, so the first card leaves without waiting for the rest of the batch.
   */
  private async fireInGroups(prepared: Promise<Job | null>[], now: Date): Promise<void> {
    const settled = prepared.map(() => false);
    prepared.forEach((promise, index) => {
      void promise.then(
        () => {
          settled[index] = true;
        },
        () => {
          settled[index] = true;
        },
      );
    });
    let group: Job[] = [];
    for (const [index, promise] of prepared.entries()) {
      const job = await promise;
      if (job) {
        if (!this.running && this.loop) await job.release(now);
        else group.push(job);
      }
      const nextReady = index + 1 < prepared.length && settled[index + 1];
      if (group.length >= GROUP_SIZE || (group.length > 0 && !nextReady)) {
        await this.fireGroup(group);
        group = [];
      }
    }
  }

  /**
   * Draws tokens for a group (per tenant, one job per conversation) and schedules each granted send at its
   * app slot. A conversation held by a 429 or over its own 7/s goes back to the outbox; the rest go on.
   */
  private async fireGroup(jobs: Job[]): Promise<void> {
    // A few samples early on settle the offset; later ones only replace it when their round trip is shorter.
    if (this.clockSamples < 5 || this.clockSamples % 50 === 0) await this.clock.measure(this.o.db);
    this.clockSamples += 1;
    const byTenant = new Map<string, Job[]>();
    const later: Job[] = [];
    for (const job of jobs) {
      const list = byTenant.get(job.tenantId) ?? [];
      if (list.some((other) => other.conversationId === job.conversationId)) later.push(job);
      else byTenant.set(job.tenantId, [...list, job]);
    }
    for (const job of later) await job.release(new Date(this.o.now().getTime() + 1000 / 7));
    for (const [tenantId, group] of byTenant) {
      await this.throttleInFlight(group.length);
      const app = {
        key: appBucketKey(this.o.botId, tenantId),
        rate: { perSecond: this.o.ratePerSecond * this.o.headroom },
      };
      for (;;) {
        const draws = await drawTokens(
          this.o.db,
          app,
          group.map((job) => job.conversationId),
        );
        const refusedByApp = draws.find((draw) => !draw.granted && draw.reason === 'app');
        if (refusedByApp && !refusedByApp.granted && refusedByApp.reason === 'app') {
          await sleep(refusedByApp.retryInMs);
          continue;
        }
        for (const [index, draw] of draws.entries()) {
          const job = group[index] as Job;
          if (draw.granted) {
            const lateAtDraw = Math.max(0, this.clock.since(draw.slotAt));
            this.track(
              sleep(this.clock.until(draw.slotAt)).then(() => this.paced(job, draw.slotAt, lateAtDraw)),
            );
          } else if (draw.reason === 'blocked') await job.release(draw.until);
          else if (draw.reason === 'conversation')
            await job.release(new Date(this.o.now().getTime() + draw.retryInMs));
        }
        break;
      }
    }
  }

  private async prepareCard(
    delivery: ClaimedDelivery,
    sharedView: (callOutId: string) => Promise<SharedCardView | null>,
  ): Promise<Job | null> {
    const { db } = this.o;
    const reference = await findReference(db, delivery.tenantId, delivery.aadObjectId);
    if (!reference) {
      // Without an installer the tab shows them as unreachable at once, so someone phones.
      if (this.installs) this.installs.queue(delivery);
      else
        await markUndeliverable(
          db,
          delivery,
          this.workerId,
          'unreachable',
          'no conversation reference',
          this.o.now(),
        );
      return null;
    }
    const known: ConversationTarget | null =
      delivery.conversationId && delivery.serviceUrl
        ? {
            serviceUrl: delivery.serviceUrl,
            conversationId: delivery.conversationId,
            tenantId: delivery.tenantId,
          }
        : reference.conversation_type === 'personal'
          ? {
              serviceUrl: reference.service_url,
              conversationId: reference.conversation_id,
              tenantId: delivery.tenantId,
            }
          : null;
    const shared = await sharedView(delivery.callOutId);
    if (!shared) return null;
    const view = await personalView(db, shared, delivery.userId, delivery.aadObjectId);
    const activity = cardActivity(this.o.renderCard(view, localeOf(reference.reference)));
    return {
      tenantId: delivery.tenantId,
      conversationId: known?.conversationId ?? reference.conversation_id,
      release: (until) => releaseDelivery(db, delivery.id, this.workerId, until, { countAttempt: false }),
      send: () =>
        known
          ? this.sendCard(delivery, known, activity, view.version)
          : this.openConversation(delivery, reference),
    };
  }

  /** Creating the 1:1 conversation spends this round's token; the card goes out on the next claim. */
  private async openConversation(
    delivery: ClaimedDelivery,
    reference: NonNullable<Awaited<ReturnType<typeof findReference>>>,
  ): Promise<void> {
    const { db } = this.o;
    try {
      const created = await this.o.sender.createConversation(reference.service_url, {
        channelUserId: reference.channel_user_id,
        tenantId: delivery.tenantId,
        botId: this.o.botId,
      });
      await rememberConversation(db, delivery.id, {
        serviceUrl: reference.service_url,
        conversationId: created.conversationId,
      });
      await releaseDelivery(db, delivery.id, this.workerId, this.o.now(), { countAttempt: false });
    } catch (error) {
      await this.onCardFailure(delivery, reference.conversation_id, error);
    }
  }

  private async sendCard(
    delivery: ClaimedDelivery,
    target: ConversationTarget,
    activity: Record<string, unknown>,
    shownVersion: number,
  ): Promise<void> {
    const { db, sender } = this.o;
    try {
      const { activityId } = await sender.sendActivity(target, activity);
      if (!delivery.conversationId) await rememberConversation(db, delivery.id, target);
      await markSent(db, delivery, this.workerId, { activityId, shownVersion }, this.o.now());
    } catch (error) {
      await this.onCardFailure(delivery, target.conversationId, error);
    }
  }

  private async onCardFailure(
    delivery: ClaimedDelivery,
    conversationId: string,
    error: unknown,
  ): Promise<void> {
    const { db } = this.o;
    const now = this.o.now();
    const verdict = classifyFailure(error);
    if (verdict.kind === 'throttled') {
      const until = new Date(now.getTime() + verdict.retryAfterMs);
      await blockConversation(db, conversationId, until);
      await releaseDelivery(db, delivery.id, this.workerId, until, { countAttempt: true, error: '429' });
      return;
    }
    if (verdict.kind === 'give-up') {
      await markUndeliverable(db, delivery, this.workerId, 'failed', verdict.reason, now);
      return;
    }
    if (delivery.attempts >= this.o.maxAttempts) {
      await markUndeliverable(db, delivery, this.workerId, 'failed', 'gave up after retries', now);
      return;
    }
    const wait = backoffMs(delivery.attempts, this.o.random);
    const reason = error instanceof Error ? error.name : 'error';
    await releaseDelivery(db, delivery.id, this.workerId, new Date(now.getTime() + wait), {
      countAttempt: true,
      error: reason,
    });
  }

  private async prepareUpdate(update: ClaimedUpdate): Promise<Job | null> {
    const { db } = this.o;
    const who = await db
      .selectFrom('users')
      .select(['tenant_id', 'aad_object_id'])
      .where('id', '=', update.userId)
      .executeTakeFirstOrThrow();
    const shared = await readSharedCardView(db, update.callOutId);
    if (!shared) return null;
    const view = await personalView(db, shared, update.userId, who.aad_object_id);
    const reference = await findReference(db, who.tenant_id, who.aad_object_id);
    const activity = cardActivity(this.o.renderCard(view, localeOf(reference?.reference)));
    return {
      tenantId: who.tenant_id,
      conversationId: update.conversationId,
      release: (until) =>
        releaseCardUpdate(db, update.deliveryId, this.workerId, until, { countAttempt: false }),
      send: () => this.sendUpdate(update, activity, view.version, who.tenant_id),
    };
  }

  private async sendUpdate(
    update: ClaimedUpdate,
    activity: Record<string, unknown>,
    shownVersion: number,
    tenantId: string,
  ): Promise<void> {
    const { db, sender } = this.o;
    try {
      await sender.updateActivity(
        { serviceUrl: update.serviceUrl, conversationId: update.conversationId, tenantId },
        update.activityId,
        activity,
      );
      await completeCardUpdate(db, update.deliveryId, this.workerId, shownVersion);
    } catch (error) {
      const now = this.o.now();
      const verdict = classifyFailure(error);
      if (verdict.kind === 'throttled') {
        const until = new Date(now.getTime() + verdict.retryAfterMs);
        await blockConversation(db, update.conversationId, until);
        await releaseCardUpdate(db, update.deliveryId, this.workerId, until, { countAttempt: true });
      } else if (verdict.kind === 'give-up' || update.attempts >= this.o.maxAttempts) {
        await releaseCardUpdate(db, update.deliveryId, this.workerId, null, { countAttempt: true });
      } else {
        const at = new Date(now.getTime() + backoffMs(update.attempts, this.o.random));
        await releaseCardUpdate(db, update.deliveryId, this.workerId, at, { countAttempt: true });
      }
    }
  }
}
