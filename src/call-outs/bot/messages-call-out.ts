import type { BotLocale } from '../../teams/messages.js';
import { ETA_MAX_MINUTES } from '../constants.js';
import type {
  AlertCardView,
  CallOutAnswerError,
  CallOutKind,
  CallOutUrgency,
  StaffAnswer,
} from '../contract.js';

/** Why an answer or refresh could not be shown: the port's codes plus the bot's own two. */
export type CallOutProblemCode = CallOutAnswerError['code'] | 'unavailable' | 'failed';

/** Fields of an `Action.Execute` whose value the bot refuses, each with its own readable message. */
export type CallOutInputField = 'action' | 'actor' | 'callOutId' | 'answer' | 'note' | 'etaMinutes';

/** The crisis alert card's texts (crisisoproep: crisis call-out), per language. */
export interface CallOutTexts {
  cardTitle: string;
  kinds: Record<CallOutKind, string>;
  urgencies: Record<CallOutUrgency, string>;
  closed: string;
  places: string;
  communities: string;
  ask: string;
  /** Start and goal as clock times: cards are static, so no running countdown. */
  goal: (startedAt: string, goalAt: string) => string;
  /** Shown to a recipient who was absent (continuity) when the call-out started. */
  markedAbsent: string;
  /** How far the alert got: cards that arrived of N, answers, and (when any) recipients Teams cannot reach. */
  progress: (progress: AlertCardView['progress']) => string;
  tallyHeading: string;
  /** Short labels, used in the tally, the answers list and the recipient's own answer. */
  answers: Record<StaffAnswer, string>;
  /** Button titles. */
  buttons: Record<StaffAnswer, string>;
  pending: string;
  answersHeading: string;
  moreAnswers: (count: number) => string;
  eta: (minutes: number) => string;
  mine: (answer: string, time: string) => string;
  mineChanged: (answer: string, time: string) => string;
  notAnswered: string;
  noteLabel: string;
  notePlaceholder: string;
  noteTooLong: string;
  etaLabel: string;
  etaPlaceholder: string;
  etaOutOfRange: string;
  callListHeading: string;
  callListHint: string;
  call: (name: string) => string;
  moreCalls: (count: number) => string;
  noValidNumber: string;
  outcomes: Record<string, string>;
  notCalledYet: string;
  meetingHeading: string;
  meetingAt: (time: string) => string;
  meetingJoin: string;
  meetingLinkFollows: string;
  problemTitles: Record<CallOutProblemCode, string>;
  problems: Record<CallOutProblemCode, string>;
  invalidTitle: string;
  invalidFields: Record<CallOutInputField, string>;
  backToCallOut: string;
}

