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
import type { Database } from '../platform/db/schema.js';
import { actorOf } from './actor.js';
import type { CommandHandler } from './card-action.js';
import { type HelpFact, helpCard } from './cards/help-card.js';
import { type BotCommand, parseCommand } from './commands.js';
import { conversationReferenceFrom } from './conversation-reference.js';
import { deleteConversationReferences, saveConversationReference } from './conversation-store.js';
import type { InvokeRouter } from './invoke-router.js';
import type { MessageActionRouter } from './message-action-router.js';
import { type BotLocale, localeOf, textsFor } from './messages.js';
import { isUnhandled, unknownInvokeResponse } from './unknown-invoke.js';

/** What the bot needs from the composition root; it keeps no state of its own between turns. */
export interface TeamsBotDeps {
  db: Kysely<Database>;
  /** The web address of the tab, for the help card's button. */
  tabUrl: string;
  now: () => Date;
  logger: Logger;
  /** Answers the Universal Actions of every capability's cards, keyed by verb. */
  routeInvoke: InvokeRouter;
  /** Answers the message actions' dialogs (`composeExtension/fetchTask` and `submitAction`). */
  routeMessageAction: MessageActionRouter;
  /** The commands capabilities answer with a card (`crisisoproep`); `help` is the bot's own. */
  commands: Partial<Record<Exclude<BotCommand, 'help'>, CommandHandler>>;
  /** The help card's lines for those commands. */
  helpFacts: (locale: BotLocale) => readonly HelpFact[];
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

  /**
   * Universal Actions go to the router, which answers every action of a known family with a card; a message
   * action's dialog to its own router, which answers every one of its invokes with a dialog response.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const dialog = await this.deps.routeMessageAction(context.activity);
    if (dialog) return { status: 200, body: dialog };
    const body = await this.deps.routeInvoke(context.activity);
    // Universal Actions answer HTTP 200 with the outcome in the body's own statusCode.
    if (body) return { status: 200, body };
    // botbuilder answers names and verbs nobody handles with 501 and no body; answer them properly.
    const response = await super.onInvokeActivity(context);
    return isUnhandled(response) ? unknownInvokeResponse(context.activity) : response;
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
    const handler = command && command !== 'help' ? this.deps.commands[command] : undefined;
    if (handler) {
      const { activity } = context;
      const conversationType = activity.conversation?.conversationType;
      const card = await handler({
        actor: actorOf(activity),
        locale,
        conversationType: typeof conversationType === 'string' ? conversationType : null,
        activityId: typeof activity.id === 'string' ? activity.id.slice(0, 200) : null,
      });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card as object)));
      return;
    }
    if (command === 'help') {
      const links = { tabUrl: this.deps.tabUrl, commands: this.deps.helpFacts(locale) };
      const card = CardFactory.adaptiveCard(helpCard(locale, links));
      // The card alone: Teams shows text and attachment of one activity as two separate messages.
      await context.sendActivity(MessageFactory.attachment(card));
      return;
    }
    await context.sendActivity(textsFor(locale).unknownCommand);
  }
}
