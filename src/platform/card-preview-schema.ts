import { z } from 'zod';

/**
 * The answer of a card-preview route: the Adaptive Card JSON exactly as the bot sends it, built by the bot's own
 * card function (src/teams/cards), for the tab to render with the `adaptivecards` library. Only the outline is
 * checked here; the card tests (tests/cards/every-card.test.ts) hold the card functions to the Adaptive Card
 * schema. It lives in platform, not beside the cards: the tab reads its type too and must not import src/teams.
 */
export const cardPreviewSchema = z
  .object({
    card: z
      .looseObject({
        type: z.literal('AdaptiveCard'),
        version: z.string(),
        body: z.array(z.unknown()),
      })
      .describe('Adaptive Card 1.5 JSON, as the bot sends it'),
  })
  .meta({ id: 'CardPreview' });

/** `?lang=`: the card's language, Dutch unless English is asked for (recipients get their chat's language). */
export const cardPreviewQuery = z.object({
  lang: z
    .enum(['nl', 'en'], { message: 'must be nl or en' })
    .optional()
    .describe('Language of the card; Dutch when absent'),
});

/** What a card-preview route answers. */
export type CardPreview = z.output<typeof cardPreviewSchema>;

/** A card function's result as a preview route's answer (the cards' interfaces, widened to plain JSON). */
export function cardPreview(card: {
  type: CardPreview['card']['type'];
  version: string;
  body: readonly unknown[];
}): CardPreview {
  return { card: { ...card, body: [...card.body] } };
}
