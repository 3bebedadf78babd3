import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import {
  type CardActionResult,
  type CardVerbFamily,
  type CommandTurn,
  cardResult,
  type RefusedCardAction,
  seenByActorOnly,
} from '../../teams/card-action.js';
import type { BotLocale } from '../../teams/messages.js';
import { createSignalSchema } from '../schemas.js';
import { signalBotTextsFor } from './messages-signal.js';
import { type DbSignalBotPort, type SignalActor, SignalBotError } from './signal-bot-port.js';
import {
  EMPTY_SIGNAL_FORM,
  renderSignalForm,
  renderSignalProblem,
  renderSignalSaved,
  SIGNAL_VERB_PREFIX,
  SIGNAL_VERBS,
  type SignalFormField,
  type SignalFormValues,
} from './signal-cards.js';

export interface SignalBotDeps {
  port: DbSignalBotPort;
  tabUrl: string;
  logger: Logger;
}

const anyData = z.unknown();
const record = z.record(z.string(), z.unknown()).catch({});
const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

function valuesOf(data: Record<string, unknown>): SignalFormValues {
  return {
    // Multi-select: up to 20 wijken (`networkId|wijkId`, 73 characters) and 10 themes, comma-separated.
    wijk: str(data.wijk, 2000),
    theme: str(data.theme, 500),
    urgency: str(data.urgency, 20),
    channel: str(data.channel, 20),
    person: str(data.person, 80),
    text: str(data.text, 4000),
  };
}

// A personal chat or a message action's dialog: elsewhere others would see the names the form lists.
const inPersonalChat = seenByActorOnly;

/** Logs codes only: a signal's text and names never reach a log. */
function logProblem(deps: SignalBotDeps, step: string, error: unknown): void {
  deps.logger.info(
    { step, err: { type: error instanceof Error ? error.name : typeof error } },
    'signal card refused',
  );
}

function problemOf(error: unknown): 'not-signed-up' | 'no-network' | 'failed' {
  if (error instanceof SignalBotError) return error.code;
  if (error instanceof DomainError && (error.code === 'forbidden' || error.code === 'not-found'))
    return 'no-network';
  return 'failed';
}

/**
 * The reply to `signaal`: the form with this user's networks' wijken and people, empty or with `prefill` (the
 * message action puts the message's text in). Never throws; stores nothing.
 */
export async function signalCommandCard(
  turn: CommandTurn,
  deps: SignalBotDeps,
  prefill: Partial<SignalFormValues> = {},
) {
  if (!turn.actor) return renderSignalProblem('not-signed-up', turn.locale);
  if (!inPersonalChat(turn.conversationType)) return renderSignalProblem('personal-only', turn.locale);
  try {
    const options = await deps.port.formOptions(turn.actor, turn.activityId);
    return renderSignalForm(options, { ...EMPTY_SIGNAL_FORM, ...prefill }, randomUUID(), turn.locale);
  } catch (error) {
    logProblem(deps, 'command', error);
    return renderSignalProblem(problemOf(error), turn.locale);
  }
}

const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

type ParsedForm =
  | { ok: true; networkId: string; input: z.output<typeof createSignalSchema> }
  | { ok: false; fields: SignalFormField[]; mixedNetworks?: true };

/** The form field a problem of the API's schema or service belongs to (`wijkIds.2` → `wijk`). */
function fieldOf(path: string): SignalFormField {
  const [name] = path.replace(/^body\./, '').split('.');
  const map: Record<string, SignalFormField> = {
    personId: 'person',
    channel: 'channel',
    urgency: 'urgency',
    wijkIds: 'wijk',
    themes: 'theme',
    text: 'text',
  };
  return map[name ?? ''] ?? 'text';
}

/**
 * Reads the form into the API's input with the same zod schema. The wijken are several (multi-select), all of
 * one network, which becomes the signal's network; wijken of two networks are refused with their own message.
 */
