import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { OpenUrlAction } from '../../../teams/cards/adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from '../../../teams/cards/adaptive-card.js';
import type { BotLocale } from '../../../teams/messages.js';
import { ETA_MAX_MINUTES, NOTE_MAX_LENGTH } from '../../constants.js';
import type { AlertCardView, StaffAnswer } from '../../contract.js';
import { type CallOutTexts, callOutTextsFor } from '../messages-call-out.js';
import {
  type ActionSet,
  type CallOutCard,
  type CallOutCardElement,
  type ExecuteAction,
  heading,
  plainText,
} from './call-out-elements.js';

/** The verbs of the call-out card's Universal Actions; the bot routes every `callout.` verb to its handler. */
export const CALL_OUT_VERBS = { answer: 'callout.answer', refresh: 'callout.refresh' } as const;

/** Limits the card shows in its inputs and the bot enforces again when the answer arrives: the API's own. */
export { ETA_MAX_MINUTES, NOTE_MAX_LENGTH };

/** Teams auto-refreshes a card for at most 60 listed users (user-specific views). */
export const MAX_REFRESH_USER_IDS = 60;

// Teams refuses bot messages over 40 KB counted in UTF-16 (the older, stricter figure; now 100 KB) with a
// 413: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages. Long lists
// are cut (the tab shows them whole) so that 60 refresh ids and 500-character notes still fit.
const MAX_LISTED_ANSWERS = 10;
const MAX_LISTED_NOTE_LENGTH = 140;
const MAX_LISTED_CALLS = 15;

const ANSWER_ORDER: StaffAnswer[] = ['coming', 'calling-allies', 'unavailable'];

// Call-outs are Dutch municipal work: clock times are Dutch local time whatever the server's zone.
const CARD_TIME_ZONE = 'Europe/Amsterdam';

/** Options for one rendering: `answerChanged` when this card answers an invoke that replaced an answer. */
export interface AlertCardOptions {
  answerChanged?: boolean;
}

/** A time as the card shows it, e.g. 15:42 (Europe/Amsterdam). */
export function clockTime(iso: string, locale: BotLocale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: CARD_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

// libphonenumber finds a number inside any text; a stored mobile that is more than a number is not one.
const PHONE_CHARACTERS = /^[+\d\s().-]+$/;

/** A `tel:` address in E.164 for a number that is valid (Dutch numbers need no +31), else null. */
export function telUrl(mobile: string | null): string | null {
  const parsed =
    mobile && PHONE_CHARACTERS.test(mobile) ? parsePhoneNumberFromString(mobile, 'NL') : undefined;
  return parsed?.isValid() ? `tel:${parsed.number}` : null;
}

function httpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function header(view: AlertCardView, texts: CallOutTexts, locale: BotLocale): CallOutCardElement {
  const open = view.status === 'open';
  const title = `${texts.cardTitle}: ${texts.kinds[view.kind]} · ${texts.urgencies[view.urgency]}`;
  const closedBadge: CallOutCardElement[] = open
    ? []
    : [{ type: 'TextBlock', text: texts.closed, color: 'Attention', weight: 'Bolder' }];
  return {
    type: 'Container',
    style: open && view.urgency === 'immediate' ? 'attention' : 'emphasis',
    items: [
      { type: 'TextBlock', text: title, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
      ...closedBadge,
      ...(view.absent
        ? [
            {
              type: 'TextBlock',
              text: texts.markedAbsent,
              color: 'Warning',
              wrap: true,
            } as CallOutCardElement,
          ]
        : []),
      plainText([view.summary]),
      {
        type: 'TextBlock',
        text: texts.goal(clockTime(view.startedAt, locale), clockTime(view.goalAt, locale)),
        isSubtle: true,
        wrap: true,
      },
      { type: 'TextBlock', text: texts.progress(view.progress), isSubtle: true, wrap: true },
    ],
  };
}

function situation(view: AlertCardView, texts: CallOutTexts): CallOutCardElement[] {
  const label = (text: string) => ({ text: `${text}: `, weight: 'Bolder' as const });
  return [
    plainText([label(texts.places), view.places.join(', ')], 'Medium'),
    ...(view.communities.length > 0
      ? [plainText([label(texts.communities), view.communities.join(', ')])]
      : []),
    plainText([label(texts.ask), view.ask]),
  ];
}

function tally(view: AlertCardView, texts: CallOutTexts): CallOutCardElement[] {
  const { coming, callingAllies, unavailable, pending } = view.tally;
  return [
    heading(texts.tallyHeading),
    {
      type: 'FactSet',
      facts: [
        { title: texts.answers.coming, value: String(coming) },
        { title: texts.answers['calling-allies'], value: String(callingAllies) },
        { title: texts.answers.unavailable, value: String(unavailable) },
        { title: texts.pending, value: String(pending) },
      ],
    },
  ];
}

function answersList(view: AlertCardView, texts: CallOutTexts): CallOutCardElement[] {
  if (view.answers.length === 0) return [];
  const shown = view.answers.slice(0, MAX_LISTED_ANSWERS).map((entry) => {
    const eta = entry.etaMinutes === null ? '' : `, ${texts.eta(entry.etaMinutes)}`;
    const note = entry.note
      ? [{ text: ` — ${truncate(entry.note, MAX_LISTED_NOTE_LENGTH)}`, italic: true }]
      : [];
    return plainText([
      { text: entry.displayName, weight: 'Bolder' },
      `: ${texts.answers[entry.answer]}${eta}`,
      ...note,
    ]);
  });
  const hidden = view.answers.length - shown.length;
  return [
    heading(texts.answersHeading),
    ...shown,
    ...(hidden > 0 ? [{ type: 'TextBlock' as const, text: texts.moreAnswers(hidden), isSubtle: true }] : []),
  ];
}

function ownAnswer(
  view: AlertCardView,
  texts: CallOutTexts,
  locale: BotLocale,
  options: AlertCardOptions,
): CallOutCardElement[] {
  const { mine } = view;
  if (!mine)
    return view.status === 'open'
      ? [{ type: 'TextBlock', text: texts.notAnswered, spacing: 'Medium', wrap: true }]
      : [];
  const describe = options.answerChanged ? texts.mineChanged : texts.mine;
  const eta = mine.etaMinutes === null ? '' : `, ${texts.eta(mine.etaMinutes)}`;
  const text = describe(`${texts.answers[mine.answer]}${eta}`, clockTime(mine.answeredAt, locale));
  // Default colour: Teams renders 'Good' as light green, below WCAG AA contrast on a white card.
  return [{ type: 'TextBlock', text, weight: 'Bolder', color: 'Default', spacing: 'Medium', wrap: true }];
}

function callList(view: AlertCardView, texts: CallOutTexts): CallOutCardElement[] {
  if (view.callList.length === 0) return [];
  const open = view.status === 'open';
  const entries = view.callList.slice(0, MAX_LISTED_CALLS).flatMap((ally): CallOutCardElement[] => {
    const tel = telUrl(ally.mobile);
    const outcome = ally.outcome ? (texts.outcomes[ally.outcome] ?? ally.outcome) : texts.notCalledYet;
    const line = plainText([
      { text: ally.displayName, weight: 'Bolder' },
      `: ${outcome}${tel ? '' : ` (${texts.noValidNumber})`}`,
    ]);
    if (!open || !tel) return [line];
    const button: OpenUrlAction = { type: 'Action.OpenUrl', title: texts.call(ally.displayName), url: tel };
    return [line, { type: 'ActionSet', actions: [button] }];
  });
  const hidden = view.callList.length - Math.min(view.callList.length, MAX_LISTED_CALLS);
  return [
    heading(texts.callListHeading),
    { type: 'TextBlock', text: texts.callListHint, isSubtle: true, wrap: true },
    ...entries,
    ...(hidden > 0
      ? [{ type: 'TextBlock' as const, text: texts.moreCalls(hidden), isSubtle: true, wrap: true }]
      : []),
  ];
}

function meeting(view: AlertCardView, texts: CallOutTexts, locale: BotLocale): CallOutCardElement[] {
  if (!view.meeting) return [];
  const joinUrl = httpsUrl(view.meeting.joinUrl);
  const at: CallOutCardElement = {
    type: 'TextBlock',
    text: texts.meetingAt(clockTime(view.meeting.start, locale)),
    wrap: true,
  };
  if (view.status !== 'open') return [heading(texts.meetingHeading), at];
  const join: CallOutCardElement = joinUrl
    ? { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: texts.meetingJoin, url: joinUrl }] }
    : { type: 'TextBlock', text: texts.meetingLinkFollows, isSubtle: true, wrap: true };
  return [heading(texts.meetingHeading), at, join];
}

