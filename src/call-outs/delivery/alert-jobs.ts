import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import { findPreferredReference } from '../../teams/conversation-store.js';
import {
  backoffMs,
  type CardSender,
  type ConversationTarget,
  cardActivity,
  classifyFailure,
} from '../../teams/outbox/card-sender.js';
import { blockConversation } from '../../teams/outbox/rate-budget.js';
import type { Job } from '../../teams/outbox/send-pacer.js';
import { personalView, type SharedCardView } from '../call-out-views.js';
import type { AlertCardView } from '../contract.js';
import type { AppInstallQueue } from './app-install-queue.js';
import {
  type ClaimedDelivery,
  extendClaim,
  markSent,
  markUndeliverable,
  releaseDelivery,
  rememberConversation,
} from './delivery-store.js';

/** Turns a view into Adaptive Card JSON; the bot's renderer (src/call-outs/bot), injected so the worker never imports card code. */
export type RenderCard = (view: AlertCardView, locale: 'nl' | 'en') => unknown;

/** What preparing and sending a card needs of the worker. */
export interface JobContext {
  db: Kysely<Database>;
  sender: CardSender;
  renderCard: RenderCard;
  botId: string;
  workerId: string;
  maxAttempts: number;
  /**
   * How long a claim holds its row, and how far the fence before each send extends it: longer than one
   * connector request may take (card-sender.ts bounds it at 15 s), so no other claim can take the row while
   * the card is on its way.
   */
  leaseMs: number;
  now: () => Date;
  random: () => number;
  logger?: Pick<Logger, 'warn' | 'error'> | undefined;
  /** Hears of each send skipped because its claim had lost its row (for tests and benchmarks). */
  onLostClaim?: () => void;
}

/** The card's language: the one Teams reported for the conversation, Dutch unless English. */
export function localeOf(reference: unknown): 'nl' | 'en' {
  const locale = (reference as { locale?: unknown } | null)?.locale;
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * Alert cards and reminders: reads the recipient's reference and view, renders the card, and sends it into
 * their conversation (creating the 1:1 chat first when there is none yet); failures go back to the outbox
 * with back-off, or are marked undeliverable.
 */
export class AlertJobs {
  constructor(
    private readonly o: JobContext,
    /** Installs the app for recipients without a reference; null when not permitted. */
    private readonly installs: AppInstallQueue | null,
  ) {}

  async prepare(
    delivery: ClaimedDelivery,
    sharedView: (callOutId: string) => Promise<SharedCardView | null>,
  ): Promise<Job | null> {
    const { db } = this.o;
    const reference = await findPreferredReference(db, delivery.tenantId, delivery.aadObjectId);
    if (!reference) {
      // Without an installer the tab shows them as unreachable at once, so someone phones.
      if (this.installs) this.installs.queue(delivery);
      else
        await markUndeliverable(
          db,
          delivery,
          delivery.owner,
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
      release: (until) => releaseDelivery(db, delivery.id, delivery.owner, until, { countAttempt: false }),
      send: () =>
        known
          ? this.sendCard(delivery, known, activity, view.version)
          : this.openConversation(delivery, reference),
    };
  }

  /**
   * The fence right before a request: extends this claim's lease to cover the request, or answers false when
   * the claim lost its row. A lease runs out while its worker is starved (a crowded machine, a long pause)
   * between claiming and sending; the row is then claimed again, by another instance or by a later round of
   * this one, and that claim sends it. Without this check both sent it: the duplicates under CPU pressure.
   * The row is left as it is: it belongs to the other claim now.
   */
  private async stillOurs(delivery: ClaimedDelivery): Promise<boolean> {
    const until = new Date(this.o.now().getTime() + this.o.leaseMs);
    if (await extendClaim(this.o.db, delivery.id, delivery.owner, until)) return true;
    this.o.onLostClaim?.();
    this.o.logger?.warn({ deliveryId: delivery.id }, 'alert card not sent: its claim was taken over');
    return false;
  }

  /** Creating the 1:1 conversation spends this round's token; the card goes out on the next claim. */
  private async openConversation(
    delivery: ClaimedDelivery,
    reference: NonNullable<Awaited<ReturnType<typeof findPreferredReference>>>,
  ): Promise<void> {
    const { db } = this.o;
    if (!(await this.stillOurs(delivery))) return;
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
      await releaseDelivery(db, delivery.id, delivery.owner, this.o.now(), { countAttempt: false });
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
    if (!(await this.stillOurs(delivery))) return;
    try {
      const { activityId } = await sender.sendActivity(target, activity);
      if (!delivery.conversationId) await rememberConversation(db, delivery.id, target);
      await markSent(db, delivery, delivery.owner, { activityId, shownVersion }, this.o.now());
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
      await releaseDelivery(db, delivery.id, delivery.owner, until, { countAttempt: true, error: '429' });
      return;
    }
    if (verdict.kind === 'give-up') {
      await markUndeliverable(db, delivery, delivery.owner, 'failed', verdict.reason, now);
      return;
    }
    if (delivery.attempts >= this.o.maxAttempts) {
      await markUndeliverable(db, delivery, delivery.owner, 'failed', 'gave up after retries', now);
      return;
    }
    const wait = backoffMs(delivery.attempts, this.o.random);
    const reason = error instanceof Error ? error.name : 'error';
    await releaseDelivery(db, delivery.id, delivery.owner, new Date(now.getTime() + wait), {
      countAttempt: true,
      error: reason,
    });
  }
}
