import {
  type Activity,
  ActivityTypes,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { handleCallOutInvoke } from '../call-outs/bot/call-out-invoke.js';
import { isCallOutInvoke } from '../call-outs/bot/call-out-invoke-schema.js';
import { handleCallOutStartInvoke, startCommandCard } from '../call-outs/bot/call-out-start-invoke.js';
import { isCallOutStartInvoke } from '../call-outs/bot/call-out-start-schema.js';
import type { CallOutAnswers } from '../call-outs/contract.js';
import type { CallOutStarter } from '../call-outs/starter-contract.js';
import { handleMeetingPlanInvoke, isMeetingProposalInvoke } from '../meetings/bot/meeting-proposal-invoke.js';
import type { MeetingDeps } from '../meetings/index.js';
import type { Database } from '../platform/db/schema.js';
import { helpCard } from './cards/help-card.js';
import { parseCommand } from './commands.js';
import { conversationReferenceFrom } from './conversation-reference.js';
import { deleteConversationReferences, saveConversationReference } from './conversation-store.js';
import { localeOf, textsFor } from './messages.js';
import { isUnhandled, unknownInvokeResponse } from './unknown-invoke.js';

/** What the bot needs from the composition root; it keeps no state of its own between turns. */
export interface TeamsBotDeps {
  db: Kysely<Database>;
  /** The web address of the tab, for the help card's button. */
  tabUrl: string;
  now: () => Date;
  logger: Logger;
  /** Takes answers from the crisis alert card; without it the card's actions say call-outs are unavailable. */
  callOutAnswers?: CallOutAnswers;
  /** Starts call-outs from the `crisisoproep` form; without it the command says call-outs are unavailable. */
  callOutStarter?: CallOutStarter;
  /** Plans the next meeting from the proposal card; without it [Plannen] answers "not available". */
  meetings?: MeetingDeps;
}

// Set during a turn when this activity is the first we ever saw from this user in this conversation.
const FIRST_CONTACT = Symbol('firstContact');

// Activities a person causes; typing, reactions and invokes do not refresh the reference (yet).
const REMEMBERED_TYPES = new Set<string>([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.InstallationUpdate,
]);

function botIsAmong(members: Activity['membersAdded'], activity: Activity): boolean {
  return (members ?? []).some((member) => member.id === activity.recipient?.id);
}

function isRemoval(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return /^remove/.test(activity.action ?? '');
  return botIsAmong(activity.membersRemoved, activity);
}

/** The Teams face of Bondgenoten: translates activities into store and card calls, nothing more. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botIsAmong(context.activity.membersAdded, context.activity)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (botIsAmong(context.activity.membersRemoved, context.activity)) await this.forget(context);
      await next();
    });
  }

  /** Universal Actions of the call-out card go to their handler, which answers every outcome with a card. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (isMeetingProposalInvoke(context.activity)) {
      const body = await handleMeetingPlanInvoke(context.activity, {
        meetings: this.deps.meetings,
        tabUrl: this.deps.tabUrl,
        logger: this.deps.logger,
      });
      return { status: 200, body };
    }
    if (isCallOutStartInvoke(context.activity)) {
      const body = await handleCallOutStartInvoke(context.activity, this.startDeps());
      return { status: 200, body };
    }
    if (!isCallOutInvoke(context.activity)) {
      // botbuilder answers names and verbs nobody handles with 501 and no body; answer them properly.
      const response = await super.onInvokeActivity(context);
      return isUnhandled(response) ? unknownInvokeResponse(context.activity) : response;
    }
    const body = await handleCallOutInvoke(context.activity, {
      callOutAnswers: this.deps.callOutAnswers,
      now: this.deps.now,
      logger: this.deps.logger,
    });
    // Universal Actions answer HTTP 200 with the outcome in the body's own statusCode.
    return { status: 200, body };
  }

  private startDeps() {
    const { callOutStarter, tabUrl, now, logger } = this.deps;
    return { starter: callOutStarter, tabUrl, now, logger };
  }

  /** Stores where this user can be reached, before anything else can fail. */
  private async remember(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!REMEMBERED_TYPES.has(activity.type) || activity.from?.role === 'bot' || isRemoval(activity)) return;
    const record = conversationReferenceFrom(activity);
    if (!record) return;
    const { created } = await saveConversationReference(this.deps.db, record, this.deps.now());
    context.turnState.set(FIRST_CONTACT, created);
  }

  private async forget(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (conversationId) await deleteConversationReferences(this.deps.db, conversationId);
  }

  private async welcome(context: TurnContext): Promise<void> {
    // Teams may announce one installation twice (installationUpdate and conversationUpdate): greet once.
    if (context.turnState.get(FIRST_CONTACT) !== true) return;
    await context.sendActivity(textsFor(localeOf(context.activity.locale)).welcome);
  }

  private async answer(context: TurnContext): Promise<void> {
    const locale = localeOf(context.activity.locale);
    const command = parseCommand(context.activity.text);
    if (command === 'call-out') {
      const card = await startCommandCard(context.activity, this.startDeps());
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return;
    }
    if (command === 'help') {
      const card = CardFactory.adaptiveCard(helpCard(locale, { tabUrl: this.deps.tabUrl }));
      // The card alone: Teams shows text and attachment of one activity as two separate messages.
      await context.sendActivity(MessageFactory.attachment(card));
      return;
    }
    await context.sendActivity(textsFor(locale).unknownCommand);
  }
}
