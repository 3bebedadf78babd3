import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { MailPort } from '../../mail/mail-port.js';
import type { Database } from '../../platform/db/schema.js';
import type { AppInstaller, CardSender } from '../../teams/outbox/card-sender.js';
import {
  OUTBOX_LOOP_DEFAULTS,
  type OutboxJobSource,
  OutboxWorker,
} from '../../teams/outbox/outbox-worker.js';
import type { AnswerLinkTarget } from '../answer-links/answer-link-mails.js';
import type { RenderCard } from './alert-jobs.js';
import { callOutSources } from './delivery-sources.js';

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
   * The Teams outbox of the other proactive cards (the next-meeting proposal): a lower-priority source of the
   * same loop, after the alert cards and card updates, so an alert never waits behind them. Absent, the outbox
   * drains itself (`addSource` hands it over later).
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
  /** Whether other instances draw from the same budget (PostgreSQL); see OutboxWorkerOptions. */
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
  leaseMs: 30_000,
  maxAttempts: 8,
  // Three Graph requests of at most 45 s each (graph-app-install.ts), with room to spare.
  installLeaseMs: 180_000,
};

/**
 * The outbox loop (src/teams/outbox/outbox-worker.ts) with the call-outs' sources: fires due escalation
 * timers, claims due alert cards, fallback mails and card updates, draws from the shared rate budget and
 * sends; the Teams outbox's other cards come last. Any number of instances can run against one database.
 */
export class DeliveryWorker extends OutboxWorker {
  constructor(options: DeliveryWorkerOptions) {
    const workerId = options.workerId ?? `worker-${randomUUID()}`;
    const now = options.now ?? (() => new Date());
    const { installer } = options;
    const counts = { lostClaims: 0 };
    const installers = !installer ? [] : Array.isArray(installer) ? installer : [installer as AppInstaller];
    const sources = callOutSources({
      db: options.db,
      sender: options.sender,
      renderCard: options.renderCard,
      botId: options.botId,
      workerId,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      now,
      random: options.random ?? Math.random,
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      installers,
      installLeaseMs: options.installLeaseMs ?? DEFAULTS.installLeaseMs,
      answerLinkMail: options.answerLinkMail ?? null,
      logger: options.logger,
      onLostClaim: () => {
        counts.lostClaims += 1;
      },
    });
    super({
      db: options.db,
      sender: options.sender,
      sources: options.proactiveCards ? [...sources, options.proactiveCards] : sources,
      botId: options.botId,
      ratePerSecond: options.ratePerSecond ?? OUTBOX_LOOP_DEFAULTS.ratePerSecond,
      headroom: options.headroom ?? OUTBOX_LOOP_DEFAULTS.headroom,
      sharedBudget: options.sharedBudget ?? OUTBOX_LOOP_DEFAULTS.sharedBudget,
      workerId,
      batchSize: options.batchSize ?? OUTBOX_LOOP_DEFAULTS.batchSize,
      idleMs: options.idleMs ?? OUTBOX_LOOP_DEFAULTS.idleMs,
      maxInFlight: options.maxInFlight ?? OUTBOX_LOOP_DEFAULTS.maxInFlight,
      logger: options.logger,
      now,
    });
    this.counts = counts;
  }

  private readonly counts: { lostClaims: number };

  /**
   * Sends skipped at the fence because their claim had lost its row: its lease ran out while this worker was
   * starved, and another claim took it (alert-jobs.ts). For tests and benchmarks.
   */
  get lostClaimCount(): number {
    return this.counts.lostClaims;
  }
}
