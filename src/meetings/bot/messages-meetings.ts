import type { BotLocale } from '../../teams/messages.js';

/** Why planning from the proposal card did not go ahead; each code has its own title and text. */
export type MeetingPlanProblemCode =
  | 'invalid'
  | 'actor'
  | 'not-allowed'
  | 'refused'
  | 'calendar-failed'
  | 'unavailable'
  | 'failed';

/** The next-meeting proposal card's texts (volgend overleg), per language. */
export interface MeetingProposalTexts {
  proposalTitle: string;
  /** "Voorstel volgende overleg: dinsdag 12 januari 2027, 18:00, Buurthuis, voorzitter Yasmina". */
  proposalLine: (parts: {
    day: string;
    time: string;
    location: string | null;
    chair: string | null;
  }) => string;
  noLocation: string;
  network: string;
  adjusted: string;
  skippedHeading: (count: number) => string;
  moreSkipped: (count: number) => string;
  noProposalTitle: string;
  noProposal: string;
  plan: string;
  otherDate: string;
  openMeetings: string;
  plannedTitle: string;
  planned: (day: string, time: string) => string;
  openInOutlook: string;
  joinOnline: string;
  calendarPending: string;
  embeddedCalendar: string;
  alreadyPlannedTitle: string;
  alreadyPlanned: (day: string, time: string) => string;
  chair: string;
  location: string;
  problemTitles: Record<MeetingPlanProblemCode, string>;
  problems: Record<MeetingPlanProblemCode, string>;
}

const DUTCH: MeetingProposalTexts = {
  proposalTitle: 'Voorstel volgende overleg',
  proposalLine: ({ day, time, location, chair }) =>
    [`Voorstel volgende overleg: ${day}`, time, location, chair ? `voorzitter ${chair}` : null]
      .filter(Boolean)
      .join(', '),
  noLocation: 'locatie nog open',
  network: 'Netwerk',
  adjusted: 'Aangepast',
  skippedHeading: (count) =>
    count === 1 ? 'Eén datum overgeslagen:' : `${count} datums overgeslagen, onder meer:`,
  moreSkipped: (count) => `en nog ${count} in de planner`,
  noProposalTitle: 'Geen voorstel voor het volgende overleg',
  noProposal: 'In het komende halfjaar past geen datum bij de regels. Kies zelf een datum in de planner.',
  plan: 'Plannen',
  otherDate: 'Andere datum',
  openMeetings: 'Overleggen openen',
  plannedTitle: 'Gepland',
  planned: (day, time) => `Gepland: ${day}, ${time}.`,
  openInOutlook: 'Openen in Outlook',
  joinOnline: 'Online deelnemen',
  calendarPending: 'De agenda-uitnodiging is nog niet verstuurd; de tab probeert het opnieuw.',
  embeddedCalendar:
    'Lokale omgeving: de uitnodiging staat in de ingebouwde agenda; het .ics-bestand haal je op in de tab.',
  alreadyPlannedTitle: 'Al gepland',
  alreadyPlanned: (day, time) => `Op ${day} staat al een overleg gepland, om ${time}.`,
  chair: 'Voorzitter',
  location: 'Locatie',
  problemTitles: {
    invalid: 'Niet gepland',
    actor: 'Niet gepland',
    'not-allowed': 'Niet toegestaan',
    refused: 'Niet gepland',
    'calendar-failed': 'Agenda niet bereikbaar',
    unavailable: 'Plannen niet beschikbaar',
    failed: 'Er ging iets mis',
  },
  problems: {
    invalid: 'De kaart mist gegevens van het voorstel. Plan het overleg in de tab.',
    actor: 'We konden niet vaststellen wie je bent. Open de kaart opnieuw in Teams.',
    'not-allowed': 'Alleen de coördinatoren en de secretaris van dit netwerk plannen overleggen.',
    refused:
      'Dit voorstel kan niet meer worden gepland (het ligt in het verleden of de locatie is niet meer actief). Kies een andere datum in de planner.',
    'calendar-failed':
      'De agenda gaf geen antwoord; er is niets gepland. Probeer het over een minuut opnieuw.',
    unavailable: 'Overleggen plannen vanuit de chat is in deze omgeving niet beschikbaar.',
    failed: 'Er ging aan onze kant iets mis. Probeer het over een minuut opnieuw.',
  },
};

const ENGLISH: MeetingProposalTexts = {
  proposalTitle: 'Next meeting proposal',
  proposalLine: ({ day, time, location, chair }) =>
    [`Next meeting proposal: ${day}`, time, location, chair ? `chaired by ${chair}` : null]
      .filter(Boolean)
      .join(', '),
  noLocation: 'location to be decided',
  network: 'Network',
  adjusted: 'Adjusted',
  skippedHeading: (count) => (count === 1 ? 'One date skipped:' : `${count} dates skipped, among them:`),
  moreSkipped: (count) => `and ${count} more in the planner`,
  noProposalTitle: 'No proposal for the next meeting',
  noProposal: 'No date in the coming six months fits the rules. Choose a date yourself in the planner.',
  plan: 'Plan',
  otherDate: 'Other date',
  openMeetings: 'Open meetings',
  plannedTitle: 'Planned',
  planned: (day, time) => `Planned: ${day}, ${time}.`,
  openInOutlook: 'Open in Outlook',
  joinOnline: 'Join online',
  calendarPending: 'The calendar invitation has not been sent yet; the tab will try again.',
  embeddedCalendar:
    'Local environment: the invitation is in the embedded calendar; download the .ics file in the tab.',
  alreadyPlannedTitle: 'Already planned',
  alreadyPlanned: (day, time) => `A meeting is already planned on ${day}, at ${time}.`,
  chair: 'Chair',
  location: 'Location',
  problemTitles: {
    invalid: 'Not planned',
    actor: 'Not planned',
    'not-allowed': 'Not allowed',
    refused: 'Not planned',
    'calendar-failed': 'Calendar not reachable',
    unavailable: 'Planning not available',
    failed: 'Something went wrong',
  },
  problems: {
    invalid: 'The card lacks the details of the proposal. Plan the meeting in the tab.',
    actor: 'We could not tell who you are. Open the card again in Teams.',
    'not-allowed': "Only this network's coordinators and secretary plan meetings.",
    refused:
      'This proposal can no longer be planned (it is in the past or the location is no longer active). Choose another date in the planner.',
    'calendar-failed': 'The calendar did not answer; nothing was planned. Please try again in a minute.',
    unavailable: 'Planning meetings from the chat is not available in this environment.',
    failed: 'Something went wrong on our side. Please try again in a minute.',
  },
};

const TEXTS: Record<BotLocale, MeetingProposalTexts> = { nl: DUTCH, en: ENGLISH };

/** The proposal card texts for a language. */
export function meetingTextsFor(locale: BotLocale): MeetingProposalTexts {
  return TEXTS[locale];
}

const DATE_LOCALES: Record<BotLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "dinsdag 12 januari 2027" for an instant, in the meetings' time zone. */
export function formatMeetingDay(instant: string, locale: BotLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}

/** "12 jan" for a local date ('YYYY-MM-DD'), as the skipped-date list shows it. */
export function formatShortDate(date: string, locale: BotLocale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
