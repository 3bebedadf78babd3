import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type OpenUrlAction,
} from '../../../teams/cards/adaptive-card.js';
import {
  type ActionSet,
  type CallOutCardElement,
  type ColouredTextBlock,
  type ExecuteAction,
  plainText,
} from '../../../teams/cards/card-elements.js';
import type { BotLocale } from '../../../teams/messages.js';
import type { Meeting } from '../../views/meeting-schemas.js';
import {
  formatMeetingDay,
  formatShortDate,
  type MeetingPlanProblemCode,
  meetingTextsFor,
} from '../messages-meetings.js';

/** The Universal Action verb of the proposal card's [Plannen] button. */
export const MEETING_PLAN_VERB = 'meeting.plan';

/** Meetings are shown in the Netherlands' time zone, as the tab and the invitations do. */
const TIME_ZONE = 'Europe/Amsterdam';

/** How many skipped dates the card lists; the planner page has them all. */
const SKIPPED_SHOWN = 3;

/** A card of the meeting proposal flow: the shared element subset, Universal Actions in an ActionSet. */
export interface MeetingCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CallOutCardElement[];
}

/** What the [Plannen] button sends back: exactly what `meeting.plan` needs to create the meeting. */
export interface MeetingPlanData {
  networkId: string;
  start: string;
  end: string;
  locationId: string | null;
}

/** The proposal as the card shows it: the meetings service's next proposal, reduced to what is displayed. */
export interface ProposalCardView {
  networkId: string;
  networkName: string;
  proposal: {
    start: string;
    end: string;
    localStartTime: string;
    location: { id: string; name: string } | null;
    chair: { displayName: string } | null;
    adjustments: { nl: string; en: string }[];
  } | null;
  skipped: { date: string; reasons: { nl: string; en: string }[] }[];
}

/** Where the tab's pages are; the tab URL from the configuration, ending in a slash. */
export interface TabLinks {
  tabUrl: string;
}

/** The tab's series planner for a network (`/netwerken/{id}/overleggen/plannen` in the tab's router). */
export function plannerUrl(tabUrl: string, networkId: string): string {
  return `${tabUrl}netwerken/${encodeURIComponent(networkId)}/overleggen/plannen`;
}

/** The tab's meetings page of a network. */
export function meetingsUrl(tabUrl: string, networkId: string): string {
  return `${tabUrl}netwerken/${encodeURIComponent(networkId)}/overleggen`;
}

function card(body: CallOutCardElement[]): MeetingCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body };
}

function title(text: string, color: ColouredTextBlock['color'] = 'Default'): ColouredTextBlock {
  return { type: 'TextBlock', text, style: 'heading', size: 'Medium', weight: 'Bolder', color, wrap: true };
}

function subtle(text: string): ColouredTextBlock {
  return { type: 'TextBlock', text, isSubtle: true, size: 'Small', wrap: true, spacing: 'Small' };
}

function buttons(actions: (ExecuteAction | OpenUrlAction)[]): ActionSet {
  return { type: 'ActionSet', spacing: 'Medium', actions };
}

function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

function reasonText(reasons: { nl: string; en: string }[], locale: BotLocale): string {
  return reasons.map((reason) => reason[locale]).join('; ');
}

function skippedSummary(skipped: ProposalCardView['skipped'], locale: BotLocale): CallOutCardElement[] {
  if (skipped.length === 0) return [];
  const texts = meetingTextsFor(locale);
  const shown = skipped.slice(0, SKIPPED_SHOWN);
  return [
    subtle(texts.skippedHeading(skipped.length)),
    // The planner's reasons name their date ("29 december: Kerstvakantie"); holiday names may come from
    // imported data, so plain text. A date without reasons still shows which date it was.
    ...shown.map((entry) =>
      plainText([reasonText(entry.reasons, locale) || formatShortDate(entry.date, locale)]),
    ),
    ...(skipped.length > shown.length ? [subtle(texts.moreSkipped(skipped.length - shown.length))] : []),
  ];
}

/**
 * The proactive card after a meeting was recorded: "Voorstel volgende overleg: <dag datum>, <tijd>,
 * <locatie>, voorzitter <naam>", the dates the planner skipped and why, [Plannen] (Action.Execute
 * `meeting.plan`) and [Andere datum] (the tab's planner). Without a proposal only the planner link remains.
 */
