import { randomUUID } from 'node:crypto';
import { CALL_OUT_START_VERBS } from '../../call-outs/bot/call-out-start-schema.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from '../../teams/cards/adaptive-card.js';
import type { BotLocale } from '../../teams/messages.js';
import { SIGNAL_CHANNELS, SIGNAL_URGENCIES } from '../constants.js';
import type { Signal } from '../schemas.js';
import { signalBotTextsFor } from './messages-signal.js';
import type { SignalFormOptions } from './signal-bot-port.js';

/** The verbs of the `signaal` cards. */
export const SIGNAL_VERB_PREFIX = 'signal.';
export const SIGNAL_VERBS = { record: 'signal.record' } as const;

/**
 * What the form holds, as strings (a wijk and a person as `networkId|id`); `wijk` and `theme` are multi-select,
 * so they hold comma-separated values, as Adaptive Cards submit them.
 */
export interface SignalFormValues {
  wijk: string;
  theme: string;
  urgency: string;
  channel: string;
  person: string;
  text: string;
}

export const EMPTY_SIGNAL_FORM: SignalFormValues = {
  wijk: '',
  theme: '',
  urgency: 'attention',
  channel: 'visit',
  person: 'anonymous',
  text: '',
};

export type SignalFormField = keyof SignalFormValues;

type Element = Record<string, unknown>;
export interface SignalCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: Element[];
}

const card = (body: Element[]): SignalCard => ({
  type: 'AdaptiveCard',
  $schema: ADAPTIVE_CARD_SCHEMA,
  version: ADAPTIVE_CARD_VERSION,
  body,
});
const heading = (text: string): Element => ({
  type: 'TextBlock',
  text,
  style: 'heading',
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
});
const line = (text: string, color = 'Default'): Element => ({ type: 'TextBlock', text, wrap: true, color });

/**
 * The `signaal` form: wijk, theme, urgency, how, from whom (only the user's own networks' people), text; its
 * submit carries `formToken`, the idempotency key of this filled-in form (kept when the form comes back).
 */
export function renderSignalForm(
  options: SignalFormOptions,
  values: SignalFormValues,
  formToken: string,
  locale: BotLocale,
  problems: { fields?: SignalFormField[]; message?: string } = {},
): SignalCard {
  const t = signalBotTextsFor(locale);
  const several = options.networks.length > 1;
  const suffix = (name: string) => (several ? ` (${name})` : '');
  const problemText = [
    ...(problems.fields && problems.fields.length > 0 ? [t.problems.invalid] : []),
    ...(problems.message ? [problems.message] : []),
  ];
  const marked = new Set(problems.fields ?? []);
  const choiceSet = (
    id: SignalFormField,
    label: string,
    choices: { title: string; value: string }[],
    style: 'compact' | 'expanded',
    required: boolean,
    multiSelect = false,
  ): Element => ({
    type: 'Input.ChoiceSet',
    id,
    label: marked.has(id) ? `${label} ⚠` : label,
    choices,
    style,
    ...(multiSelect ? { isMultiSelect: true } : {}),
    ...(values[id] ? { value: values[id] } : {}),
    ...(required ? { isRequired: true, errorMessage: t.required } : {}),
  });
  return card([
    heading(t.formTitle),
    line(t.formIntro),
    ...problemText.map((text) => line(text, 'Attention')),
    choiceSet(
      'wijk',
      t.wijk,
      options.networks.flatMap((n) =>
        n.wijken.map((w) => ({ title: `${w.name}${suffix(n.name)}`, value: `${n.id}|${w.id}` })),
      ),
      'compact',
      true,
      true,
    ),
    choiceSet(
      'theme',
      t.theme,
      options.themes.map((theme) => ({
        title: locale === 'en' ? theme.labelEn : theme.labelNl,
        value: theme.code,
      })),
      'compact',
      true,
      true,
    ),
    choiceSet(
      'urgency',
      t.urgency,
      SIGNAL_URGENCIES.map((u) => ({ title: t.urgencies[u], value: u })),
      'expanded',
      true,
    ),
    choiceSet(
      'channel',
      t.channel,
      SIGNAL_CHANNELS.map((c) => ({ title: t.channels[c], value: c })),
      'compact',
      true,
    ),
    choiceSet(
      'person',
      t.person,
      [
        { title: t.anonymous, value: 'anonymous' },
        ...options.networks.flatMap((n) =>
          n.people.map((p) => ({ title: `${p.displayName}${suffix(n.name)}`, value: `${n.id}|${p.id}` })),
        ),
      ],
      'compact',
      true,
    ),
    {
      type: 'Input.Text',
      id: 'text',
      label: marked.has('text') ? `${t.text} ⚠` : t.text,
      placeholder: t.textPlaceholder,
      isMultiline: true,
      maxLength: 4000,
      isRequired: true,
      errorMessage: t.required,
      ...(values.text ? { value: values.text } : {}),
    },
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: t.submit,
          verb: SIGNAL_VERBS.record,
          // One token per filled-in form: a second press gets the signal the first one recorded.
          data: { formToken },
          style: 'positive',
        },
      ],
    },
  ]);
}

/**
 * The answer to a recorded signal (or, `alreadySaved`, to a second press of the same form): what was stored
 * (no text, no name) and the follow-up; for an urgent
 * signal, the button that opens the call-out start form prefilled for its wijken (the call-out's own verb).
 */
export function renderSignalSaved(
  signal: Signal,
  themeLabels: ReadonlyMap<string, string>,
  locale: BotLocale,
  tabUrl: string,
  alreadySaved = false,
): SignalCard {
  const t = signalBotTextsFor(locale);
  const wijken = signal.wijken.map((w) => w.name).join(', ');
  const themes = signal.themes.map((code) => themeLabels.get(code) ?? code).join(', ');
  const body: Element[] = [
    heading(alreadySaved ? t.alreadySavedTitle : t.savedTitle),
    ...(alreadySaved ? [line(t.alreadySaved)] : []),
    {
      type: 'FactSet',
      facts: [
        { title: t.savedFacts.wijk, value: wijken },
        { title: t.savedFacts.theme, value: themes },
        { title: t.savedFacts.urgency, value: t.urgencies[signal.urgency] },
        { title: t.savedFacts.followUp, value: t.followUpDue(signal.followUp.dueOn) },
      ],
    },
  ];
  const actions: Element[] = [];
  if (signal.urgency === 'urgent') {
    body.push(line(t.urgentHint, 'Attention'));
    actions.push({
      type: 'Action.Execute',
      title: t.startCallOut,
      verb: CALL_OUT_START_VERBS.edit,
      style: 'destructive',
      data: {
        formToken: randomUUID(),
        kind: 'tension',
        urgency: 'immediate',
        summary: `${themes} – ${wijken}`.slice(0, 1000),
        ask: '',
        placeIds: signal.wijken.map((w) => w.id).join(','),
        communityIds: signal.communities.map((c) => c.id).join(','),
      },
    });
  }
  actions.push({ type: 'Action.OpenUrl', title: t.openTab, url: tabUrl });
  body.push({ type: 'ActionSet', actions });
  return card(body);
}

/** A card saying why no form or signal: not known yet, not in a personal chat, no network, failure. */
export function renderSignalProblem(
  code: keyof ReturnType<typeof signalBotTextsFor>['problems'],
  locale: BotLocale,
): SignalCard {
  const t = signalBotTextsFor(locale);
  return card([heading(t.formTitle), line(t.problems[code], 'Attention')]);
}
