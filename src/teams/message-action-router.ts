import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { htmlToPlainText } from '../platform/html-text.js';
import { actorOf } from './actor.js';
import { DIALOG_CONVERSATION } from './card-action.js';
import { unknownActionCard } from './cards/unknown-action-card.js';
import { DIALOG_VERB_KEY, dialogCard } from './dialog-card.js';
import type { InvokeRouter } from './invoke-router.js';
import type { MessageAction, MessageActionTurn } from './message-action.js';
import { type BotLocale, localeOf, textsFor } from './messages.js';

/** The invoke names of a message extension's action command with `fetchTask: true`. */
export const MESSAGE_ACTION_INVOKES = {
  fetchTask: 'composeExtension/fetchTask',
  submitAction: 'composeExtension/submitAction',
} as const;

/**
 * The answer to both invokes (HTTP 200): the dialog's next card (`continue`), or a line Teams shows in a
 * message box (`message`). https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module
 */
export type DialogResponse =
  | {
      task: {
        type: 'continue';
        value: {
          title: string;
          card: { contentType: 'application/vnd.microsoft.card.adaptive'; content: unknown };
        };
      };
    }
  | { task: { type: 'message'; value: string } };

/** Answers a message action's invokes; null for every other activity. */
export type MessageActionRouter = (activity: Activity) => Promise<DialogResponse | null>;

// The `value` of both invokes (botframework-schema `MessagingExtensionAction`); the rest passes unread.
const actionValue = z.looseObject({ commandId: z.string().min(1).max(64), data: z.unknown().optional() });
const messageBody = z.looseObject({
  messagePayload: z.looseObject({
    body: z.looseObject({ contentType: z.string().optional(), content: z.string() }),
  }),
});
const submitData = z.looseObject({ [DIALOG_VERB_KEY]: z.string().min(1).max(100) });

/** The message's text as plain text: Teams sends chat and channel messages as HTML (`contentType: html`). */
function messageTextOf(value: unknown): string {
  const parsed = messageBody.safeParse(value);
  if (!parsed.success) return '';
  const { contentType, content } = parsed.data.messagePayload.body;
  if (contentType === 'text') return content.replace(/[ \t]+/g, ' ').trim();
  return htmlToPlainText(content);
}

function showCard(title: string, card: unknown): DialogResponse {
  const content = dialogCard(card);
  return {
    task: {
      type: 'continue',
      value: { title, card: { contentType: 'application/vnd.microsoft.card.adaptive', content } },
    },
  };
}

function problem(locale: BotLocale, title: string, kind: 'unknown' | 'failed' = 'unknown'): DialogResponse {
  return showCard(title, unknownActionCard(locale, kind));
}

function turnOf(activity: Activity): Omit<MessageActionTurn, 'messageText'> {
  return {
    actor: actorOf(activity),
    locale: localeOf(activity.locale),
    conversationType: DIALOG_CONVERSATION,
    activityId: typeof activity.id === 'string' ? activity.id.slice(0, 200) : null,
  };
}

/**
 * The dialog's submit, answered by the verb family of the button that sent it, as if it had been pressed on
 * a card in a personal chat (`conversationType: dialog`): the same zod schemas, permission checks and audit.
 */
async function submit(
  activity: Activity,
  action: MessageAction,
  data: unknown,
  routeInvoke: InvokeRouter,
): Promise<DialogResponse> {
  const locale = localeOf(activity.locale);
  const title = action.title(locale);
  const parsed = submitData.safeParse(data);
  if (!parsed.success) return problem(locale, title);
  const { [DIALOG_VERB_KEY]: verb, ...rest } = parsed.data;
  if (!action.verbPrefixes.some((prefix) => verb.startsWith(prefix))) return problem(locale, title);
  const asExecute = {
    ...activity,
    name: 'adaptiveCard/action',
    conversation: { ...activity.conversation, conversationType: DIALOG_CONVERSATION },
    value: { action: { type: 'Action.Execute', verb, data: rest }, trigger: 'manual' },
  } as Activity;
  const result = await routeInvoke(asExecute);
  if (result?.statusCode !== 200) return problem(locale, title, 'failed');
  return showCard(title, result.value);
}

/**
 * The router for message actions: `composeExtension/fetchTask` opens the command's dialog with its first card
 * (the message's text read from `messagePayload.body`, passed on and nothing stored); `submitAction` hands the
 * dialog's button to `routeInvoke`. An unknown command or unreadable value gets a card saying so, never a 5xx.
 */
export function createMessageActionRouter(
  actions: readonly MessageAction[],
  routeInvoke: InvokeRouter,
): MessageActionRouter {
  return async (activity) => {
    const invoke = activity.type === 'invoke' ? activity.name : undefined;
    if (invoke !== MESSAGE_ACTION_INVOKES.fetchTask && invoke !== MESSAGE_ACTION_INVOKES.submitAction)
      return null;
    const locale = localeOf(activity.locale);
    const value = actionValue.safeParse(activity.value);
    const action = value.success
      ? actions.find((candidate) => candidate.commandId === value.data.commandId)
      : undefined;
    if (!value.success || !action) return problem(locale, textsFor(locale).unknownAction.title);
    if (invoke === MESSAGE_ACTION_INVOKES.submitAction)
      return submit(activity, action, value.data.data, routeInvoke);
    const card = await action.open({ ...turnOf(activity), messageText: messageTextOf(activity.value) });
    return showCard(action.title(locale), card);
  };
}