const DUTCH: CallOutTexts = {
  cardTitle: 'Crisisoproep',
  kinds: { incident: 'incident', tension: 'spanning', 'planned-intervention': 'geplande interventie' },
  urgencies: { immediate: 'direct', today: 'vandaag', 'this-week': 'deze week' },
  closed: 'Afgesloten',
  places: 'Wijken',
  communities: 'Gemeenschappen',
  ask: 'Gevraagd',
  goal: (startedAt, goalAt) => `Gestart ${startedAt} · doel: ${goalAt} het netwerk bijeen`,
  markedAbsent: 'Je staat als afwezig geregistreerd: je back-up heeft deze oproep als eerste gekregen.',
  progress: ({ recipients, sent, answered, unreachable }) =>
    `Kaart bij ${sent} van ${recipients} · ${answered} geantwoord${
      unreachable > 0 ? ` · ${unreachable} onbereikbaar` : ''
    }`,
  tallyHeading: 'Antwoorden tot nu toe',
  answers: { coming: 'Ik kom', 'calling-allies': 'Ik bel mijn bondgenoten', unavailable: 'Niet beschikbaar' },
  buttons: {
    coming: 'Ik kom / ben beschikbaar',
    'calling-allies': 'Ik bel mijn bondgenoten',
    unavailable: 'Niet beschikbaar',
  },
  pending: 'Nog geen antwoord',
  answersHeading: 'Wie antwoordde wat',
  moreAnswers: (count) => `en nog ${count} ${count === 1 ? 'antwoord' : 'antwoorden'}`,
  eta: (minutes) => (minutes === 0 ? 'is er al' : `over ${minutes} min`),
  mine: (answer, time) => `Je antwoord: ${answer} (${time}) — nogmaals antwoorden wijzigt het`,
  mineChanged: (answer, time) =>
    `Je antwoord is gewijzigd in: ${answer} (${time}) — nogmaals antwoorden wijzigt het`,
  notAnswered: 'Je hebt nog niet geantwoord.',
  noteLabel: 'Notitie (optioneel)',
  notePlaceholder: 'Bijvoorbeeld: ik neem de wijkagent mee',
  noteTooLong: 'Hoogstens 500 tekens.',
  etaLabel: 'Over hoeveel minuten ben je er? (optioneel)',
  etaPlaceholder: `0 tot ${ETA_MAX_MINUTES}`,
  etaOutOfRange: `Een heel aantal minuten van 0 tot ${ETA_MAX_MINUTES}.`,
  callListHeading: 'Jouw bellijst',
  callListHint: 'Bel deze bondgenoten; leg de uitkomst vast in de Bondgenoten-tab.',
  call: (name) => `Bel ${name}`,
  moreCalls: (count) => `en nog ${count} op je bellijst in de Bondgenoten-tab`,
  noValidNumber: 'geen geldig nummer bekend',
  outcomes: { reached: 'bereikt', voicemail: 'voicemail ingesproken', 'not-reached': 'niet bereikt' },
  notCalledYet: 'nog niet gebeld',
  meetingHeading: 'Bijeenkomst nu',
  meetingAt: (time) => `Online bijeenkomst om ${time}.`,
  meetingJoin: 'Deelnemen aan de bijeenkomst',
  meetingLinkFollows: 'De link volgt zodra de bijeenkomst is aangemaakt.',
  problemTitles: {
    'not-found': 'Oproep niet gevonden',
    'not-a-recipient': 'Niet voor jou',
    closed: 'Oproep afgesloten',
    invalid: 'Antwoord niet verwerkt',
    unavailable: 'Crisisoproepen niet beschikbaar',
    failed: 'Er ging iets mis',
  },
  problems: {
    'not-found': 'Deze oproep bestaat niet (meer).',
    'not-a-recipient': 'Deze oproep is niet aan jou gericht, dus je kunt er niet op antwoorden.',
    closed: 'Deze oproep is afgesloten; antwoorden kan niet meer.',
    invalid: 'Je antwoord kon niet worden verwerkt. Controleer de notitie en het aantal minuten.',
    unavailable: 'Crisisoproepen zijn in deze omgeving (nog) niet beschikbaar.',
    failed: 'Er ging aan onze kant iets mis. Probeer het over een minuut opnieuw.',
  },
  invalidTitle: 'Antwoord niet verstuurd',
  invalidFields: {
    action: 'Deze knop kennen we niet (meer). Ga terug naar de oproep en probeer het opnieuw.',
    actor: 'We konden niet vaststellen wie je bent. Open de oproep opnieuw in Teams.',
    callOutId: 'De kaart mist de gegevens van de oproep.',
    answer: 'Kies Ik kom, Ik bel mijn bondgenoten of Niet beschikbaar.',
    note: 'De notitie mag hooguit 500 tekens lang zijn.',
    etaMinutes: `Geef het aantal minuten als een heel getal van 0 tot ${ETA_MAX_MINUTES}.`,
  },
  backToCallOut: 'Terug naar de oproep',
};