function answerForm(view: AlertCardView, texts: CallOutTexts): CallOutCardElement[] {
  const buttons: ExecuteAction[] = ANSWER_ORDER.map((answer) => ({
    type: 'Action.Execute',
    title: texts.buttons[answer],
    verb: CALL_OUT_VERBS.answer,
    data: { callOutId: view.callOutId, answer },
    ...(answer === 'coming' ? { style: 'positive' as const } : {}),
  }));
  const answerButtons: ActionSet = { type: 'ActionSet', actions: buttons, spacing: 'Medium' };
  return [
    {
      type: 'Input.Text',
      id: 'note',
      label: texts.noteLabel,
      placeholder: texts.notePlaceholder,
      maxLength: NOTE_MAX_LENGTH,
      isMultiline: true,
      errorMessage: texts.noteTooLong,
      ...(view.mine?.note ? { value: view.mine.note } : {}),
    },
    {
      type: 'Input.Number',
      id: 'etaMinutes',
      label: texts.etaLabel,
      placeholder: texts.etaPlaceholder,
      min: 0,
      max: ETA_MAX_MINUTES,
      errorMessage: texts.etaOutOfRange,
      ...(view.mine?.etaMinutes != null ? { value: view.mine.etaMinutes } : {}),
    },
    answerButtons,
  ];
}

/**
 * The crisis alert card for one staff recipient (Adaptive Card 1.5, Universal Actions). It shows only
 * what `view` holds, which the call-out domain already limited to what this recipient may see; a closed
 * call-out gets no inputs, buttons or refresh.
 */
export function renderAlertCard(
  view: AlertCardView,
  locale: BotLocale,
  options: AlertCardOptions = {},
): CallOutCard {
  const texts = callOutTextsFor(locale);
  const open = view.status === 'open';
  const card: CallOutCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      header(view, texts, locale),
      ...situation(view, texts),
      ...tally(view, texts),
      ...answersList(view, texts),
      ...ownAnswer(view, texts, locale, options),
      ...callList(view, texts),
      ...meeting(view, texts, locale),
      ...(open ? answerForm(view, texts) : []),
    ],
  };
  if (!open) return card;
  return {
    ...card,
    refresh: {
      action: {
        type: 'Action.Execute',
        verb: CALL_OUT_VERBS.refresh,
        data: { callOutId: view.callOutId, version: view.version },
      },
      userIds: view.refreshUserIds.slice(0, MAX_REFRESH_USER_IDS),
    },
  };
}