export function renderProposalCard(view: ProposalCardView, locale: BotLocale, links: TabLinks): MeetingCard {
  const texts = meetingTextsFor(locale);
  const planner = openUrl(texts.otherDate, plannerUrl(links.tabUrl, view.networkId));
  const network = plainText([{ text: `${texts.network}: `, isSubtle: true }, view.networkName], 'Small');
  const { proposal } = view;
  if (!proposal)
    return card([
      title(texts.noProposalTitle),
      network,
      { type: 'TextBlock', text: texts.noProposal, wrap: true },
      ...skippedSummary(view.skipped, locale),
      buttons([planner]),
    ]);
  const data: MeetingPlanData = {
    networkId: view.networkId,
    start: proposal.start,
    end: proposal.end,
    locationId: proposal.location?.id ?? null,
  };
  const line = texts.proposalLine({
    day: formatMeetingDay(proposal.start, locale, TIME_ZONE),
    time: proposal.localStartTime,
    location: proposal.location?.name ?? texts.noLocation,
    chair: proposal.chair?.displayName || null,
  });
  return card([
    title(texts.proposalTitle),
    network,
    // Location and chair names are typed by people: never read as Markdown.
    plainText([line], 'Small'),
    ...(proposal.adjustments.length > 0
      ? [
          plainText([
            { text: `${texts.adjusted}: `, isSubtle: true },
            reasonText(proposal.adjustments, locale),
          ]),
        ]
      : []),
    ...skippedSummary(view.skipped, locale),
    buttons([
      {
        type: 'Action.Execute',
        title: texts.plan,
        verb: MEETING_PLAN_VERB,
        data: { ...data },
        style: 'positive',
      },
      planner,
    ]),
  ]);
}

function meetingFacts(meeting: Meeting, locale: BotLocale): CallOutCardElement[] {
  const texts = meetingTextsFor(locale);
  return [
    ...(meeting.location
      ? [plainText([{ text: `${texts.location}: `, isSubtle: true }, meeting.location.name], 'Small')]
      : []),
    ...(meeting.chair?.displayName
      ? [plainText([{ text: `${texts.chair}: `, isSubtle: true }, meeting.chair.displayName], 'Small')]
      : []),
  ];
}

function calendarPart(
  meeting: Meeting,
  locale: BotLocale,
  calendarKind: 'embedded' | 'graph' | string,
): { body: CallOutCardElement[]; actions: OpenUrlAction[] } {
  const texts = meetingTextsFor(locale);
  const actions: OpenUrlAction[] = [];
  if (meeting.calendar.webLink) actions.push(openUrl(texts.openInOutlook, meeting.calendar.webLink));
  if (meeting.calendar.joinUrl) actions.push(openUrl(texts.joinOnline, meeting.calendar.joinUrl));
  if (meeting.calendar.state !== 'created') return { body: [subtle(texts.calendarPending)], actions };
  if (calendarKind === 'embedded') return { body: [subtle(texts.embeddedCalendar)], actions };
  return { body: [], actions };
}

/** The answer to [Plannen]: "Gepland: <dag datum>, <tijd>." with the Outlook link when the calendar gave one. */
export function renderPlannedCard(
  meeting: Meeting,
  locale: BotLocale,
  options: TabLinks & { calendarKind: string },
): MeetingCard {
  const texts = meetingTextsFor(locale);
  const calendar = calendarPart(meeting, locale, options.calendarKind);
  return card([
    title(texts.plannedTitle, 'Good'),
    {
      type: 'TextBlock',
      text: texts.planned(formatMeetingDay(meeting.start, locale, TIME_ZONE), meeting.localStartTime),
      wrap: true,
    },
    ...meetingFacts(meeting, locale),
    ...calendar.body,
    buttons([
      ...calendar.actions,
      openUrl(texts.openMeetings, meetingsUrl(options.tabUrl, meeting.networkId)),
    ]),
  ]);
}

/** The answer to [Plannen] when that day already has a planned meeting (pressed twice, or planned in the tab). */
export function renderAlreadyPlannedCard(meeting: Meeting, locale: BotLocale, links: TabLinks): MeetingCard {
  const texts = meetingTextsFor(locale);
  const outlook = meeting.calendar.webLink ? [openUrl(texts.openInOutlook, meeting.calendar.webLink)] : [];
  return card([
    title(texts.alreadyPlannedTitle),
    {
      type: 'TextBlock',
      text: texts.alreadyPlanned(formatMeetingDay(meeting.start, locale, TIME_ZONE), meeting.localStartTime),
      wrap: true,
    },
    ...meetingFacts(meeting, locale),
    buttons([...outlook, openUrl(texts.openMeetings, meetingsUrl(links.tabUrl, meeting.networkId))]),
  ]);
}

/** Why [Plannen] did not plan; with the way to the planner whenever the network is known. */
export function renderPlanProblemCard(
  code: MeetingPlanProblemCode,
  locale: BotLocale,
  options: TabLinks & { networkId?: string },
): MeetingCard {
  const texts = meetingTextsFor(locale);
  const showPlanner = options.networkId !== undefined && code !== 'not-allowed' && code !== 'actor';
  return card([
    title(texts.problemTitles[code], 'Attention'),
    { type: 'TextBlock', text: texts.problems[code], wrap: true },
    ...(showPlanner && options.networkId
      ? [buttons([openUrl(texts.otherDate, plannerUrl(options.tabUrl, options.networkId))])]
      : []),
  ]);
}
