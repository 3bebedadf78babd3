import type { Activity, InvokeResponse } from 'botbuilder';
import { unknownActionCard } from './cards/unknown-action-card.js';
import { localeOf, textsFor } from './messages.js';

/**
 * The answer to an invoke no handler took (botbuilder's default is 501 with an empty body). A Universal
 * Action (`adaptiveCard/action`) with a verb we do not know gets HTTP 200 with a card saying so, as the
 * call-out card answers its own refusals; a dialog (`task/fetch`, `task/submit`) gets a message; any other
 * invoke name is a client error: 400 with a JSON body naming the problem.
 */
export function unknownInvokeResponse(activity: Activity): InvokeResponse {
  const locale = localeOf(activity.locale);
  if (activity.name === 'adaptiveCard/action') {
    const card = unknownActionCard(locale);
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    };
  }
  if (activity.name === 'task/fetch' || activity.name === 'task/submit') {
    return { status: 200, body: { task: { type: 'message', value: textsFor(locale).unknownAction.title } } };
  }
  return {
    status: 400,
    body: { code: 'BadRequest', message: 'This bot does not handle this invoke.' },
  };
}

/** Whether botbuilder's own handling of an invoke ended in "not implemented" (or any server error). */
export function isUnhandled(response: InvokeResponse | undefined): boolean {
  return response === undefined || response.status >= 500;
}
