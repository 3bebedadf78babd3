import { z } from 'zod';
import type { TeamsActor } from './actor.js';
import type { BotLocale } from './messages.js';

/**
 * What capabilities register with the Teams side: the verbs of their cards' Universal Actions
 * (`Action.Execute`), the data each verb carries, and the handler that answers with a card. Plain types
 * and zod only, so capability `bot/` folders never import botbuilder; `invoke-router.ts` does the routing.
 */

/**
 * The `value` of an `adaptiveCard/action` invoke
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards):
 * `{ action: { type: 'Action.Execute', id?, verb, data }, trigger: 'manual' | 'automatic' }`. The one
 * schema for it in the code base.
 */
export const actionExecuteSchema = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string(), data: z.unknown() }),
  trigger: z.string().optional(),
});

/** What every card action brings besides its data: who pressed, in which language and where. */
export interface CardActionContext {
  /** Null when the activity names no tenant and Entra object id that can be a known user. */
  actor: TeamsActor | null;
  locale: BotLocale;
  /** True for a card's automatic refresh (`trigger: 'automatic'`), false for a press. */
  automatic: boolean;
  /** Teams marks 1:1 chats `personal`; group chats are `groupChat`, channels `channel`; null when absent. */
  conversationType: string | null;
  /** The invoke activity's id (for audit rows' request id), cut to 200 characters; null when absent. */
  activityId: string | null;
}

/** A card action whose data passed its verb's schema. */
export interface CardAction<T> extends CardActionContext {
  verb: string;
  data: T;
}

/** A card action the router could not hand to a verb: why, and what it could still read. */
export interface RefusedCardAction extends CardActionContext {
  /** The verb as sent; null when the value had no readable `action.verb`. */
  verb: string | null;
  /** `envelope`: not an Action.Execute value; `verb`: no such verb in the family; `data`: the schema refused it. */
  reason: 'envelope' | 'verb' | 'data';
  /** The schema's issues for `data`; empty otherwise. */
  issues: z.core.$ZodIssue[];
  /** The action's data as sent (undefined when the envelope was unreadable): to lead back to what it named. */
  data: unknown;
}

/** The body of an invoke response (the HTTP status is always 200; the outcome is in `statusCode`). */
export type CardActionResult =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: unknown }
  /** Only for a failed automatic refresh, so Teams keeps the card the user had. */
  | { statusCode: 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

/** One verb a capability answers: its data schema and its handler, which never throws. */
export interface CardVerb<T> {
  verb: string;
  dataSchema: z.ZodType<T>;
  handle(action: CardAction<T>): Promise<CardActionResult>;
}

/** The verbs of one capability's cards, which all start with `prefix`, and its answer to refused actions. */
export interface CardVerbFamily {
  prefix: string;
  // biome-ignore lint/suspicious/noExplicitAny: each verb carries its own data type; the router checks it with the verb's schema.
  verbs: CardVerb<any>[];
  refuse(action: RefusedCardAction): Promise<CardActionResult>;
  /**
   * Whether this family answers actions without a readable verb (no value, no action). At most one family
   * does: the call-out card, whose users are the ones to expect a card back in an emergency.
   */
  answersUnreadableVerbs?: boolean;
}

/** What a bot command (a typed word such as `crisisoproep`) gets. */
export type CommandTurn = Omit<CardActionContext, 'automatic'>;

/** A command's answer: the card to send into the chat. */
export type CommandHandler = (turn: CommandTurn) => Promise<unknown>;

/**
 * The conversation type a message action's dialog hands its turns (message-action.ts). A dialog (task module)
 * is shown to the person who opened it alone, whatever chat or channel the message was in.
 */
export const DIALOG_CONVERSATION = 'dialog';

/**
 * Whether an answer is seen by the actor alone, so it may show names: a personal (1:1) chat, or a message
 * action's dialog, whatever chat it was opened from. Null (no type named) counts as personal, as before.
 */
export function seenByActorOnly(conversationType: string | null): boolean {
  return (
    conversationType === null || conversationType === 'personal' || conversationType === DIALOG_CONVERSATION
  );
}

/** The card as the invoke's answer, replacing the card the user acted on. */
export function cardResult(card: unknown): CardActionResult {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
