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

/** The welcome card a newcomer gets in their 1:1 chat with the bot when they get a role in a network. */
export interface IntroductionWelcomeCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CallOutCardElement[];
}

/** The network's essentials: its name, wijk (area), coordinators by name and the next meeting. */
export interface IntroductionWelcomeView {
  networkId: string;
  networkName: string;
  areaName: string;
  coordinators: string[];
  nextMeetingDate: string | null;
}

const TEXTS = {
  nl: {
    title: (network: string) => `Welkom bij ${network}`,
    area: (area: string) => `Wijk of gebied: ${area}`,
    coordinators: (names: string) => `Coördinator: ${names}`,
    noCoordinator: 'Dit netwerk heeft nog geen coördinator.',
    next: (date: string) => `Volgend overleg: ${date}. Daar stel je je voor.`,
    noNext: 'Er is nog geen volgend overleg gepland.',
    checklist:
      'Je introductielijst staat klaar: lees de netwerkpagina en de crisiskaart, maak kennis met de bondgenoten en leer hoe een crisisoproep werkt.',
    open: 'Introductie openen',
  },
  en: {
    title: (network: string) => `Welcome to ${network}`,
    area: (area: string) => `Wijk or area: ${area}`,
    coordinators: (names: string) => `Coordinator: ${names}`,
    noCoordinator: 'This network has no coordinator yet.',
    next: (date: string) => `Next meeting: ${date}. You will be introduced there.`,
    noNext: 'No next meeting has been planned yet.',
    checklist:
      'Your introduction checklist is ready: read the network page and the crisis sheet, meet the allies and learn how a call-out works.',
    open: 'Open the introduction',
  },
} as const;

/** The introduction page of a network in the tab. */
export function introductionUrl(tabUrl: string, networkId: string): string {
  return `${tabUrl}netwerken/${encodeURIComponent(networkId)}/introductie`;
}

/** Renders the welcome card (pure). Staff names only: no ally is named on a card. */
export function renderIntroductionWelcomeCard(
  view: IntroductionWelcomeView,
  locale: BotLocale,
  links: { tabUrl: string },
): IntroductionWelcomeCard {
  const texts = TEXTS[locale];
  const open: OpenUrlAction = {
    type: 'Action.OpenUrl',
    title: texts.open,
    url: introductionUrl(links.tabUrl, view.networkId),
  };
  const actions: ActionSet = { type: 'ActionSet', spacing: 'Medium', actions: [open] };
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      heading(texts.title(view.networkName)),
      plainText([texts.area(view.areaName)]),
      plainText([
        view.coordinators.length > 0 ? texts.coordinators(view.coordinators.join(', ')) : texts.noCoordinator,
      ]),
      plainText([
        view.nextMeetingDate ? texts.next(cardLongDate(view.nextMeetingDate, locale)) : texts.noNext,
      ]),
      plainText([texts.checklist]),
      actions,
    ],
  };
}
