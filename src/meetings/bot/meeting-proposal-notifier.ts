import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { Database } from '../../platform/db/schema.js';
import type { StoredReference } from '../../teams/conversation-reference.js';
import { findConversationReferences } from '../../teams/conversation-store.js';
import { localeOf } from '../../teams/messages.js';
import { cardActivity } from '../../teams/outbox/card-sender.js';
import type { ProactiveCards } from '../../teams/outbox/proactive-outbox.js';
import { type MeetingDeps, type MeetingNotifier, type MeetingRecordedEvent, nextProposal } from '../index.js';
import { renderProposalCard } from './cards/meeting-proposal-card.js';
import { proposalRecipients, type Recipient } from './meeting-bot-store.js';

/** What the bot's side of the meeting notifier needs from the composition root. */
export interface MeetingProposalNotifierDeps {
  /** The meetings service's dependencies, without a notifier of their own. */
  meetings: MeetingDeps;
  /** The Teams outbox every proactive card goes through (leased, rate-limited, idempotent per key). */
  outbox: ProactiveCards;
  /** The tab's web address, ending in a slash, for the [Andere datum] link. */
  tabUrl: string;
  logger: Logger;
}

/** The most recently confirmed 1:1 chat with the bot: the card is personal, never posted in a channel. */
async function personalReference(
  db: Kysely<Database>,
  recipient: Recipient,
): Promise<StoredReference | null> {
  const references = await findConversationReferences(db, recipient);
  return references.find((saved) => saved.conversationType === 'personal')?.reference ?? null;
}

/**
 * The bot's MeetingNotifier: after a meeting's first record, computes the next proposal with the meetings
 * service and queues a proactive 1:1 card for each secretary (or coordinator) in their chat language in the
 * Teams outbox, keyed by meeting and recipient, so a second notification (another instance) queues nothing.
 * People the bot cannot reach yet (no stored personal chat) are skipped and only counted in the log.
 */
export class MeetingProposalNotifier implements MeetingNotifier {
  constructor(private readonly deps: MeetingProposalNotifierDeps) {}

  async meetingRecorded(event: MeetingRecordedEvent): Promise<void> {
    const { db } = this.deps.meetings;
    const recipients = await proposalRecipients(db, event.networkId);
    const reachable: { recipient: Recipient; reference: StoredReference }[] = [];
    for (const recipient of recipients) {
      const reference = await personalReference(db, recipient);
      if (reference) reachable.push({ recipient, reference });
    }
    const log = {
      networkId: event.networkId,
      meetingId: event.meetingId,
      recipients: recipients.length,
      unreachable: recipients.length - reachable.length,
    };
    if (reachable.length === 0) {
      this.deps.logger.info(log, 'next-meeting proposal not sent: nobody reachable in a personal chat');
      return;
    }
    const origin: AuditOrigin = {
      actorUserId: event.recordedByUserId,
      channel: 'bot',
      clientAddress: null,
      requestId: null,
    };
    const view = await nextProposal(this.deps.meetings, origin, event.networkId);
    const queued = await this.deps.outbox.enqueue(
      reachable.map(({ recipient, reference }) => ({
        idempotencyKey: `meeting-proposal:${event.meetingId}:${recipient.userId}`,
        purpose: 'meeting-proposal',
        tenantId: reference.conversation.tenantId ?? recipient.tenantId,
        conversationId: reference.conversation.id,
        serviceUrl: reference.serviceUrl,
        activity: cardActivity(
          renderProposalCard(view, localeOf(reference.locale), { tabUrl: this.deps.tabUrl }),
        ),
      })),
    );
    this.deps.outbox.sendSoon();
    this.deps.logger.info(
      { ...log, queued, proposal: view.proposal !== null },
      'next-meeting proposal queued',
    );
  }
}
