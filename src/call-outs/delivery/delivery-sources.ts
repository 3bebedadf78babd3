import type { Kysely } from 'kysely';
import type { MailPort } from '../../mail/mail-port.js';
import type { Database } from '../../platform/db/schema.js';
import type { AppInstaller } from '../../teams/outbox/card-sender.js';
import type {
  OutboxClaim,
  OutboxJobSource,
  OutboxLoop,
  OutboxRound,
} from '../../teams/outbox/outbox-worker.js';
import { inParallel, type Job } from '../../teams/outbox/send-pacer.js';
import { AnswerLinkMails, type AnswerLinkTarget } from '../answer-links/answer-link-mails.js';
import { readSharedCardView, type SharedCardView } from '../call-out-views.js';
import { AlertJobs, type JobContext } from './alert-jobs.js';
import { AppInstallQueue } from './app-install-queue.js';
import { claimCardUpdates, claimDeliveries } from './delivery-store.js';
import { fireDueTimers } from './escalation.js';
import { UpdateJobs } from './update-jobs.js';

/** Reading and rendering run a few at a time ahead of the token loop, which then only draws and sends. */
const PREPARE_CONCURRENCY = 8;
/** How many leases long a claimed row is kept from this worker's own later claims at most (see AlertCards.held). */
const HELD_AT_MOST_LEASES = 4;
/** How long an idle worker waits between looks for fallback e-mails to send. */
const MAIL_IDLE_MS = 1_000;

/** What the call-outs' sources need: the job context plus the leases, installs and mail fallback. */
export interface CallOutSourceOptions extends JobContext {
  installers: readonly AppInstaller[];
  /** How long a row stays claimed while the app is installed for its recipient. */
  installLeaseMs: number;
  answerLinkMail: ({ mail: MailPort } & AnswerLinkTarget) | null;
}

/** Due escalation timers fire first in a round: a back-up's new delivery row is then claimed in the same round. */
class EscalationTimers implements OutboxJobSource {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(round: OutboxRound): Promise<OutboxClaim> {
    return { jobs: [], done: await fireDueTimers(this.db, round.now) };
  }
}

/**
 * The crisis alert cards and reminders (`call_out_deliveries`), with a batch of their own: a full batch ends
 * the round. Recipients without a conversation reference get the app installed beside the loop (one at a
 * time per worker), or are marked unreachable at once where no installer is configured.
 */
class AlertCards implements OutboxJobSource {
  readonly ownBatch = true;
  private readonly alerts: AlertJobs;
  /** Installs the app for recipients without a reference, beside the send loop; null when not permitted. */
  private readonly installs: AppInstallQueue | null;
  private loop: OutboxLoop | null = null;
  /**
   * Rows this worker claimed whose job has not finished (sent and recorded, or put back). A starved worker's
   * send can outlast its lease; its own next round must not claim the row again and send a second copy.
   * Keyed by row id, with when it was claimed: a job lost to an error that neither sent nor put its row back
   * stops holding it after HELD_AT_MOST_LEASES leases, so the row is not kept from this worker for good.
   */
  private readonly held = new Map<string, number>();

  constructor(private readonly o: CallOutSourceOptions) {
    this.installs =
      o.installers.length > 0
        ? new AppInstallQueue({
            db: o.db,
            installers: o.installers,
            botId: o.botId,
            leaseMs: o.installLeaseMs,
            now: o.now,
            logger: o.logger,
            // Stopping: a queued install puts its row back for the next worker instead of starting.
            stopping: () => this.loop?.stopping() ?? false,
          })
        : null;
    this.alerts = new AlertJobs(o, this.installs);
  }

  attach(loop: OutboxLoop): void {
    this.loop = loop;
  }

