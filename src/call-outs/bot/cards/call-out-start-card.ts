import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from '../../../teams/cards/adaptive-card.js';
import type { BotLocale } from '../../../teams/messages.js';
import type { StarterFormOptions } from '../../starter-contract.js';
import {
  CALL_OUT_START_VERBS,
  START_TEXT_MAX_LENGTH,
  type StartFormValues,
} from '../call-out-start-schema.js';
import { callOutTextsFor } from '../messages-call-out.js';
import {
  type CallOutStartTexts,
  callOutStartTextsFor,
  type StartFormField,
  type StartProblemCode,
} from '../messages-call-out-start.js';
import type { CallOutCardElement, CardRefresh, ColouredTextBlock, TextInput } from './call-out-elements.js';

/** A list to choose from; a multi-select one sends its values comma-separated ("a,b"). */
export interface ChoiceSetInput {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded';
  value?: string;
  placeholder?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

/** A text field the client checks before sending (Adaptive Cards 1.3 input validation). */
export interface RequiredTextInput extends TextInput {
  isRequired?: boolean;
}

/** Everything that may appear in a start card's body. */
export type StartCardElement = CallOutCardElement | ChoiceSetInput | RequiredTextInput;

/** A form, preview or status card of starting a call-out. */
export interface StartCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: StartCardElement[];
  refresh?: CardRefresh;
}

/** A card from its body. */
export function startCard(body: StartCardElement[], refresh?: CardRefresh): StartCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(refresh ? { refresh } : {}),
  };
}

/** The card's title as a heading screen readers announce. */
export function title(text: string, color: ColouredTextBlock['color'] = 'Default'): ColouredTextBlock {
  return { type: 'TextBlock', text, style: 'heading', size: 'Large', weight: 'Bolder', color, wrap: true };
}

/** What the form's problems say: one line per refused field, or one message for the whole form. */
export interface FormProblems {
  fields?: StartFormField[];
  message?: string;
}

function problemLines(problems: FormProblems, texts: CallOutStartTexts): StartCardElement[] {
  const lines = [
    ...new Set((problems.fields ?? []).map((field) => texts.fieldErrors[field])),
    ...(problems.message ? [problems.message] : []),
  ];
  if (lines.length === 0) return [];
  return [
    {
      type: 'Container',
      style: 'attention',
      items: [
        { type: 'TextBlock', text: texts.formErrorsHeading, weight: 'Bolder', wrap: true },
        ...lines.map((line): ColouredTextBlock => ({ type: 'TextBlock', text: `- ${line}`, wrap: true })),
      ],
    },
  ];
}

/** Only values the list offers go back into a ChoiceSet, so tampered ids are not shown as chosen. */
function offered(value: string, choices: { value: string }[]): string {
  const known = new Set(choices.map((choice) => choice.value));
  return value
    .split(',')
    .filter((id) => known.has(id))
    .join(',');
}

function enumChoices<K extends string>(labels: Record<K, string>): { title: string; value: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({
    title: label.charAt(0).toUpperCase() + label.slice(1),
    value,
  }));
}

/** The choices of the wijken input: "Haven · De Werven", grouped by district (ChoiceSet has no groups). */
export function wijkChoices(options: StarterFormOptions): { title: string; value: string }[] {
  return options.districts.flatMap((district) =>
    district.wijken.map((wijk) => ({
      title: district.name === wijk.name ? wijk.name : `${district.name} · ${wijk.name}`,
      value: wijk.id,
    })),
  );
}

function textInput(
  id: 'summary' | 'ask',
  label: string,
  placeholder: string,
  errorMessage: string,
  value: string,
): RequiredTextInput {
  return {
    type: 'Input.Text',
    id,
    label,
    placeholder,
    isMultiline: true,
    isRequired: true,
    maxLength: START_TEXT_MAX_LENGTH,
    errorMessage,
    ...(value ? { value: value.slice(0, START_TEXT_MAX_LENGTH) } : {}),
  };
}

/**
 * The form a starter fills in (Adaptive Card 1.5): kind, urgency, what happened, what is asked, wijken and
 * communities. Its one button (`callOutStart.preview`) sends the inputs with the form's token; the answer is
 * the preview, so nothing is sent from here.
 */
export function renderStartForm(
  options: StarterFormOptions,
  values: StartFormValues,
  formToken: string,
  locale: BotLocale,
  problems: FormProblems = {},
): StartCard {
  const texts = callOutStartTextsFor(locale);
  const alert = callOutTextsFor(locale);
  const kinds = enumChoices(alert.kinds);
  const urgencies = enumChoices(alert.urgencies);
  const wijken = wijkChoices(options);
  // A ChoiceSet needs choices: without wijken there is nothing to start a call-out for.
  if (wijken.length === 0) return renderStartProblemCard('no-network', locale);
  const communities = options.communities.map((c) => ({ title: c.name, value: c.id }));
  const choice = (
    id: 'kind' | 'urgency',
    label: string,
    list: typeof kinds,
    value: string,
  ): ChoiceSetInput => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices: list,
    style: 'expanded',
    isRequired: true,
    errorMessage: texts.fieldErrors[id],
    value: offered(value, list) || (list[0]?.value ?? ''),
  });
  return startCard([
    title(texts.formTitle),
    { type: 'TextBlock', text: texts.formIntro, wrap: true },
    ...problemLines(problems, texts),
    choice('kind', texts.kindLabel, kinds, values.kind),
    choice('urgency', texts.urgencyLabel, urgencies, values.urgency),
    textInput('summary', texts.summaryLabel, texts.summaryPlaceholder, texts.summaryError, values.summary),
    textInput('ask', texts.askLabel, texts.askPlaceholder, texts.askError, values.ask),
    {
      type: 'Input.ChoiceSet',
      id: 'placeIds',
      label: texts.placesLabel,
      choices: wijken,
      isMultiSelect: true,
      style: 'compact',
      isRequired: true,
      errorMessage: texts.placesError,
      ...(offered(values.placeIds, wijken) ? { value: offered(values.placeIds, wijken) } : {}),
    },
    ...(communities.length > 0
      ? [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'communityIds',
            label: texts.communitiesLabel,
            choices: communities,
            isMultiSelect: true,
            style: 'compact' as const,
            ...(offered(values.communityIds, communities)
              ? { value: offered(values.communityIds, communities) }
              : {}),
          },
        ]
      : []),
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        {
          type: 'Action.Execute',
          title: texts.previewButton,
          verb: CALL_OUT_START_VERBS.preview,
          data: { formToken },
          style: 'positive',
        },
      ],
    },
  ]);
}

/** A refusal or failure, in the user's language: no buttons, nothing changed. */
export function renderStartProblemCard(
  code: StartProblemCode,
  locale: BotLocale,
  options: { message?: string } = {},
): StartCard {
  const texts = callOutStartTextsFor(locale);
  return startCard([
    title(texts.problemTitles[code], 'Attention'),
    { type: 'TextBlock', text: options.message ?? texts.problems[code], wrap: true },
  ]);
}
