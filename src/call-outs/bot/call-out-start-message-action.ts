import { cutText } from '../../platform/html-text.js';
import type { MessageAction } from '../../teams/message-action.js';
import { type CallOutStartDeps, startCommandCard } from './call-out-start-invoke.js';
import { CALL_OUT_START_VERB_PREFIX, START_TEXT_MAX_LENGTH } from './call-out-start-schema.js';
import { callOutStartTextsFor } from './messages-call-out-start.js';

/** The command id of "Start crisisoproep" in appPackage/manifest.json (`composeExtensions[0].commands`). */
export const CALL_OUT_START_MESSAGE_ACTION_ID = 'startCallOut';

/**
 * "Start crisisoproep" on a chat or channel message: the `crisisoproep` start form in a dialog, with the
 * message as what happened. It goes through the form's own preview and send (the same starter, permission
 * checks and audit as the command); nothing is sent or stored before the person presses Verstuur nu.
 */
export function callOutStartMessageAction(deps: CallOutStartDeps): MessageAction {
  return {
    commandId: CALL_OUT_START_MESSAGE_ACTION_ID,
    title: (locale) => callOutStartTextsFor(locale).messageActionTitle,
    open: (turn) =>
      startCommandCard(turn, deps, { summary: cutText(turn.messageText, START_TEXT_MAX_LENGTH) }),
    verbPrefixes: [CALL_OUT_START_VERB_PREFIX],
  };
}
