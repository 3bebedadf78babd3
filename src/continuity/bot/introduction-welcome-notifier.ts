import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { readNetworkStaff, readUserIdentities } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { addDays, localDate } from '../../platform/time.js';
import { findConversationReferences } from '../../teams/conversation-store.js';
import { localeOf } from '../../teams/messages.js';
import { cardActivity } from '../../teams/outbox/card-sender.js';
import type { ProactiveCards } from '../../teams/outbox/proactive-outbox.js';
import type { IntroductionMeetings } from '../introduction-ports.js';
import { readIntroductionsStartedSince } from '../introduction-store.js';
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

/**
 * Welcomes each newcomer who got a role in a network in the last {@link WELCOME_WITHIN_DAYS} days with one card in
 * their 1:1 chat (issue 19, item 3): the network's name, wijk, coordinators, next meeting and a link to the
 * introduction page. The outbox key names network and newcomer, so scans on every instance queue it once; a
 * newcomer the bot cannot reach yet gets it on a later scan once they have written to the bot.
 */
export class IntroductionWelcomeNotifier {
  constructor(private readonly deps: IntroductionWelcomeNotifierDeps) {}

  /** One scan over the recent introductions; returns how many cards were newly queued. */
  async scan(): Promise<number> {
    const { db, outbox, logger } = this.deps;
    const today = localDate(this.deps.now());
    let queued = 0;
    let unreachable = 0;
    for (const intro of await readIntroductionsStartedSince(db, addDays(today, -WELCOME_WITHIN_DAYS))) {
      const staff = await readNetworkStaff(db, intro.networkId);
      if (!staff.some((s) => s.userId === intro.userId)) continue; // the role was taken away again
      const [person] = await readUserIdentities(db, [intro.userId]);
      const network = await this.deps.network(db, intro.networkId);
      if (!person || !network) continue;
      const reference = (await findConversationReferences(db, person)).find(
        (saved) => saved.conversationType === 'personal',
      )?.reference;
      if (!reference) {
        unreachable += 1;
        continue;
      }
      const [next] = await this.deps.meetings(db, intro.networkId, today);
      const view = {
        networkId: intro.networkId,
        networkName: network.name,
        areaName: network.areaName,
        coordinators: staff.filter((s) => s.role === 'coordinator').map((s) => s.displayName),
        nextMeetingDate: next?.meetingDate ?? null,
      };
      queued += await outbox.enqueue([
        {
          idempotencyKey: `introduction-welcome:${intro.networkId}:${intro.userId}:${intro.startedOn}`,
          purpose: 'introduction-welcome',
          tenantId: reference.conversation.tenantId ?? person.tenantId,
          conversationId: reference.conversation.id,
          serviceUrl: reference.serviceUrl,
          activity: cardActivity(
            renderIntroductionWelcomeCard(view, localeOf(reference.locale), { tabUrl: this.deps.tabUrl }),
          ),
        },
      ]);
    }
    if (queued > 0) outbox.sendSoon();
    logger.info({ queued, unreachable }, 'introduction-welcome scan');
    return queued;
  }
}