  async claim(round: OutboxRound): Promise<OutboxClaim> {
    const { db } = this.o;
    const oldest = round.now.getTime() - this.o.leaseMs * HELD_AT_MOST_LEASES;
    for (const [id, at] of this.held) if (at < oldest) this.held.delete(id);
    const cards = await claimDeliveries(db, round.owner, round.limit, this.o.leaseMs, round.now, [
      ...this.held.keys(),
    ]);
    for (const card of cards) this.held.set(card.id, round.now.getTime());
    // The shared part of a card is read once per call-out per round; only the call list is per recipient.
    const shared = new Map<string, Promise<SharedCardView | null>>();
    const sharedView = (callOutId: string) => {
      const known = shared.get(callOutId) ?? readSharedCardView(db, callOutId);
      shared.set(callOutId, known);
      return known;
    };
    return {
      jobs: inParallel(cards, PREPARE_CONCURRENCY, (delivery) =>
        this.holding(delivery.id, () => this.alerts.prepare(delivery, sharedView)),
      ),
    };
  }

  /** Keeps a claimed row in `held` until its job is done: not prepared (null), or sent, or put back. */
  private async holding(id: string, prepare: () => Promise<Job | null>): Promise<Job | null> {
    let job: Job | null = null;
    try {
      job = await prepare();
    } finally {
      if (!job) this.held.delete(id);
    }
    if (!job) return null;
    const prepared = job;
    const done = <T>(work: Promise<T>): Promise<T> => work.finally(() => this.held.delete(id));
    return {
      ...prepared,
      send: () => done(prepared.send()),
      release: (until) => done(prepared.release(until)),
    };
  }

  async settled(): Promise<void> {
    await this.installs?.drained();
  }
}

/**
 * The e-mail fallback (a one-time link to answer in the tab) for people Teams could not reach, after the
 * cards: another channel and budget. At once while it finds work, otherwise at most once a second, so an idle
 * worker (a round every `idleMs`) does not add a query per round for mail that is rarely due.
 */
class AnswerLinkFallback implements OutboxJobSource {
  /** When the next e-mail round may look for work (epoch ms). */
  private nextRoundAt = 0;

  constructor(private readonly mails: AnswerLinkMails) {}

  async claim(round: OutboxRound): Promise<OutboxClaim> {
    if (round.now.getTime() < this.nextRoundAt) return { jobs: [] };
    const claimed = await this.mails.runOnce();
    this.nextRoundAt = claimed > 0 ? 0 : round.now.getTime() + MAIL_IDLE_MS;
    return { jobs: [], done: claimed };
  }
}

/**
 * Card updates (`call_out_card_updates`): coalesced, one pending row per sent copy raised to the latest
 * version, so they wait behind first sends; a card opened meanwhile refreshes itself through Universal Actions.
 */
class CardUpdates implements OutboxJobSource {
  private readonly updates: UpdateJobs;

  constructor(private readonly o: CallOutSourceOptions) {
    this.updates = new UpdateJobs(o);
  }

  async claim(round: OutboxRound): Promise<OutboxClaim> {
    const updates = await claimCardUpdates(this.o.db, round.owner, round.limit, this.o.leaseMs, this.o.now());
    return { jobs: inParallel(updates, PREPARE_CONCURRENCY, (update) => this.updates.prepare(update)) };
  }
}

/**
 * The call-outs' sources for the outbox loop, in their priority order: escalation timers, alert cards (with
 * the app installations for recipients without a reference), the answer-link e-mails, card updates. The rows
 * stay in the call-out's own tables (`call_out_deliveries`, `call_out_card_updates`).
 */
export function callOutSources(o: CallOutSourceOptions): OutboxJobSource[] {
  const fallback = o.answerLinkMail;
  const mails = fallback
    ? new AnswerLinkMails({
        db: o.db,
        mail: fallback.mail,
        link: { publicUrl: fallback.publicUrl, catalogIdFor: fallback.catalogIdFor },
        workerId: o.workerId,
        now: o.now,
        logger: o.logger,
      })
    : null;
  return [
    new EscalationTimers(o.db),
    new AlertCards(o),
    ...(mails ? [new AnswerLinkFallback(mails)] : []),
    new CardUpdates(o),
  ];
}
