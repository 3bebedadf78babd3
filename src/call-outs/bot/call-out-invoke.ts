import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { type BotLocale, localeOf } from '../../teams/messages.js';
import { CallOutAnswerError, type CallOutAnswers } from '../contract.js';
import { type CallOutRequest, parseCallOutInvoke } from './call-out-invoke-schema.js';
import { renderAlertCard } from './cards/call-out-card.js';
import type { CallOutCard } from './cards/call-out-elements.js';
import { renderAnswerErrorCard, renderInvalidInputCard } from './cards/call-out-error-card.js';
import { type CallOutProblemCode, callOutTextsFor } from './messages-call-out.js';

/** What the call-out card handler needs; `callOutAnswers` is absent where call-outs are not wired up. */
export interface CallOutInvokeDeps {
  callOutAnswers: CallOutAnswers | undefined;
  now: () => Date;
  logger: Logger;
}

/**
 * The body of the invoke response (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format,
 * the HTTP status itself is always 200). A card (`application/vnd.microsoft.card.adaptive`) takes the place
 * of the card the user acted on. Refusals and failures of an action the user took are cards too: that
 * page leaves the value of `application/vnd.microsoft.error` undocumented ("Error Object (TODO)"), so
 * Teams is not known to show our message from it. Only a failed *automatic* refresh answers with that
 * error type, so the user keeps the card they had instead of seeing it replaced by an apology.
 */
export type CallOutInvokeResponse =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: CallOutCard }
  | { statusCode: 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

function cardResponse(card: CallOutCard): CallOutInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

async function perform(
  request: CallOutRequest,
  answers: CallOutAnswers,
  deps: CallOutInvokeDeps,
  locale: BotLocale,
): Promise<CallOutCard> {
  if (request.verb === 'answer') {
    const { view, changed } = await answers.answer(request.actor, request.input, deps.now());
    return renderAlertCard(view, locale, { answerChanged: changed });
  }
  return renderAlertCard(await answers.view(request.actor, request.callOutId), locale);
}

function problemResponse(
  code: CallOutProblemCode,
  request: CallOutRequest,
  locale: BotLocale,
): CallOutInvokeResponse {
  const ours = code === 'failed' || code === 'unavailable';
  if (ours && request.automatic) {
    const message = callOutTextsFor(locale).problems[code];
    return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code, message } };
  }
  const callOutId = request.verb === 'answer' ? request.input.callOutId : request.callOutId;
  return cardResponse(renderAnswerErrorCard(code, locale, { callOutId }));
}

function problemCode(error: unknown): CallOutProblemCode {
  return error instanceof CallOutAnswerError ? error.code : 'failed';
}

/**
 * Answers an `adaptiveCard/action` invoke of the call-out card: parses it (refusing malformed data without
 * asking the domain), records the answer or reads the view through `CallOutAnswers`, and renders the card
 * for this user. Never throws: every outcome is an invoke response, so a failure never reaches the
 * adapter's chat apology.
 */
export async function handleCallOutInvoke(
  activity: Activity,
  deps: CallOutInvokeDeps,
): Promise<CallOutInvokeResponse> {
  const locale = localeOf(activity.locale);
  const parsed = parseCallOutInvoke(activity);
  if (!parsed.ok) {
    deps.logger.info({ fields: parsed.fields }, 'call-out card action refused');
    const options = parsed.callOutId ? { callOutId: parsed.callOutId } : {};
    return cardResponse(renderInvalidInputCard(parsed.fields, locale, options));
  }
  const { request } = parsed;
  if (!deps.callOutAnswers) return problemResponse('unavailable', request, locale);
  try {
    return cardResponse(await perform(request, deps.callOutAnswers, deps, locale));
  } catch (error) {
    const code = problemCode(error);
    // Ids and codes only: error messages may quote what the user typed.
    const log = {
      verb: request.verb,
      code,
      err: { type: error instanceof Error ? error.name : typeof error },
    };
    if (code === 'failed') deps.logger.error(log, 'call-out card action failed');
    else deps.logger.info(log, 'call-out card action refused by the domain');
    return problemResponse(code, request, locale);
  }
}
