import type { CommandTurn } from './card-action.js';
import type { BotLocale } from './messages.js';

/**
 * What capabilities register for a message action: a compose-extension action command on a chat or channel
 * message (manifest `composeExtensions[0].commands`, context `message`, `fetchTask: true`). Plain types only, so
 * capability `bot/` folders never import botbuilder; `message-action-router.ts` answers the invokes.
 */

/** What the dialog's first card gets: who opened it, where, and the message's text (plain, never stored). */
export interface MessageActionTurn extends CommandTurn {
  /** The message as plain text (HTML removed); the capability cuts it to its own field's limit. */
  messageText: string;
}

/** One message action: its command id in the manifest, its dialog's title and first card, its card verbs. */
export interface MessageAction {
  /** `composeExtensions[0].commands[].id` in appPackage/manifest.json. */
  commandId: string;
  /** The dialog's title. */
  title(locale: BotLocale): string;
  /** The dialog's first card (a form prefilled with the message, or why not); never throws, stores nothing. */
  open(turn: MessageActionTurn): Promise<unknown>;
  /** The card verb prefixes the dialog's buttons may use; its submits are answered by those verb families. */
  verbPrefixes: readonly string[];
}
