import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from '../../../teams/cards/adaptive-card.js';
import type { BotLocale } from '../../../teams/messages.js';
import { type CallOutInputField, type CallOutProblemCode, callOutTextsFor } from '../messages-call-out.js';
import { CALL_OUT_VERBS } from './call-out-card.js';
import type { CallOutCard, CallOutCardElement } from './call-out-elements.js';

// An error card replaces the alert card in the chat (the invoke response takes its place), so wherever the
// call-out is known and may be shown again, the card offers the way back to it.
const CODES_WITHOUT_WAY_BACK = new Set<CallOutProblemCode>(['not-found', 'not-a-recipient', 'unavailable']);

function backToCallOut(callOutId: string | undefined, title: string): CallOutCardElement[] {
  if (!callOutId) return [];
  return [
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [{ type: 'Action.Execute', title, verb: CALL_OUT_VERBS.refresh, data: { callOutId } }],
    },
  ];
}

function card(body: CallOutCardElement[]): CallOutCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body };
}

/**
 * Why an answer or refresh could not be taken, in the user's language: the domain's refusals
 * (`CallOutAnswerError` codes), call-outs not being wired up (`unavailable`) or our own failure (`failed`).
 */
export function renderAnswerErrorCard(
  code: CallOutProblemCode,
  locale: BotLocale,
  options: { callOutId?: string } = {},
): CallOutCard {
  const texts = callOutTextsFor(locale);
  const callOutId = CODES_WITHOUT_WAY_BACK.has(code) ? undefined : options.callOutId;
  return card([
    {
      type: 'TextBlock',
      text: texts.problemTitles[code],
      style: 'heading',
      size: 'Medium',
      weight: 'Bolder',
      color: code === 'closed' ? 'Default' : 'Attention',
      wrap: true,
    },
    { type: 'TextBlock', text: texts.problems[code], wrap: true },
    ...backToCallOut(callOutId, texts.backToCallOut),
  ]);
}

/** The answer to an `Action.Execute` whose data the bot refuses: one readable line per refused field. */
export function renderInvalidInputCard(
  fields: CallOutInputField[],
  locale: BotLocale,
  options: { callOutId?: string } = {},
): CallOutCard {
  const texts = callOutTextsFor(locale);
  const unique = [...new Set(fields.length > 0 ? fields : (['action'] as const))];
  return card([
    {
      type: 'TextBlock',
      text: texts.invalidTitle,
      style: 'heading',
      size: 'Medium',
      weight: 'Bolder',
      color: 'Attention',
      wrap: true,
    },
    ...unique.map(
      (field): CallOutCardElement => ({
        type: 'TextBlock',
        text: `- ${texts.invalidFields[field]}`,
        wrap: true,
      }),
    ),
    ...backToCallOut(options.callOutId, texts.backToCallOut),
  ]);
}
