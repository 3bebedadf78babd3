import { type BotLocale, textsFor } from '../messages.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard } from './adaptive-card.js';

/**
 * The card that replaces one whose action the bot does not know (`unknown`: an unknown verb or invoke name)
 * or whose turn failed on our side (`failed`).
 */
export function unknownActionCard(locale: BotLocale, kind: 'unknown' | 'failed' = 'unknown'): AdaptiveCard {
  const texts = kind === 'unknown' ? textsFor(locale).unknownAction : textsFor(locale).failedAction;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: texts.title, style: 'heading', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: texts.text, wrap: true },
    ],
  };
}
