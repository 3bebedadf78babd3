import { type BotLocale, textsFor } from '../messages.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard } from './adaptive-card.js';

/** One line of the card's "what you can do now" list: a command and what it does. */
export interface HelpFact {
  title: string;
  value: string;
}

/** Where the card's button leads (the app's own web address, which serves the tab), and the capabilities' commands. */
export interface HelpCardLinks {
  tabUrl: string;
  /** The capabilities' commands (`crisisoproep`), listed after `help`; none by default. */
  commands?: readonly HelpFact[];
}

/** The answer to `help`: what the bot does now, what comes next, and a way into the tab. */
export function helpCard(locale: BotLocale, links: HelpCardLinks): AdaptiveCard {
  const texts = textsFor(locale).help;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: texts.title, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: texts.intro, wrap: true },
      { type: 'TextBlock', text: texts.nowHeading, weight: 'Bolder', spacing: 'Medium', wrap: true },
      {
        type: 'FactSet',
        facts: [{ title: texts.helpCommand, value: texts.helpCommandText }, ...(links.commands ?? [])],
      },
      { type: 'TextBlock', text: texts.soonHeading, weight: 'Bolder', spacing: 'Medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: texts.crisisTitle, value: texts.crisisText },
          { title: texts.meetingTitle, value: texts.meetingText },
        ],
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: texts.openTab, url: links.tabUrl }],
  };
}
