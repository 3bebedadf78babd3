import type { BotLocale } from '../../teams/messages.js';
import type { CallOutStartError, StarterField } from '../starter-contract.js';

/** Why a start card could not be shown: the port's codes plus the bot's own two. */
/** `personal-only`: the form and preview show names, so they are offered only in a 1:1 chat with the bot. */
export type StartProblemCode = CallOutStartError['code'] | 'unavailable' | 'failed' | 'personal-only';

/** Fields the form can point at: the call-out's own, the button (`action`) and who pressed it (`actor`). */
export type StartFormField = StarterField | 'action' | 'actor';

/** The texts of starting a call-out from Teams (form, preview, starter's status), per language. */
export interface CallOutStartTexts {
  /** The command as the help card lists it, and what it does. */
  helpCommand: string;
  helpCommandText: string;
  /** The message action's name on a chat message (as in the manifest), and its dialog's title. */
  messageActionTitle: string;
  formTitle: string;
  formIntro: string;
  kindLabel: string;
  urgencyLabel: string;
  summaryLabel: string;
  summaryPlaceholder: string;
  summaryError: string;
  askLabel: string;
  askPlaceholder: string;
  askError: string;
  placesLabel: string;
  placesError: string;
  communitiesLabel: string;
  previewButton: string;
  formErrorsHeading: string;
  fieldErrors: Record<StartFormField, string>;
  noNetwork: string;
  previewTitle: string;
  previewIntro: string;
  kind: string;
  urgency: string;
  summary: string;
  staffHeading: (count: number, networks: string) => string;
  noStaff: string;
  unreachableMark: string;
  unreachableHint: (count: number) => string;
  alliesHeading: (allies: number, callers: number) => string;
  otherNetworkAlly: string;
  calledBy: (caller: string) => string;
  more: (count: number) => string;
  sendButton: string;
  editButton: string;
  statusTitle: string;
  progress: (sent: number, recipients: number, answered: number, unreachable: number) => string;
  stillSending: (count: number) => string;
  callUnreachable: (count: number) => string;
  alreadySent: string;
  openInTab: string;
  update: string;
  problemTitles: Record<StartProblemCode, string>;
  problems: Record<StartProblemCode, string>;
}

