// The subset of the Adaptive Card schema (https://adaptivecards.io/explorer/) our cards use, typed so that a
// card function cannot produce an element Teams would not render. Extend it when a card needs more.

/** The JSON schema every card names, so editors and validators know what they look at. */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Teams supports Adaptive Cards up to 1.5 on desktop, web and mobile. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** A paragraph or heading of text; Teams renders a subset of Markdown in `text`. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  /** `heading` lets screen readers announce the text as a heading (schema 1.5). */
  style?: 'default' | 'heading';
}

/** Label–value pairs, shown as a two-column list. */
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: TextBlock['spacing'];
}

/** A button that opens a web address. */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Everything that may appear in a card's body. */
export type CardElement = TextBlock | FactSet;

/** A complete card, ready to send as `application/vnd.microsoft.card.adaptive` content. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions?: OpenUrlAction[];
}
