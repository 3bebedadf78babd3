import { CALL_OUT_START_VERB_PREFIX } from '../../call-outs/bot/call-out-start-schema.js';
import { cutText } from '../../platform/html-text.js';
import type { MessageAction } from '../../teams/message-action.js';
import { signalBotTextsFor } from './messages-signal.js';
import { SIGNAL_VERB_PREFIX } from './signal-cards.js';
import { type SignalBotDeps, signalCommandCard } from './signal-invoke.js';

/** The command id of "Maak signaal" in appPackage/manifest.json (`composeExtensions[0].commands`). */
export const SIGNAL_MESSAGE_ACTION_ID = 'createSignal';

/** The form's and the API's limit for a signal's text (`createSignalSchema`). */
const SIGNAL_TEXT_MAX_LENGTH = 4000;

/**
 * "Maak signaal" on a chat or channel message: the `signaal` form in a dialog, its text prefilled with the
 * message. Nothing is stored until the person presses Vastleggen (the form's own `signal.record`, with the
 * API's schema, permission check and audit row); an urgent signal's "start a call-out" continues in the dialog.
 */
export function signalMessageAction(deps: SignalBotDeps): MessageAction {
  return {
    commandId: SIGNAL_MESSAGE_ACTION_ID,
    title: (locale) => signalBotTextsFor(locale).messageActionTitle,
    open: (turn) =>
      signalCommandCard(turn, deps, { text: cutText(turn.messageText, SIGNAL_TEXT_MAX_LENGTH) }),
    verbPrefixes: [SIGNAL_VERB_PREFIX, CALL_OUT_START_VERB_PREFIX],
  };
}