const DUTCH: CallOutStartTexts = {
  helpCommand: 'crisisoproep',
  helpCommandText:
    'Start een crisisoproep: je vult in wat er speelt, ziet wie we bereiken en volgt hier hoeveel mensen antwoorden.',
  messageActionTitle: 'Start crisisoproep',
  formTitle: 'Crisisoproep starten',
  formIntro: 'Vul in wat er speelt. Voordat je verstuurt zie je wie de oproep bereikt.',
  kindLabel: 'Soort',
  urgencyLabel: 'Urgentie',
  summaryLabel: 'Wat is er gebeurd?',
  summaryPlaceholder: 'Kort en feitelijk, zonder namen van betrokkenen',
  summaryError: 'Vul in wat er is gebeurd (hooguit 1000 tekens).',
  askLabel: 'Wat vraag je van de ontvangers?',
  askPlaceholder: 'Bijvoorbeeld: kom naar het buurthuis en bel je bondgenoten',
  askError: 'Vul in wat je vraagt (hooguit 1000 tekens).',
  placesLabel: 'Wijken',
  placesError: 'Kies minstens één wijk.',
  communitiesLabel: 'Betrokken gemeenschappen (optioneel)',
  previewButton: 'Bekijk wie we bereiken',
  formErrorsHeading: 'Nog niet verstuurd:',
  fieldErrors: {
    kind: 'Kies de soort: incident, spanning of geplande interventie.',
    urgency: 'Kies de urgentie: direct, vandaag of deze week.',
    summary: 'Vul in wat er is gebeurd, in hooguit 1000 tekens.',
    ask: 'Vul in wat je van de ontvangers vraagt, in hooguit 1000 tekens.',
    placeIds: 'Kies één of meer wijken uit de lijst.',
    communityIds: 'Kies gemeenschappen alleen uit de lijst.',
    action: 'Deze knop kennen we niet (meer). Vul het formulier opnieuw in.',
    actor: 'We konden niet vaststellen wie je bent. Open de chat met Bondgenoten opnieuw in Teams.',
  },
  noNetwork: 'Geen bondgenotennetwerk dekt de gekozen wijken, dus er is niemand om te alarmeren.',
  previewTitle: 'Controleer je crisisoproep',
  previewIntro: 'Er is nog niets verstuurd.',
  kind: 'Soort',
  urgency: 'Urgentie',
  summary: 'Wat is er gebeurd',
  staffHeading: (count, networks) =>
    `${count} ${count === 1 ? 'medewerker krijgt' : 'medewerkers krijgen'} de kaart (${networks})`,
  noStaff: 'Niemand krijgt de kaart: deze netwerken hebben geen medewerkers met dienst.',
  unreachableMark: ' — Teams bereikt deze persoon niet: bel deze mensen',
  unreachableHint: (count) =>
    `${count} ${count === 1 ? 'persoon' : 'mensen'} kan Teams niet bereiken: bel deze mensen zelf.`,
  alliesHeading: (allies, callers) =>
    `${allies} ${allies === 1 ? 'bondgenoot' : 'bondgenoten'} op de bellijst, gebeld door ${callers} ${
      callers === 1 ? 'medewerker' : 'medewerkers'
    }`,
  otherNetworkAlly: 'Bondgenoot van een ander netwerk',
  calledBy: (caller) => ` — belt: ${caller}`,
  more: (count) => `en nog ${count}; de tab toont de hele lijst`,
  sendButton: 'Verstuur nu',
  editButton: 'Wijzigen',
  statusTitle: 'Crisisoproep verstuurd',
  progress: (sent, recipients, answered, unreachable) =>
    `Verstuurd ${sent} van ${recipients} · ${answered} geantwoord · ${unreachable} onbereikbaar`,
  stillSending: (count) => `De kaart gaat nog naar ${count} ${count === 1 ? 'persoon' : 'mensen'}.`,
  callUnreachable: (count) =>
    `${count} ${count === 1 ? 'persoon' : 'mensen'} kan Teams niet bereiken: bel ze. De tab toont wie.`,
  alreadySent: 'Deze oproep was al verstuurd; er is geen tweede gestart.',
  openInTab: 'Open in Bondgenoten',
  update: 'Bijwerken',
  problemTitles: {
    'not-signed-up': 'Nog niet bekend in Bondgenoten',
    forbidden: 'Geen crisisoproep mogelijk',
    invalid: 'Oproep niet verstuurd',
    'no-network': 'Geen netwerk in deze wijken',
    'not-found': 'Oproep niet gevonden',
    unavailable: 'Crisisoproepen niet beschikbaar',
    'personal-only': 'Start een crisisoproep in je chat met de bot',
    failed: 'Er ging iets mis',
  },
  problems: {
    'not-signed-up':
      'Je bent nog niet bekend in Bondgenoten. Open eerst de Bondgenoten-tab in Teams en vraag de beheerder om een rol.',
    forbidden:
      'Een crisisoproep starten kan alleen als coördinator of lid van een bondgenotennetwerk, of als beheerder. ' +
      'Vraag de coördinator van je netwerk om de oproep te starten.',
    invalid: 'De gegevens van de oproep kloppen niet. Vul het formulier opnieuw in.',
    'no-network': 'Geen bondgenotennetwerk dekt de gekozen wijken, dus er is niemand om te alarmeren.',
    'not-found': 'Deze oproep bestaat niet (meer), of je mag hem niet zien.',
    unavailable: 'Crisisoproepen zijn in deze omgeving (nog) niet beschikbaar.',
    'personal-only':
      'Het formulier en de lijst van wie we bereiken tonen namen. Open daarom je 1-op-1 chat met Bondgenoten en typ daar "crisisoproep".',
    failed: 'Er ging aan onze kant iets mis; er is niets verstuurd. Probeer het over een minuut opnieuw.',
  },
};

