import type { Logger } from 'pino';
import {
  type CardAction,
  type CardActionResult,
  type CardVerbFamily,
  cardResult,
  type RefusedCardAction,
} from '../../teams/card-action.js';
import type { BotLocale } from '../../teams/messages.js';
import { CallOutAnswerError, type CallOutAnswers, type CardActor } from '../contract.js';
import {
  answerDataSchema,
  CALL_OUT_VERB_PREFIX,
  readableCallOutId,
  refreshDataSchema,
  refusedFields,
} from './call-out-invoke-schema.js';
import { CALL_OUT_VERBS, renderAlertCard } from './cards/call-out-card.js';
import type { CallOutCard } from './cards/call-out-elements.js';
import { renderAnswerErrorCard, renderInvalidInputCard } from './cards/call-out-error-card.js';
import { type CallOutInputField, type CallOutProblemCode, callOutTextsFor } from './messages-call-out.js';

/** What the call-out card's verbs need; `callOutAnswers` is absent where call-outs are not wired up. */
export interface CallOutInvokeDeps {
  callOutAnswers: CallOutAnswers | undefined;
  now: () => Date;
  logger: Logger;
}

/**
 * Refusals and failures of an action the user took are cards
 * (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format leaves
 * the value of `application/vnd.microsoft.error` undocumented, "Error Object (TODO)", so Teams is not known
 * to show our message from it). Only a failed *automatic* refresh answers with that error type, so the user
 * keeps the card they had instead of seeing it replaced by an apology.
 */
function problemResult(
  code: CallOutProblemCode,
  action: CardAction<{ callOutId: string }>,
  locale: BotLocale,
): CardActionResult {
  const ours = code === 'failed' || code === 'unavailable';
  if (ours && action.automatic) {
    const message = callOutTextsFor(locale).problems[code];
    return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code, message } };
  }
  return cardResult(renderAnswerErrorCard(code, locale, { callOutId: action.data.callOutId }));
}

function invalidInput(fields: CallOutInputField[], locale: BotLocale, callOutId?: string): CardActionResult {
  return cardResult(renderInvalidInputCard(fields, locale, callOutId ? { callOutId } : {}));
}

/** Runs one verb against the call-out domain; every outcome, failures included, is a card. */
async function perform<T extends { callOutId: string }>(
  action: CardAction<T>,
  deps: CallOutInvokeDeps,
  work: (answers: CallOutAnswers, actor: CardActor) => Promise<CallOutCard>,
): Promise<CardActionResult> {
  const { actor, locale } = action;
  if (!actor) {
    deps.logger.info({ fields: ['actor'] }, 'call-out card action refused');
    return invalidInput(['actor'], locale, action.data.callOutId);
  }
  if (!deps.callOutAnswers) return problemResult('unavailable', action, locale);
  try {
    return cardResult(await work(deps.callOutAnswers, actor));
  } catch (error) {
    const code = error instanceof CallOutAnswerError ? error.code : 'failed';
    // Ids and codes only: error messages may quote what the user typed.
    const verb = action.verb === CALL_OUT_VERBS.answer ? 'answer' : 'refresh';
    const log = { verb, code, err: { type: error instanceof Error ? error.name : typeof error } };
    if (code === 'failed') deps.logger.error(log, 'call-out card action failed');
    else deps.logger.info(log, 'call-out card action refused by the domain');
    return problemResult(code, action, locale);
  }
}

/**
 * The alert card's verbs as the Teams invoke router takes them: `callout.answer` records the answer and
 * `callout.refresh` reads the view, both through `CallOutAnswers`, rendered for this user. Malformed data is
 * refused without asking the domain; this family also answers actions without a readable verb.
 */
export function callOutCardVerbs(deps: CallOutInvokeDeps): CardVerbFamily {
  return {
    prefix: CALL_OUT_VERB_PREFIX,
    answersUnreadableVerbs: true,
    verbs: [
      {
        verb: CALL_OUT_VERBS.answer,
        dataSchema: answerDataSchema,
        handle: (action) =>
          perform(action, deps, async (answers, actor) => {
            const { callOutId, answer, note, etaMinutes } = action.data;
            const input = { callOutId, answer, note, etaMinutes };
            const { view, changed } = await answers.answer(actor, input, deps.now());
            return renderAlertCard(view, action.locale, { answerChanged: changed });
          }),
      },
      {
        verb: CALL_OUT_VERBS.refresh,
        dataSchema: refreshDataSchema,
        handle: (action) =>
          perform(action, deps, async (answers, actor) =>
            renderAlertCard(await answers.view(actor, action.data.callOutId), action.locale),
          ),
      },
    ],
    refuse: async (refusal: RefusedCardAction) => {
      const fields = refusedFields(refusal);
      deps.logger.info({ fields }, 'call-out card action refused');
      return invalidInput(fields, refusal.locale, readableCallOutId(refusal.data));
    },
  };
}
