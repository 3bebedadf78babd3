import type { Activity, InvokeResponse } from 'botbuilder';
import { unknownActionCard } from './cards/unknown-action-card.js';
import { localeOf, textsFor } from './messages.js';

// Invokes of a dialog (task module): Teams shows a `message` answer in a message box.
const DIALOG_INVOKES = new Set([
  'task/fetch',
  'task/submit',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
]);

/**
 * The answer to an invoke no handler took (botbuilder's default is 501 with an empty body). A Universal
 * Action (`adaptiveCard/action`) with a verb we do not know gets HTTP 200 with a card saying so, as the
 * call-out card answers its own refusals; a dialog (`task/fetch`, `task/submit`, a message action's
 * `composeExtension/fetchTask` and `submitAction`) gets a message; any other
 * invoke name is a client error: 400 with a JSON body naming the problem. `failed` answers an invoke whose
 * turn threw (see turn-error.ts) the same way, with an apology instead, and never a 5xx.
 */
export function unknownInvokeResponse(
  activity: Activity,
  kind: 'unknown' | 'failed' = 'unknown',
): InvokeResponse {
  const locale = localeOf(activity.locale);
  if (activity.name === 'adaptiveCard/action') {
    const card = unknownActionCard(locale, kind);
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    };
  }
  if (DIALOG_INVOKES.has(activity.name ?? '')) {
    const texts = kind === 'unknown' ? textsFor(locale).unknownAction : textsFor(locale).failedAction;
    return { status: 200, body: { task: { type: 'message', value: texts.title } } };
  }
  if (kind === 'failed')
    return { status: 200, body: { code: 'Failed', message: 'The bot could not handle this invoke.' } };
  return {
    status: 400,
    body: { code: 'BadRequest', message: 'This bot does not handle this invoke.' },
  };
}

/** Whether botbuilder's own handling of an invoke ended in "not implemented" (or any server error). */
export function isUnhandled(response: InvokeResponse | undefined): boolean {
  return response === undefined || response.status >= 500;
}