const ENGLISH: CallOutStartTexts = {
  helpCommand: 'call-out',
  helpCommandText:
    'Start a crisis call-out: fill in what is going on, see whom we reach, and follow here how many answer.',
  messageActionTitle: 'Start a crisis call-out',
  formTitle: 'Start a crisis call-out',
  formIntro: 'Fill in what is going on. Before you send, you see whom the call-out reaches.',
  kindLabel: 'Kind',
  urgencyLabel: 'Urgency',
  summaryLabel: 'What happened?',
  summaryPlaceholder: 'Short and factual, without names of those involved',
  summaryError: 'Fill in what happened (at most 1000 characters).',
  askLabel: 'What do you ask of the recipients?',
  askPlaceholder: 'For example: come to the community centre and call your allies',
  askError: 'Fill in what you ask (at most 1000 characters).',
  placesLabel: 'Neighbourhoods (wijken)',
  placesError: 'Choose at least one neighbourhood.',
  communitiesLabel: 'Communities concerned (optional)',
  previewButton: 'See whom we reach',
  formErrorsHeading: 'Not sent yet:',
  fieldErrors: {
    kind: 'Choose the kind: incident, tension or planned intervention.',
    urgency: 'Choose the urgency: immediate, today or this week.',
    summary: 'Fill in what happened, in at most 1000 characters.',
    ask: 'Fill in what you ask of the recipients, in at most 1000 characters.',
    placeIds: 'Choose one or more neighbourhoods from the list.',
    communityIds: 'Choose communities from the list only.',
    action: 'We do not know this button (any more). Please fill in the form again.',
    actor: 'We could not tell who you are. Open the chat with Bondgenoten again in Teams.',
  },
  noNetwork: 'No network of allies covers the chosen neighbourhoods, so there is nobody to alert.',
  previewTitle: 'Check your crisis call-out',
  previewIntro: 'Nothing has been sent yet.',
  kind: 'Kind',
  urgency: 'Urgency',
  summary: 'What happened',
  staffHeading: (count, networks) =>
    `${count} staff ${count === 1 ? 'member gets' : 'members get'} the card (${networks})`,
  noStaff: 'Nobody gets the card: these networks have no staff on call.',
  unreachableMark: ' — Teams cannot reach this person: phone these people',
  unreachableHint: (count) =>
    `Teams cannot reach ${count} ${count === 1 ? 'person' : 'people'}: phone these people yourself.`,
  alliesHeading: (allies, callers) =>
    `${allies} ${allies === 1 ? 'ally' : 'allies'} on the call list, called by ${callers} staff ${
      callers === 1 ? 'member' : 'members'
    }`,
  otherNetworkAlly: 'Ally of another network',
  calledBy: (caller) => ` — called by ${caller}`,
  more: (count) => `and ${count} more; the tab shows the whole list`,
  sendButton: 'Send now',
  editButton: 'Change',
  statusTitle: 'Crisis call-out sent',
  progress: (sent, recipients, answered, unreachable) =>
    `Sent ${sent} of ${recipients} · ${answered} answered · ${unreachable} unreachable`,
  stillSending: (count) => `The card is still on its way to ${count} ${count === 1 ? 'person' : 'people'}.`,
  callUnreachable: (count) =>
    `Teams cannot reach ${count} ${count === 1 ? 'person' : 'people'}: phone them. The tab shows who.`,
  alreadySent: 'This call-out had already been sent; no second one was started.',
  openInTab: 'Open in Bondgenoten',
  update: 'Update',
  problemTitles: {
    'not-signed-up': 'Not known in Bondgenoten yet',
    forbidden: 'No call-out possible',
    invalid: 'Call-out not sent',
    'no-network': 'No network in these neighbourhoods',
    'not-found': 'Call-out not found',
    unavailable: 'Call-outs not available',
    'personal-only': 'Start a call-out in your chat with the bot',
    failed: 'Something went wrong',
  },
  problems: {
    'not-signed-up':
      'You are not known in Bondgenoten yet. Open the Bondgenoten tab in Teams first and ask the administrator for a role.',
    forbidden:
      'Starting a crisis call-out is for coordinators and members of a network of allies, and administrators. ' +
      'Ask the coordinator of your network to start the call-out.',
    invalid: 'The details of the call-out are not right. Please fill in the form again.',
    'no-network': 'No network of allies covers the chosen neighbourhoods, so there is nobody to alert.',
    'not-found': 'This call-out does not exist (any more), or you may not see it.',
    unavailable: 'Call-outs are not available in this environment (yet).',
    'personal-only':
      'The form and the list of who we reach show names. Open your 1:1 chat with Bondgenoten and type "call-out" there.',
    failed: 'Something went wrong on our side; nothing was sent. Please try again in a minute.',
  },
};

const TEXTS: Record<BotLocale, CallOutStartTexts> = { nl: DUTCH, en: ENGLISH };

/** The texts of starting a call-out, for a language. */
export function callOutStartTextsFor(locale: BotLocale): CallOutStartTexts {
  return TEXTS[locale];
}
