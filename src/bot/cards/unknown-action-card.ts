import { type BotLocale, textsFor } from '../messages.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard } from './adaptive-card.js';

/** The card that replaces one whose action the bot does not know (unknown verb or invoke name). */
export function unknownActionCard(locale: BotLocale): AdaptiveCard {
  const texts = textsFor(locale).unknownAction;
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
