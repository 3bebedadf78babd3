import type { BotLocale } from '../../../teams/messages.js';
import type { StarterFormOptions, StarterPreview, StarterStatus } from '../../starter-contract.js';
import { CALL_OUT_START_VERBS, type StartFormValues } from '../call-out-start-schema.js';
import { type CallOutTexts, callOutTextsFor } from '../messages-call-out.js';
import { type CallOutStartTexts, callOutStartTextsFor } from '../messages-call-out-start.js';
import { clockTime } from './call-out-card.js';
import type { ExecuteAction } from './call-out-elements.js';
import { heading, plainText } from './call-out-elements.js';
import {
  type StartCard,
  type StartCardElement,
  startCard,
  title,
  wijkChoices,
} from './call-out-start-card.js';

// Teams refuses bot messages over 40 KB (UTF-16, see call-out-card.ts); long lists are cut here and shown
// whole in the tab, so that two 1000-character texts, carried by both buttons as well, still fit.
const MAX_LISTED_STAFF = 25;
const MAX_LISTED_ALLIES = 25;

/** The tab's page of one call-out (src/call-outs/tab/call-out-routes.ts: `/crisisoproepen/{id}`). */
export function callOutTabUrl(tabUrl: string, callOutId: string): string {
  return `${tabUrl}crisisoproepen/${encodeURIComponent(callOutId)}`;
}

const label = (text: string) => ({ text: `${text}: `, weight: 'Bolder' as const });

function namesOf(ids: string, choices: { title: string; value: string }[]): string {
  return ids
    .split(',')
    .map((id) => choices.find((choice) => choice.value === id)?.title)
    .filter((name): name is string => Boolean(name))
    .join(', ');
}

function situation(
  fields: {
    kind: string;
    urgency: string;
    summary: string;
    ask: string;
    places: string;
    communities: string;
  },
  texts: CallOutStartTexts,
  alert: CallOutTexts,
): StartCardElement[] {
  return [
    plainText([label(texts.kind), fields.kind, ' · ', label(texts.urgency), fields.urgency]),
    plainText([label(texts.summary), fields.summary]),
    plainText([label(alert.ask), fields.ask]),
    plainText([label(alert.places), fields.places]),
    ...(fields.communities ? [plainText([label(alert.communities), fields.communities])] : []),
  ];
}

function more(hidden: number, texts: CallOutStartTexts): StartCardElement[] {
  return hidden > 0 ? [{ type: 'TextBlock', text: texts.more(hidden), isSubtle: true, wrap: true }] : [];
}

function staffList(preview: StarterPreview, texts: CallOutStartTexts): StartCardElement[] {
  const { staff } = preview;
  if (staff.length === 0) return [{ type: 'TextBlock', text: texts.noStaff, color: 'Attention', wrap: true }];
  const unreachable = staff.filter((s) => !s.reachable).length;
  // Unreachable people first: they are the ones the starter has to phone.
  const ordered = [...staff.filter((s) => !s.reachable), ...staff.filter((s) => s.reachable)];
  return [
    heading(texts.staffHeading(staff.length, preview.networks.join(', '))),
    ...(unreachable > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: texts.unreachableHint(unreachable),
            color: 'Warning' as const,
            wrap: true,
          },
        ]
      : []),
    ...ordered
      .slice(0, MAX_LISTED_STAFF)
      .map((s) =>
        plainText([
          { text: s.displayName, weight: 'Bolder' },
          ...(s.reachable ? [] : [{ text: texts.unreachableMark, italic: true }]),
        ]),
      ),
    ...more(staff.length - MAX_LISTED_STAFF, texts),
  ];
}

function allyList(preview: StarterPreview, texts: CallOutStartTexts): StartCardElement[] {
  const { allies } = preview;
  if (allies.length === 0) return [];
  return [
    heading(texts.alliesHeading(allies.length, preview.callers)),
    ...allies
      .slice(0, MAX_LISTED_ALLIES)
      .map((a) =>
        plainText([
          a.displayName === null
            ? { text: texts.otherNetworkAlly, italic: true }
            : { text: a.displayName, weight: 'Bolder' },
          texts.calledBy(a.callerName),
        ]),
      ),
    ...more(allies.length - MAX_LISTED_ALLIES, texts),
  ];
}

/**
 * What the starter checks before sending: the entered fields and whom the call-out reaches (staff, marking
 * those Teams cannot reach; allies with their callers). "Verstuur nu" and "Wijzigen" carry the form's values
 * and token, so the bot keeps no state between the two presses.
 */
