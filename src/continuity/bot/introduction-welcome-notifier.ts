import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { readNetworkStaff, readUserIdentities } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { addDays, localDate } from '../../platform/time.js';
import { findConversationReferences } from '../../teams/conversation-store.js';
import { localeOf } from '../../teams/messages.js';
import { cardActivity } from '../../teams/outbox/card-sender.js';
import type { OutboxCard, ProactiveCards } from '../../teams/outbox/proactive-outbox.js';
import type { IntroductionMeetings } from '../introduction-ports.js';
import { readIntroductions, readIntroductionsStartedSince } from '../introduction-store.js';
import { renderIntroductionWelcomeCard } from './introduction-welcome-card.js';

/** How long after the role grant a newcomer who has not yet opened the bot still gets the welcome card. */
export const WELCOME_WITHIN_DAYS = 14;

/** What the welcome notifier needs from the composition root. */
export interface IntroductionWelcomeNotifierDeps {
  db: Kysely<Database>;
  /** The Teams outbox every proactive card goes through (leased, rate-limited, idempotent per key). */
  outbox: ProactiveCards;
  /** The tab's web address, ending in a slash. */
  tabUrl: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => Date;
  /**
   * A network's name and area (network's `readNetwork`) and its meetings from a date (meetings'
   * `readMeetingDates`): ports, as network and meetings import continuity. start-server.ts hands them in.
   */
  network: (
    db: Kysely<Database>,
    networkId: string,
  ) => Promise<{ name: string; areaName: string } | undefined>;
  meetings: IntroductionMeetings;
}

/** The newcomer's welcome when they get a role: queued in the grant's transaction (issue 19, item 3). */
export interface NewcomerWelcome {
  /**
   * Queues the welcome card in the Teams outbox inside the role grant's transaction `tx`, when the bot can reach
   * the newcomer; answers the wake-up to run after the commit, or undefined when nothing was queued.
   */
  queueOnGrant(
    tx: Kysely<Database>,
    grant: { networkId: string; userId: string },
    now: Date,
  ): Promise<(() => void) | undefined>;
}

/**
 * Welcomes a newcomer in a network with one card in their 1:1 chat (issue 19, item 3): the network's name, wijk,
 * coordinators, next meeting and a link to the introduction page. The card is queued in the Teams outbox in the
 * role grant's own transaction (`queueOnGrant`, through identity's `roleGranted` port), so it leaves as soon as the
 * grant commits. The outbox key names network, newcomer and the introduction's start, so it is queued once.
 *
 * The scan stays as a catch-up, because the bot can only write to someone who has a 1:1 conversation with it: a
 * newcomer who has not opened the app yet (no conversation reference at the grant) gets the card on the first
 * scan after they have, within {@link WELCOME_WITHIN_DAYS} days. For those already queued the scan adds nothing.
 */
export class IntroductionWelcomeNotifier implements NewcomerWelcome {
  constructor(private readonly deps: IntroductionWelcomeNotifierDeps) {}

  async queueOnGrant(
    tx: Kysely<Database>,
    grant: { networkId: string; userId: string },
    now: Date,
  ): Promise<(() => void) | undefined> {
    // The introduction the grant started, or the one kept from an earlier role: a returning staff member is
    // welcomed once, within the same days as the scan would.
    const today = localDate(now);
    const [intro] = await readIntroductions(tx, grant.networkId, [grant.userId]);
    if (!intro || intro.startedOn < addDays(today, -WELCOME_WITHIN_DAYS)) return undefined;
    const card = await this.cardFor(tx, { ...grant, startedOn: intro.startedOn }, today);
    if (card === 'unreachable' || card === null) return undefined;
    const queued = await this.deps.outbox.enqueue([card], tx);
    return queued > 0 ? () => this.deps.outbox.sendSoon() : undefined;
  }

  /** One catch-up scan over the recent introductions; returns how many cards were newly queued. */
  async scan(): Promise<number> {
    const { db, outbox, logger } = this.deps;
    const today = localDate(this.deps.now());
    let queued = 0;
    let unreachable = 0;
    for (const intro of await readIntroductionsStartedSince(db, addDays(today, -WELCOME_WITHIN_DAYS))) {
      const card = await this.cardFor(db, intro, today);
      if (card === 'unreachable') unreachable += 1;
      else if (card) queued += await outbox.enqueue([card]);
    }
    if (queued > 0) outbox.sendSoon();
    logger.info({ queued, unreachable }, 'introduction-welcome scan');
    return queued;
  }

  /**
   * The welcome card for one introduction, or null when there is none to send (the role was taken away again, the
   * network is gone), or `unreachable` when the newcomer has no 1:1 conversation with the bot yet.
   */
  private async cardFor(
    db: Kysely<Database>,
    intro: { networkId: string; userId: string; startedOn: string },
    today: string,
  ): Promise<OutboxCard | 'unreachable' | null> {
    const staff = await readNetworkStaff(db, intro.networkId);
    if (!staff.some((s) => s.userId === intro.userId)) return null;
    const [person] = await readUserIdentities(db, [intro.userId]);
    const network = await this.deps.network(db, intro.networkId);
    if (!person || !network) return null;
    const reference = (await findConversationReferences(db, person)).find(
      (saved) => saved.conversationType === 'personal',
    )?.reference;
    if (!reference) return 'unreachable';
    const [next] = await this.deps.meetings(db, intro.networkId, today);
    const view = {
      networkId: intro.networkId,
      networkName: network.name,
      areaName: network.areaName,
      coordinators: staff.filter((s) => s.role === 'coordinator').map((s) => s.displayName),
      nextMeetingDate: next?.meetingDate ?? null,
    };
    return {
      idempotencyKey: `introduction-welcome:${intro.networkId}:${intro.userId}:${intro.startedOn}`,
      purpose: 'introduction-welcome',
      tenantId: reference.conversation.tenantId ?? person.tenantId,
      conversationId: reference.conversation.id,
      serviceUrl: reference.serviceUrl,
      activity: cardActivity(
        renderIntroductionWelcomeCard(view, localeOf(reference.locale), { tabUrl: this.deps.tabUrl }),
      ),
    };
  }
}
