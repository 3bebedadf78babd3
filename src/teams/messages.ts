/** The languages the bot speaks: Dutch for the municipalities and police, English as a second language. */
export type BotLocale = 'nl' | 'en';

/** Every text the bot shows a user, per language, so translations live in one place. */
export interface BotTexts {
  welcome: string;
  unknownCommand: string;
  apology: string;
  /** The card that answers a card action or invoke the bot does not know (an old or foreign card). */
  unknownAction: { title: string; text: string };
  /** The card that answers a card action whose turn failed on our side. */
  failedAction: { title: string; text: string };
  help: {
    title: string;
    intro: string;
    nowHeading: string;
    helpCommand: string;
    helpCommandText: string;
    soonHeading: string;
    crisisTitle: string;
    crisisText: string;
    meetingTitle: string;
    meetingText: string;
    openTab: string;
  };
}

const DUTCH: BotTexts = {
  welcome:
    'Welkom bij **Bondgenoten**. Met deze app houden gemeente en politie het bondgenotennetwerk in de wijk ' +
    'bij elkaar: de bijeenkomsten in vredestijd en, als het spannend wordt, de oproep die het netwerk binnen ' +
    'het uur samenbrengt. Typ **help** om te zien wat ik voor je kan doen.',
  unknownCommand: 'Dat begrijp ik niet. Typ **help** om te zien wat ik kan.',
  apology: 'Sorry, er ging aan onze kant iets mis. Probeer het straks nog eens.',
  unknownAction: {
    title: 'Deze actie ken ik niet',
    text: 'Deze kaart of knop hoort niet (meer) bij Bondgenoten. Typ **help** om te zien wat ik kan.',
  },
  failedAction: {
    title: 'Er ging iets mis',
    text: 'Sorry, er ging aan onze kant iets mis. Probeer het straks nog eens.',
  },
  help: {
    title: 'Bondgenoten: wat kan ik?',
    intro: 'Ik ben de bot van Bondgenoten, voor het bondgenotennetwerk van gemeente en politie.',
    nowHeading: 'Nu',
    helpCommand: 'help',
    helpCommandText: 'Dit overzicht.',
    soonHeading: 'Wat hier binnenkomt',
    crisisTitle: 'Crisisoproep',
    crisisText:
      'Bij spanning of een incident krijg je hier een oproep, die je direct vanuit de kaart beantwoordt.',
    meetingTitle: 'Volgend overleg',
    meetingText: 'Na een bijeenkomst een voorstel voor het volgende overleg.',
    openTab: 'Open Bondgenoten',
  },
};

const ENGLISH: BotTexts = {
  welcome:
    'Welcome to **Bondgenoten**. With this app the municipality and the police keep the network of allies ' +
    '(bondgenoten) in the neighbourhood together: the meetings in peaceful times and, when tension rises, the ' +
    'call-out that brings the network together within the hour. Type **help** to see what I can do for you.',
  unknownCommand: "I don't understand that. Type **help** to see what I can do.",
  apology: 'Sorry, something went wrong on our side. Please try again in a moment.',
  unknownAction: {
    title: "I don't know this action",
    text: 'This card or button does not (or no longer) belong to Bondgenoten. Type **help** to see what I can do.',
  },
  failedAction: {
    title: 'Something went wrong',
    text: 'Sorry, something went wrong on our side. Please try again in a moment.',
  },
  help: {
    title: 'Bondgenoten: what can I do?',
    intro: 'I am the Bondgenoten bot, for the network of allies of the municipality and the police.',
    nowHeading: 'Now',
    helpCommand: 'help',
    helpCommandText: 'This overview.',
    soonHeading: 'What arrives here',
    crisisTitle: 'Crisis call-out',
    crisisText:
      'When tension rises or an incident happens, a call-out arrives here that you answer from the card.',
    meetingTitle: 'Next meeting',
    meetingText: 'After a meeting, a proposal for the next one.',
    openTab: 'Open Bondgenoten',
  },
};

const TEXTS: Record<BotLocale, BotTexts> = { nl: DUTCH, en: ENGLISH };

/** Picks the language from an activity's locale (`en-US` → English); everything else gets Dutch. */
export function localeOf(activityLocale: string | undefined): BotLocale {
  return /^en(-|_|$)/i.test(activityLocale?.trim() ?? '') ? 'en' : 'nl';
}

/** The texts for a language. */
export function textsFor(locale: BotLocale): BotTexts {
  return TEXTS[locale];
}
