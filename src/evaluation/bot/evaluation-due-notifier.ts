import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { readNetworkStaff, readUserIdentities } from '../../identity/index.js';
import { readActiveNetworkDates } from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { findConversationReferences } from '../../teams/conversation-store.js';
import { localeOf } from '../../teams/messages.js';
import { cardActivity } from '../../teams/outbox/card-sender.js';
import type { ProactiveCards } from '../../teams/outbox/proactive-outbox.js';
import { dueOf } from '../evaluation-service.js';
import { renderEvaluationDueCard } from './evaluation-due-card.js';

/** What the due-evaluation notifier needs from the composition root. */
export interface EvaluationDueNotifierDeps {
  db: Kysely<Database>;
  /** The Teams outbox every proactive card goes through (leased, rate-limited, idempotent per key). */
  outbox: ProactiveCards;
  /** The tab's web address, ending in a slash. */
  tabUrl: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => Date;
}

/**
 * Sends each coordinator of a network whose half-yearly evaluation is due (within two weeks) or overdue one card in
 * their 1:1 chat, through the Teams outbox. The key names network, due date and coordinator, so a scan on every
 * instance, every few hours, queues each card once; a new due date (after an evaluation) sends a new one.
 * Coordinators the bot cannot reach yet are only counted in the log; the tab shows them the same notice.
 */
export class EvaluationDueNotifier {
  constructor(private readonly deps: EvaluationDueNotifierDeps) {}

  /** One scan over every active network; returns how many cards were newly queued. */
  async scan(): Promise<number> {
    const { db, outbox, logger } = this.deps;
    let queued = 0;
    let unreachable = 0;
    for (const network of await readActiveNetworkDates(db)) {
      const due = await dueOf(db, network.id, this.deps.now());
      if (due.state === 'later') continue;
      const coordinators = (await readNetworkStaff(db, network.id)).filter((s) => s.role === 'coordinator');
      const identities = await readUserIdentities(
        db,
        coordinators.map((c) => c.userId),
      );
      const cards = [];
      for (const person of identities) {
        const references = await findConversationReferences(db, person);
        const reference = references.find((saved) => saved.conversationType === 'personal')?.reference;
        if (!reference) {
          unreachable += 1;
          continue;
        }
        const view = { networkId: network.id, networkName: network.name, dueOn: due.dueOn, state: due.state };
        cards.push({
          idempotencyKey: `evaluation-due:${network.id}:${due.dueOn}:${person.id}`,
          purpose: 'evaluation-due',
          tenantId: reference.conversation.tenantId ?? person.tenantId,
          conversationId: reference.conversation.id,
          serviceUrl: reference.serviceUrl,
          activity: cardActivity(
            renderEvaluationDueCard(view, localeOf(reference.locale), { tabUrl: this.deps.tabUrl }),
          ),
        });
      }
      if (cards.length > 0) queued += await outbox.enqueue(cards);
    }
    if (queued > 0) outbox.sendSoon();
    logger.info({ queued, unreachable }, 'evaluation-due scan');
    return queued;
  }
}
