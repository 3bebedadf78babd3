import { CardFactory, type CloudAdapter, type ConversationReference, MessageFactory } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { Database } from '../../platform/db/schema.js';
import type { StoredReference } from '../../teams/conversation-reference.js';
import { findConversationReferences } from '../../teams/conversation-store.js';
import { localeOf } from '../../teams/messages.js';
import { type MeetingDeps, nextProposal } from '../index.js';
import type { MeetingNotifier, MeetingRecordedEvent } from '../meeting-notifier.js';
import { renderProposalCard } from './cards/meeting-proposal-card.js';

/** What the bot's side of the meeting notifier needs from the composition root. */
export interface MeetingProposalNotifierDeps {
  /** The meetings service's dependencies, without a notifier of their own. */
  meetings: MeetingDeps;
  /** The adapter that sends proactive messages with a stored conversation reference. */
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's Microsoft app id; empty in a local run without credentials (the Agents Playground). */
  appId: string;
  /** The tab's web address, ending in a slash, for the [Andere datum] link. */
  tabUrl: string;
  logger: Logger;
}

/** A staff member to send the card to, as the conversation store looks them up. */
interface Recipient {
  userId: string;
  tenantId: string;
  aadObjectId: string;
}

/**
 * Who gets the proposal: the network's secretaries, or its coordinators when it has no secretary (the
 * secretary plans meetings in the method, and a network without one still needs its next meeting).
 */
export async function proposalRecipients(db: Kysely<Database>, networkId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select([
      'users.id as userId',
      'users.tenant_id as tenantId',
      'users.aad_object_id as aadObjectId',
      'role',
    ])
    .where('network_roles.network_id', '=', networkId)
    .where('network_roles.role', 'in', ['secretary', 'coordinator'])
    .orderBy('users.id')
    .execute();
  const secretaries = rows.filter((row) => row.role === 'secretary');
  const chosen = secretaries.length > 0 ? secretaries : rows.filter((row) => row.role === 'coordinator');
  return chosen.map(({ userId, tenantId, aadObjectId }) => ({ userId, tenantId, aadObjectId }));
}

/** The most recently confirmed 1:1 chat with the bot: the card is personal, never posted in a channel. */
async function personalReference(
  db: Kysely<Database>,
  recipient: Recipient,
): Promise<StoredReference | null> {
  const references = await findConversationReferences(db, recipient);
  return references.find((saved) => saved.conversationType === 'personal')?.reference ?? null;
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The bot's MeetingNotifier: after a meeting's first record, computes the next proposal with the meetings
 * service and sends each secretary (or coordinator) a proactive 1:1 card in their chat language. People the
 * bot cannot reach yet (no stored personal chat) are skipped and only counted in the log.
 */
export class MeetingProposalNotifier implements MeetingNotifier {
  constructor(private readonly deps: MeetingProposalNotifierDeps) {}

  async meetingRecorded(event: MeetingRecordedEvent): Promise<void> {
    const { db } = this.deps.meetings;
    const recipients = await proposalRecipients(db, event.networkId);
    const reachable: StoredReference[] = [];
    for (const recipient of recipients) {
      const reference = await personalReference(db, recipient);
      if (reference) reachable.push(reference);
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
    let sent = 0;
    for (const reference of reachable) {
      const card = renderProposalCard(view, localeOf(reference.locale), { tabUrl: this.deps.tabUrl });
      try {
        await this.deps.adapter.continueConversationAsync(
          this.deps.appId,
          reference as ConversationReference,
          async (context) => {
            // The card alone: Teams shows text and attachment of one activity as two separate messages.
            await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          },
        );
        sent += 1;
      } catch (error) {
        this.deps.logger.warn(
          { networkId: event.networkId, err: { type: errorType(error) } },
          'next-meeting proposal not delivered to one recipient',
        );
      }
    }
    this.deps.logger.info({ ...log, sent, proposal: view.proposal !== null }, 'next-meeting proposal sent');
  }
}
