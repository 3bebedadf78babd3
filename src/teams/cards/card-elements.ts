// The Adaptive Card 1.5 elements beyond the shared subset in adaptive-card.ts that the capabilities' cards use:
// inputs, containers, rich text and Universal Actions (https://adaptivecards.io/explorer/). Part of the cards kit
// in src/teams, so a capability's cards never import another capability's card code.
import type {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  FactSet,
  OpenUrlAction,
  TextBlock,
} from './adaptive-card.js';

/** A text block that may also carry a colour, e.g. for "Afgesloten". */
export interface ColouredTextBlock extends TextBlock {
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
}

/** A run of plain text: unlike TextBlock it is never read as Markdown, so user text cannot add links. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Lighter' | 'Default' | 'Bolder';
  italic?: boolean;
  isSubtle?: boolean;
}

/** A paragraph made of text runs. */
export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: TextBlock['spacing'];
}

/** A Universal Action: Teams sends it to the bot as an `adaptiveCard/action` invoke. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
}

/** Buttons inside the body, which older Teams clients need around `Action.Execute`. */
export interface ActionSet {
  type: 'ActionSet';
  actions: (ExecuteAction | OpenUrlAction)[];
  spacing?: TextBlock['spacing'];
}

/** A free-text field; its value arrives in the action's data under `id`. */
export interface TextInput {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  value?: string;
  maxLength: number;
  isMultiline?: boolean;
  errorMessage?: string;
}

/** A number field; Teams sends its value as a string. */
export interface NumberInput {
  type: 'Input.Number';
  id: string;
  label: string;
  placeholder?: string;
  value?: number;
  min: number;
  max: number;
  errorMessage?: string;
}

/** A group of elements, e.g. the header with its emphasis style. */
export interface Container {
  type: 'Container';
  items: CallOutCardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: TextBlock['spacing'];
  separator?: boolean;
}

/** Everything that may appear in a call-out card's body. */
export type CallOutCardElement =
  | ColouredTextBlock
  | FactSet
  | RichTextBlock
  | ActionSet
  | TextInput
  | NumberInput
  | Container;

/** How Teams keeps a card current: it runs `action` for the listed users when they view the card. */
export interface CardRefresh {
  action: ExecuteAction;
  /** At most 60 (Teams' limit for user-specific views). */
  userIds: string[];
}

/** A complete call-out card. */
export interface CallOutCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CallOutCardElement[];
  refresh?: CardRefresh;
}

/** A heading of a card section. */
export function heading(text: string): ColouredTextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium', wrap: true };
}

/** A paragraph of text that came from people (names, notes, summaries), shown verbatim. */
export function plainText(
  parts: (string | Omit<TextRun, 'type'>)[],
  spacing?: TextBlock['spacing'],
): RichTextBlock {
  const inlines = parts.map(
    (part): TextRun =>
      typeof part === 'string' ? { type: 'TextRun', text: part } : { type: 'TextRun', ...part },
  );
  return { type: 'RichTextBlock', inlines, ...(spacing ? { spacing } : {}) };
}