export function renderStartPreview(
  preview: StarterPreview,
  values: StartFormValues,
  options: StarterFormOptions,
  formToken: string,
  locale: BotLocale,
): StartCard {
  const texts = callOutStartTextsFor(locale);
  const alert = callOutTextsFor(locale);
  const communities = options.communities.map((c) => ({ title: c.name, value: c.id }));
  const data = { formToken, ...values };
  const button = (verb: string, text: string, style?: ExecuteAction['style']): ExecuteAction => ({
    type: 'Action.Execute',
    title: text,
    verb,
    data,
    ...(style ? { style } : {}),
  });
  return startCard([
    title(texts.previewTitle),
    { type: 'TextBlock', text: texts.previewIntro, isSubtle: true, wrap: true },
    ...situation(
      {
        kind: alert.kinds[values.kind as keyof CallOutTexts['kinds']] ?? values.kind,
        urgency: alert.urgencies[values.urgency as keyof CallOutTexts['urgencies']] ?? values.urgency,
        summary: values.summary,
        ask: values.ask,
        places: namesOf(values.placeIds, wijkChoices(options)),
        communities: namesOf(values.communityIds, communities),
      },
      texts,
      alert,
    ),
    ...staffList(preview, texts),
    ...allyList(preview, texts),
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        button(CALL_OUT_START_VERBS.send, texts.sendButton, 'positive'),
        button(CALL_OUT_START_VERBS.edit, texts.editButton),
      ],
    },
  ]);
}

/** Options for the status card: the tab's address, the starter's Entra object id, and a double-press note. */
export interface StatusCardOptions {
  tabUrl: string;
  starterAadObjectId: string;
  alreadySent?: boolean;
}

/**
 * The starter's card after sending: how far the alert got (sent x of N, answered y, unreachable z), the
 * tally, the goal time and the way into the tab. While open it refreshes itself for the starter
 * (`callOutStart.status`), so it is current whenever they look at it.
 */
export function renderStartStatus(
  status: StarterStatus,
  locale: BotLocale,
  options: StatusCardOptions,
): StartCard {
  const texts = callOutStartTextsFor(locale);
  const alert = callOutTextsFor(locale);
  const { progress, tally } = status;
  const open = status.status === 'open';
  const waiting = Math.max(0, progress.recipients - progress.sent - progress.unreachable);
  const update: ExecuteAction = {
    type: 'Action.Execute',
    title: texts.update,
    verb: CALL_OUT_START_VERBS.status,
    data: { callOutId: status.callOutId },
  };
  const body: StartCardElement[] = [
    title(`${texts.statusTitle}: ${alert.kinds[status.kind]} · ${alert.urgencies[status.urgency]}`),
    ...(open ? [] : [{ type: 'TextBlock' as const, text: alert.closed, color: 'Attention' as const }]),
    ...(options.alreadySent
      ? [{ type: 'TextBlock' as const, text: texts.alreadySent, color: 'Warning' as const, wrap: true }]
      : []),
    {
      type: 'TextBlock',
      text: texts.progress(progress.sent, progress.recipients, progress.answered, progress.unreachable),
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
    },
    ...(open && waiting > 0
      ? [{ type: 'TextBlock' as const, text: texts.stillSending(waiting), isSubtle: true, wrap: true }]
      : []),
    ...(progress.unreachable > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: texts.callUnreachable(progress.unreachable),
            color: 'Warning' as const,
            wrap: true,
          },
        ]
      : []),
    {
      type: 'TextBlock',
      text: alert.goal(clockTime(status.startedAt, locale), clockTime(status.goalAt, locale)),
      isSubtle: true,
      wrap: true,
    },
    ...situation(
      {
        kind: alert.kinds[status.kind],
        urgency: alert.urgencies[status.urgency],
        summary: status.summary,
        ask: status.ask,
        places: status.places.join(', '),
        communities: status.communities.join(', '),
      },
      texts,
      alert,
    ).slice(1),
    heading(alert.tallyHeading),
    {
      type: 'FactSet',
      facts: [
        { title: alert.answers.coming, value: String(tally.coming) },
        { title: alert.answers['calling-allies'], value: String(tally.callingAllies) },
        { title: alert.answers.unavailable, value: String(tally.unavailable) },
        { title: alert.pending, value: String(tally.pending) },
      ],
    },
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        {
          type: 'Action.OpenUrl',
          title: texts.openInTab,
          url: callOutTabUrl(options.tabUrl, status.callOutId),
        },
        ...(open ? [update] : []),
      ],
    },
  ];
  if (!open) return startCard(body);
  return startCard(body, {
    action: {
      type: 'Action.Execute',
      verb: CALL_OUT_START_VERBS.status,
      data: { callOutId: status.callOutId, version: status.version },
    },
    userIds: [`8:orgid:${options.starterAadObjectId}`],
  });
}
