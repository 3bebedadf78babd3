import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type OpenUrlAction,
} from '../../teams/cards/adaptive-card.js';
import { cardLongDate } from '../../teams/cards/card-dates.js';
import {
  type ActionSet,
  type CallOutCardElement,
  heading,
  plainText,
} from '../../teams/cards/card-elements.js';
import type { BotLocale } from '../../teams/messages.js';

/** The due-evaluation card: a heading, the network and date, and a link to the evaluation page in the tab. */
export interface EvaluationDueCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CallOutCardElement[];
}

/** What the card shows: ids, the network's name and the due date, never a person. */
export interface EvaluationDueView {
  networkId: string;
  networkName: string;
  dueOn: string;
  state: 'overdue' | 'due';
}

const TEXTS = {
  nl: {
    title: 'Halfjaarlijkse evaluatie',
    due: (date: string) => `Zitten de juiste mensen aan tafel? De evaluatie is gepland op ${date}.`,
    overdue: (date: string) =>
      `Zitten de juiste mensen aan tafel? De evaluatie had op ${date} moeten plaatsvinden.`,
    open: 'Evaluatie openen',
  },
  en: {
    title: 'Half-yearly evaluation',
    due: (date: string) => `Are the right people at the table? The evaluation is due on ${date}.`,
    overdue: (date: string) => `Are the right people at the table? The evaluation was due on ${date}.`,
    open: 'Open the evaluation',
  },
} as const;

/** The evaluation page of a network in the tab. */
export function evaluationUrl(tabUrl: string, networkId: string): string {
  return `${tabUrl}netwerken/${encodeURIComponent(networkId)}/evaluatie`;
}

/** Renders the card a coordinator gets when the network's half-yearly evaluation is due (pure). */
export function renderEvaluationDueCard(
  view: EvaluationDueView,
  locale: BotLocale,
  links: { tabUrl: string },
): EvaluationDueCard {
  const texts = TEXTS[locale];
  const date = cardLongDate(view.dueOn, locale);
  const open: OpenUrlAction = {
    type: 'Action.OpenUrl',
    title: texts.open,
    url: evaluationUrl(links.tabUrl, view.networkId),
  };
  const actions: ActionSet = { type: 'ActionSet', spacing: 'Medium', actions: [open] };
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      heading(`${texts.title} · ${view.networkName}`),
      plainText([view.state === 'overdue' ? texts.overdue(date) : texts.due(date)]),
      actions,
    ],
  };
}