const ENGLISH: CallOutTexts = {
  cardTitle: 'Crisis call-out',
  kinds: { incident: 'incident', tension: 'tension', 'planned-intervention': 'planned intervention' },
  urgencies: { immediate: 'immediate', today: 'today', 'this-week': 'this week' },
  closed: 'Closed',
  places: 'Neighbourhoods',
  communities: 'Communities',
  ask: 'Asked of you',
  goal: (startedAt, goalAt) => `Started ${startedAt} · goal: network together by ${goalAt}`,
  markedAbsent: 'You are recorded as absent: your back-up got this call-out first.',
  progress: ({ recipients, sent, answered, unreachable }) =>
    `Card with ${sent} of ${recipients} · ${answered} answered${
      unreachable > 0 ? ` · ${unreachable} unreachable` : ''
    }`,
  tallyHeading: 'Answers so far',
  answers: { coming: "I'm coming", 'calling-allies': "I'm calling my allies", unavailable: 'Not available' },
  buttons: {
    coming: "I'm coming / available",
    'calling-allies': "I'm calling my allies",
    unavailable: 'Not available',
  },
  pending: 'No answer yet',
  answersHeading: 'Who answered what',
  moreAnswers: (count) => `and ${count} more ${count === 1 ? 'answer' : 'answers'}`,
  eta: (minutes) => (minutes === 0 ? 'already there' : `in ${minutes} min`),
  mine: (answer, time) => `Your answer: ${answer} (${time}) — answering again changes it`,
  mineChanged: (answer, time) =>
    `Your answer was changed to: ${answer} (${time}) — answering again changes it`,
  notAnswered: 'You have not answered yet.',
  noteLabel: 'Note (optional)',
  notePlaceholder: "For example: I'm bringing the community officer",
  noteTooLong: 'At most 500 characters.',
  etaLabel: 'In how many minutes will you be there? (optional)',
  etaPlaceholder: `0 to ${ETA_MAX_MINUTES}`,
  etaOutOfRange: `A whole number of minutes from 0 to ${ETA_MAX_MINUTES}.`,
  callListHeading: 'Your call list',
  callListHint: 'Call these allies; record the outcome in the Bondgenoten tab.',
  call: (name) => `Call ${name}`,
  moreCalls: (count) => `and ${count} more on your call list in the Bondgenoten tab`,
  noValidNumber: 'no valid number known',
  outcomes: { reached: 'reached', voicemail: 'left a voicemail', 'not-reached': 'not reached' },
  notCalledYet: 'not called yet',
  meetingHeading: 'Meeting now',
  meetingAt: (time) => `Online meeting at ${time}.`,
  meetingJoin: 'Join the meeting',
  meetingLinkFollows: 'The link follows once the meeting has been created.',
  problemTitles: {
    'not-found': 'Call-out not found',
    'not-a-recipient': 'Not for you',
    closed: 'Call-out closed',
    invalid: 'Answer not processed',
    unavailable: 'Call-outs not available',
    failed: 'Something went wrong',
  },
  problems: {
    'not-found': 'This call-out does not exist (any more).',
    'not-a-recipient': 'This call-out was not sent to you, so you cannot answer it.',
    closed: 'This call-out has been closed; it no longer takes answers.',
    invalid: 'Your answer could not be processed. Check the note and the number of minutes.',
    unavailable: 'Call-outs are not available in this environment (yet).',
    failed: 'Something went wrong on our side. Please try again in a minute.',
  },
  invalidTitle: 'Answer not sent',
  invalidFields: {
    action: 'We do not know this button (any more). Go back to the call-out and try again.',
    actor: 'We could not tell who you are. Open the call-out again in Teams.',
    callOutId: 'The card lacks the details of the call-out.',
    answer: "Choose I'm coming, I'm calling my allies or Not available.",
    note: 'The note can be at most 500 characters long.',
    etaMinutes: `Give the number of minutes as a whole number from 0 to ${ETA_MAX_MINUTES}.`,
  },
  backToCallOut: 'Back to the call-out',
};

const TEXTS: Record<BotLocale, CallOutTexts> = { nl: DUTCH, en: ENGLISH };

/** The call-out card texts for a language. */
export function callOutTextsFor(locale: BotLocale): CallOutTexts {
  return TEXTS[locale];
}
