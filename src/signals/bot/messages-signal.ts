import type { BotLocale } from '../../teams/messages.js';
import type { SignalChannel, SignalUrgency } from '../constants.js';

/** The `signaal` cards' words, Dutch first. */
export interface SignalBotTexts {
  helpCommand: string;
  helpCommandText: string;
  /** The message action's name on a chat message (as in the manifest), and its dialog's title. */
  messageActionTitle: string;
  formTitle: string;
  formIntro: string;
  wijk: string;
  theme: string;
  urgency: string;
  channel: string;
  text: string;
  textPlaceholder: string;
  person: string;
  anonymous: string;
  submit: string;
  urgencies: Record<SignalUrgency, string>;
  channels: Record<SignalChannel, string>;
  savedTitle: string;
  /** The answer to a second press of the same form: nothing was recorded twice. */
  alreadySavedTitle: string;
  alreadySaved: string;
  savedFacts: { wijk: string; theme: string; urgency: string; followUp: string };
  followUpDue: (date: string) => string;
  urgentHint: string;
  startCallOut: string;
  openTab: string;
  problems: {
    'not-signed-up': string;
    'personal-only': string;
    'no-network': string;
    invalid: string;
    'mixed-networks': string;
    failed: string;
  };
  required: string;
}

const NL: SignalBotTexts = {
  helpCommand: 'signaal',
  helpCommandText:
    'Leg een signaal van een bondgenoot of sleutelfiguur vast (wijk, thema, urgentie, van wie).',
  messageActionTitle: 'Maak signaal',
  formTitle: 'Signaal vastleggen',
  formIntro: 'Wat hoorde je, en van wie? Alleen mensen uit je eigen netwerken staan in de lijst.',
  wijk: 'Wijk(en)',
  theme: "Thema('s)",
  urgency: 'Urgentie',
  channel: 'Hoe',
  text: 'Wat werd er gezegd?',
  textPlaceholder: 'Kort en feitelijk',
  person: 'Van wie',
  anonymous: 'Anoniem',
  submit: 'Vastleggen',
  urgencies: { information: 'Informatie', attention: 'Aandacht', urgent: 'Urgent' },
  channels: { phone: 'Telefoon', app: 'App', visit: 'Bezoek', meeting: 'Overleg', email: 'E-mail' },
  savedTitle: 'Signaal vastgelegd',
  alreadySavedTitle: 'Signaal al opgeslagen',
  alreadySaved: 'Dit formulier was al opgeslagen; het signaal staat er één keer in.',
  savedFacts: { wijk: 'Wijk', theme: 'Thema', urgency: 'Urgentie', followUp: 'Opvolging' },
  followUpDue: (date) => `Bij jou, uiterlijk ${date}; koppel terug aan de melder.`,
  urgentHint: 'Urgent: wil je de bondgenoten in deze wijk nu bijeenroepen?',
  startCallOut: 'Crisisoproep starten voor deze wijk',
  openTab: 'Openen in Bondgenoten',
  problems: {
    'not-signed-up': 'Je bent nog niet bekend in Bondgenoten. Open eerst het tabblad Bondgenoten.',
    'personal-only':
      'Leg signalen vast in je persoonlijke chat met Bondgenoten: hier zouden anderen namen zien.',
    'no-network':
      'Je legt in geen enkel netwerk signalen vast (daarvoor ben je coördinator, lid of secretaris).',
    invalid: 'Niet alles is goed ingevuld; kijk de velden na.',
    'mixed-networks': 'Kies wijken van één netwerk: een signaal hoort bij één netwerk.',
    failed: 'Het vastleggen is niet gelukt. Probeer het opnieuw of gebruik het tabblad.',
  },
  required: 'Vul dit in',
};

const EN: SignalBotTexts = {
  helpCommand: 'signal',
  helpCommandText: 'Record a signal from an ally or key figure (wijk, theme, urgency, from whom).',
  messageActionTitle: 'Record a signal',
  formTitle: 'Record a signal',
  formIntro: 'What did you hear, and from whom? Only people of your own networks are listed.',
  wijk: 'Wijk(en)',
  theme: 'Theme(s)',
  urgency: 'Urgency',
  channel: 'How',
  text: 'What was said?',
  textPlaceholder: 'Short and factual',
  person: 'From whom',
  anonymous: 'Anonymous',
  submit: 'Record',
  urgencies: { information: 'Information', attention: 'Attention', urgent: 'Urgent' },
  channels: { phone: 'Phone', app: 'App', visit: 'Visit', meeting: 'Meeting', email: 'E-mail' },
  savedTitle: 'Signal recorded',
  alreadySavedTitle: 'Signal already saved',
  alreadySaved: 'This form was already saved; the signal is recorded once.',
  savedFacts: { wijk: 'Wijk', theme: 'Theme', urgency: 'Urgency', followUp: 'Follow-up' },
  followUpDue: (date) => `Yours, by ${date}; report back to whoever told you.`,
  urgentHint: 'Urgent: do you want to bring the allies of this wijk together now?',
  startCallOut: 'Start a call-out for this wijk',
  openTab: 'Open in Bondgenoten',
  problems: {
    'not-signed-up': 'Bondgenoten does not know you yet. Open the Bondgenoten tab first.',
    'personal-only': 'Record signals in your personal chat with Bondgenoten: others would see names here.',
    'no-network': 'You record signals in no network (coordinators, members and secretaries do).',
    invalid: 'Not everything is filled in correctly; check the fields.',
    'mixed-networks': 'Choose wijken of one network: a signal belongs to one network.',
    failed: 'Recording did not work. Try again or use the tab.',
  },
  required: 'Fill this in',
};

export function signalBotTextsFor(locale: BotLocale): SignalBotTexts {
  return locale === 'en' ? EN : NL;
}
