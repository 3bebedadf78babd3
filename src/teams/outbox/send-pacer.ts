import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import { appBucketKey, ClockOffset, drawTokens, SLOT_LATE_MS } from './rate-budget.js';
import { SendWindow } from './send-window.js';

/** Maps with at most `limit` calls running; the promises come back in input order. */
export function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R>[] {
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
export interface Job {
  tenantId: string;
  conversationId: string;
  /** Puts the row back, due at `until`, without counting an attempt. */
  release(until: Date): Promise<void>;
  send(): Promise<void>;
}

/** Requests drawn for in one transaction: fewer round trips per token, so the loop keeps up with 50/s. */
export const GROUP_SIZE = 10;

/**
 * How much faster than the slot rate the local gate lets late sends out. Above 1 so that lateness from a
 * pause is caught up instead of kept; bounded so a woken process does not burst (the stale-slot limit caps
 * how many late sends there can be: rate × SLOT_LATE_MS).
 */
const CATCH_UP = 2;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What pacing needs of the worker's settings (see DeliveryWorkerOptions for each). */
export interface SendPacerOptions {
  db: Kysely<Database>;
  botId: string;
  ratePerSecond: number;
  headroom: number;
  sharedBudget: boolean;
  maxInFlight: number;
  now: () => Date;
  logger?: Pick<Logger, 'warn' | 'error'> | undefined;
  /** True once the worker is stopping: prepared jobs then go back to the outbox instead of being sent. */
  stopping: () => boolean;
}

/**
 * Sends prepared jobs within the shared rate budget: draws app and conversation tokens in groups, waits for
 * each granted slot on the database clock, and lets sends out through one gate. Tracks the sends in flight.
 */
export class SendPacer {
  private readonly inFlight = new Set<Promise<void>>();
  /** Slots are moments of the database clock; sends are timed on ours, so the offset must be steady. */
  private readonly clock = new ClockOffset();
  private clockSamples = 0;
  private staleSlots = 0;
  private gate: Promise<void> = Promise.resolve();
  private nextSendAt = 0;
  /** Per tenant, this process's sends of the last second (see send-window.ts). */
  private readonly windows = new Map<string, SendWindow>();
  /** Jobs drawn for and not yet sent (see fewWaiting). */
  private readonly waiting = new Set<Job>();
  private waitingLimit = 0;
  private wakers: Array<() => void> = [];

  constructor(private readonly o: SendPacerOptions) {}

  /** Takes the five clock samples the first draws would otherwise take. */
  async warmClock(): Promise<void> {
    for (; this.clockSamples < 5; this.clockSamples += 1) await this.clock.measure(this.o.db);
  }

  /** The sends in flight, settled. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** Waits until no send is in flight, also those that start meanwhile. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      this.o.logger?.error({ err: { type: (error as Error).name } }, 'outbox send could not be recorded');
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /**
   * Sends one request at a time, never before its slot. Timers held up by a busy event loop fire together;
   * the gate lets them out at most CATCH_UP times the slot rate, so a burst is spread but lateness shrinks, and
   * never more than the budget's rate within any second per tenant (send-window.ts), so catching up stays
   * inside Teams' limit.
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
      const window = this.windowOf(job.tenantId);
      const now = performance.now();
      const due = Math.max(this.nextSendAt, now - gapMs, window.freeAt());
      if (due > now) await sleep(due - now);
      this.nextSendAt = due + gapMs;
      window.record(Math.max(due, performance.now()));
    });
    this.gate = turn;
    return turn.then(() => {
      if (stale) return this.giveUp(job);
      this.leaveWaiting(job);
      return job.send();
    });
  }

  /** The tenant's send window: at most the budget's rate (Teams' limit times the headroom) in any second. */
  private windowOf(tenantId: string): SendWindow {
    let window = this.windows.get(tenantId);
    if (!window) {
      window = new SendWindow(Math.max(1, Math.floor(this.o.ratePerSecond * this.o.headroom)));
      this.windows.set(tenantId, window);
    }
    return window;
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
    return this.putBack(job, this.o.now());
  }

  /** Puts a job's row back for later (no token now), leaving the waiting count if it was there. */
  private putBack(job: Job, until: Date): Promise<void> {
    this.leaveWaiting(job);
    return job.release(until);
  }

  /** The job leaves the waiting count: its send starts, or it went back to the outbox. */
  private leaveWaiting(job: Job): void {
    if (!this.waiting.delete(job)) return;
    if (this.waiting.size <= this.waitingLimit) for (const wake of this.wakers.splice(0)) wake();
  }

  /**
   * Resolves once at most `limit` drawn jobs still wait for their slot or their turn at the gate. The loop
   * claims its next round only then: a starved worker that claimed ahead of its sends held rows past their
   * lease, and work claimed long before it can go out only ages (see OutboxWorker.runOnce).
   */
  async fewWaiting(limit: number): Promise<void> {
    while (this.waiting.size > limit) {
      this.waitingLimit = limit;
      await new Promise<void>((resolve) => this.wakers.push(resolve));
    }
  }

  /** Drawn jobs waiting for their slot or their turn at the gate; for tests and benchmarks. */
  get waitingCount(): number {
    return this.waiting.size;
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
  async fireInGroups(prepared: Promise<Job | null>[], now: Date): Promise<void> {
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
        if (this.o.stopping()) await job.release(now);
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
    for (const job of later) await this.putBack(job, new Date(this.o.now().getTime() + 1000 / 7));
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
            this.waiting.add(job);
            this.track(
              sleep(this.clock.until(draw.slotAt)).then(() => this.paced(job, draw.slotAt, lateAtDraw)),
            );
          } else if (draw.reason === 'blocked') await this.putBack(job, draw.until);
          else if (draw.reason === 'conversation')
            await this.putBack(job, new Date(this.o.now().getTime() + draw.retryInMs));
        }
        break;
      }
    }
  }
}