function parseForm(values: SignalFormValues): ParsedForm {
  const chosen = list(values.wijk).map((value) => value.split('|'));
  const networkIds = new Set(chosen.map(([networkId]) => networkId ?? ''));
  if (networkIds.size > 1) return { ok: false, fields: ['wijk'], mixedNetworks: true };
  const [networkId] = [...networkIds];
  const fields: SignalFormField[] = [];
  let personId: string | null = null;
  if (values.person !== 'anonymous') {
    const [personNetwork, id] = values.person.split('|');
    if (!id || personNetwork !== networkId) fields.push('person');
    else personId = id;
  }
  const parsed = createSignalSchema.safeParse({
    personId,
    channel: values.channel,
    urgency: values.urgency,
    wijkIds: chosen.map(([, wijkId]) => wijkId ?? ''),
    communityIds: [],
    themes: list(values.theme),
    text: values.text,
    assessment: null,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) fields.push(fieldOf(issue.path.join('.')));
  if (!networkId || !z.uuid().safeParse(networkId).success) fields.push('wijk');
  if (!networkId || fields.length > 0 || !parsed.success) return { ok: false, fields: [...new Set(fields)] };
  return { ok: true, networkId, input: parsed.data };
}

async function handleRecord(
  action: {
    data: unknown;
    actor: SignalActor | null;
    locale: BotLocale;
    conversationType: string | null;
    activityId: string | null;
  },
  deps: SignalBotDeps,
): Promise<CardActionResult> {
  const { locale, actor } = action;
  if (!actor) return cardResult(renderSignalProblem('not-signed-up', locale));
  if (!inPersonalChat(action.conversationType))
    return cardResult(renderSignalProblem('personal-only', locale));
  const data = record.parse(action.data ?? {});
  const values = valuesOf(data);
  // The call-out start form's rule: a card without a readable token (an old copy) gets a fresh one.
  const token = z.uuid().safeParse(data.formToken);
  const formToken = token.success ? token.data : randomUUID();
  const formAgain = async (fields: SignalFormField[], message?: string) => {
    try {
      const options = await deps.port.formOptions(actor, action.activityId);
      return cardResult(
        renderSignalForm(options, values, formToken, locale, {
          fields,
          ...(message ? { message } : {}),
        }),
      );
    } catch (error) {
      logProblem(deps, 'form', error);
      return cardResult(renderSignalProblem(problemOf(error), locale));
    }
  };
  const parsed = parseForm(values);
  if (!parsed.ok) {
    deps.logger.info({ fields: parsed.fields }, 'signal card refused');
    const message = parsed.mixedNetworks ? signalBotTextsFor(locale).problems['mixed-networks'] : undefined;
    return formAgain(parsed.fields, message);
  }
  try {
    const { signal, replayed } = await deps.port.record(
      actor,
      parsed.networkId,
      parsed.input,
      formToken,
      action.activityId,
    );
    const options = await deps.port.formOptions(actor, null).catch(() => ({ themes: [], networks: [] }));
    const labels = new Map(options.themes.map((t) => [t.code, locale === 'en' ? t.labelEn : t.labelNl]));
    return cardResult(renderSignalSaved(signal, labels, locale, deps.tabUrl, replayed));
  } catch (error) {
    logProblem(deps, 'record', error);
    if (error instanceof DomainError && error.code === 'validation-failed') {
      const fields = error.errors.map((e) => fieldOf(e.field));
      return formAgain([...new Set(fields)]);
    }
    const code = problemOf(error);
    if (code === 'no-network') return formAgain([], signalBotTextsFor(locale).problems['no-network']);
    return cardResult(renderSignalProblem(code, locale));
  }
}

/** The `signaal` card's verbs as the Teams invoke router takes them. */
export function signalVerbs(deps: SignalBotDeps): CardVerbFamily {
  const handle = (action: {
    data: unknown;
    actor: SignalActor | null;
    locale: BotLocale;
    conversationType: string | null;
    activityId: string | null;
  }) => handleRecord(action, deps);
  return {
    prefix: SIGNAL_VERB_PREFIX,
    verbs: [{ verb: SIGNAL_VERBS.record, dataSchema: anyData, handle }],
    refuse: (refusal: RefusedCardAction) =>
      refusal.verb === SIGNAL_VERBS.record
        ? handle(refusal)
        : Promise.resolve(cardResult(renderSignalProblem('failed', refusal.locale))),
  };
}

/** The help card's line for `signaal`. */
export function signalCommandHelp(locale: BotLocale): { title: string; value: string } {
  const t = signalBotTextsFor(locale);
  return { title: t.helpCommand, value: t.helpCommandText };
}
