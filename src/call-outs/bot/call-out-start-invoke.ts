import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  type CardActionResult,
  type CardVerbFamily,
  type CommandTurn,
  cardResult,
  type RefusedCardAction,
  seenByActorOnly,
} from '../../teams/card-action.js';
import type { BotLocale } from '../../teams/messages.js';
import type { CardActor } from '../contract.js';
import { CallOutStartError, type CallOutStarter, type StarterFormOptions } from '../starter-contract.js';
import {
  CALL_OUT_START_VERB_PREFIX,
  CALL_OUT_START_VERBS,
  EMPTY_FORM,
  parseCallOutStartAction,
  type StartAction,
  type StartFormValues,
  type StartRequest,
} from './call-out-start-schema.js';
import {
  type FormProblems,
  renderStartForm,
  renderStartProblemCard,
  type StartCard,
} from './cards/call-out-start-card.js';
import { renderStartPreview, renderStartStatus } from './cards/call-out-start-status-card.js';
import { callOutStartTextsFor, type StartProblemCode } from './messages-call-out-start.js';

// The form's parser reads the data itself; the router only checks the Action.Execute envelope.
const anyData = z.unknown();

/** What the start handler needs; `starter` is absent where call-outs are not wired up. */
export interface CallOutStartDeps {
  starter: CallOutStarter | undefined;
  tabUrl: string;
  now: () => Date;
  logger: Logger;
}

/**
 * The invoke response body (HTTP 200 always, see call-out-invoke.ts): a card that takes the place of the one
 * the user acted on, or, only for a failed automatic refresh, an error so Teams keeps the card it had.
 */
const cardResponse = (card: StartCard): CardActionResult => cardResult(card);

interface Turn {
  starter: CallOutStarter;
  actor: CardActor;
  locale: BotLocale;
  deps: CallOutStartDeps;
}

/** Ids the form did not offer this actor: refused in the form, whatever the service would say. */
function unofferedFields(values: StartFormValues, options: StarterFormOptions): FormProblems['fields'] {
  const wijken = new Set(options.districts.flatMap((d) => d.wijken.map((w) => w.id)));
  const communities = new Set(options.communities.map((c) => c.id));
  const outside = (ids: string, known: Set<string>) =>
    ids.split(',').some((id) => id.trim() !== '' && !known.has(id.trim()));
  return [
    ...(outside(values.placeIds, wijken) ? (['placeIds'] as const) : []),
    ...(outside(values.communityIds, communities) ? (['communityIds'] as const) : []),
  ];
}

async function form(
  turn: Turn,
  values: StartFormValues,
  formToken: string,
  problems: FormProblems = {},
): Promise<StartCard> {
  const options = await turn.starter.formOptions(turn.actor);
  return renderStartForm(options, values, formToken, turn.locale, problems);
}

async function perform(turn: Turn, request: Exclude<StartRequest, { verb: 'status' }>): Promise<StartCard> {
  const { starter, actor, locale, deps } = turn;
  if (request.verb === 'edit') return form(turn, request.values, request.formToken);
  const options = await starter.formOptions(actor);
  const fields = unofferedFields(request.values, options) ?? [];
  if (fields.length > 0)
    return renderStartForm(options, request.values, request.formToken, locale, { fields });
  if (request.verb === 'preview') {
    const preview = await starter.preview(actor, request.input);
    return renderStartPreview(preview, request.values, options, request.formToken, locale);
  }
  const { callOutId, created } = await starter.start(actor, request.input, request.formToken, deps.now());
  const status = await starter.status(actor, callOutId);
  return renderStartStatus(status, locale, {
    tabUrl: deps.tabUrl,
    starterAadObjectId: actor.aadObjectId,
    alreadySent: !created,
  });
}

async function refresh(turn: Turn, callOutId: string): Promise<StartCard> {
  const status = await turn.starter.status(turn.actor, callOutId);
  return renderStartStatus(status, turn.locale, {
    tabUrl: turn.deps.tabUrl,
    starterAadObjectId: turn.actor.aadObjectId,
  });
}

function problemCode(error: unknown): StartProblemCode {
  return error instanceof CallOutStartError ? error.code : 'failed';
}

/** Logs ids and codes only: error messages may quote what the user typed. */
function logProblem(deps: CallOutStartDeps, verb: string, error: unknown, code: StartProblemCode): void {
  const log = { verb, code, err: { type: error instanceof Error ? error.name : typeof error } };
  if (code === 'failed') deps.logger.error(log, 'call-out start card action failed');
  else deps.logger.info(log, 'call-out start card action refused by the domain');
}

/** The form with its problems shown; if even the form cannot be read, the card saying why. */
async function formOrProblem(
  turn: Turn,
  values: StartFormValues,
  formToken: string,
  problems: FormProblems,
): Promise<StartCard> {
  try {
    return await form(turn, values, formToken, problems);
  } catch (error) {
    const code = problemCode(error);
    logProblem(turn.deps, 'form', error, code);
    return renderStartProblemCard(code, turn.locale);
  }
}

/** The form again for refusals the starter can fix there (fields, wijken without network); a card for the rest. */
async function recover(
  turn: Turn,
  request: Exclude<StartRequest, { verb: 'status' }>,
  error: unknown,
): Promise<StartCard> {
  const code = problemCode(error);
  logProblem(turn.deps, request.verb, error, code);
  if (error instanceof CallOutStartError && code === 'invalid') {
    const fields = error.fields.length > 0 ? error.fields : (['action'] as const);
    return formOrProblem(turn, request.values, request.formToken, { fields: [...fields] });
  }
  if (code === 'no-network') {
    const message = callOutStartTextsFor(turn.locale).noNetwork;
    return formOrProblem(turn, request.values, request.formToken, { message });
  }
  return renderStartProblemCard(code, turn.locale);
}

/** A personal chat or a message action's dialog; group chats (`groupChat`) and channels would show names. */
function inPersonalChat(turn: { conversationType: string | null }): boolean {
  return seenByActorOnly(turn.conversationType);
}

/**
 * The reply to the `crisisoproep` command: the form with the wijken and communities this user may choose and
 * a fresh form token, empty or with `prefill` (the message action puts the message's text in), or a card
 * saying why they cannot start a call-out. Never throws; starts nothing.
 */
export async function startCommandCard(
  turn: CommandTurn,
  deps: CallOutStartDeps,
  prefill: Partial<StartFormValues> = {},
): Promise<StartCard> {
  const { locale, actor } = turn;
  if (!actor) return renderStartProblemCard('not-signed-up', locale);
  if (!inPersonalChat(turn)) return renderStartProblemCard('personal-only', locale);
  if (!deps.starter) return renderStartProblemCard('unavailable', locale);
  try {
    const values = { ...EMPTY_FORM, ...prefill };
    return await form({ starter: deps.starter, actor, locale, deps }, values, randomUUID());
  } catch (error) {
    const code = problemCode(error);
    logProblem(deps, 'command', error, code);
    return renderStartProblemCard(code, locale);
  }
}

/**
 * Answers an action of a start card (`callOutStart.preview|send|edit|status`): parses it (malformed data
 * gets the form back with its message, without asking the domain to change anything), then previews,
 * starts or reads through `CallOutStarter`. Never throws.
 */
async function handleStartAction(
  action: StartAction & { locale: BotLocale; conversationType: string | null },
  deps: CallOutStartDeps,
): Promise<CardActionResult> {
  const { locale } = action;
  const parsed = parseCallOutStartAction(action);
  if (!deps.starter) {
    if (parsed.ok && parsed.request.verb === 'status' && parsed.request.automatic) {
      const message = callOutStartTextsFor(locale).problems.unavailable;
      return {
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: { code: 'unavailable', message },
      };
    }
    return cardResponse(renderStartProblemCard('unavailable', locale));
  }
  if (!parsed.ok) {
    deps.logger.info({ fields: parsed.fields }, 'call-out start card action refused');
    // Without a readable user there is no form to show; a status without a call-out id has no call-out.
    if (!parsed.actor) return cardResponse(renderStartProblemCard('not-signed-up', locale));
    if (parsed.verb === 'status') return cardResponse(renderStartProblemCard('not-found', locale));
    const turn = { starter: deps.starter, actor: parsed.actor, locale, deps };
    const problems = { fields: parsed.fields };
    return cardResponse(await formOrProblem(turn, parsed.values, parsed.formToken, problems));
  }
  const { request } = parsed;
  // A form posted into a group chat or channel (forwarded, or an old copy) would show names to everyone there.
  if (request.verb !== 'status' && !inPersonalChat(action))
    return cardResponse(renderStartProblemCard('personal-only', locale));
  const turn = { starter: deps.starter, actor: request.actor, locale, deps };
  if (request.verb === 'status') {
    try {
      return cardResponse(await refresh(turn, request.callOutId));
    } catch (error) {
      const code = problemCode(error);
      logProblem(deps, request.verb, error, code);
      if (code === 'failed' && request.automatic) {
        const message = callOutStartTextsFor(locale).problems.failed;
        return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code, message } };
      }
      return cardResponse(renderStartProblemCard(code, locale));
    }
  }
  try {
    return cardResponse(await perform(turn, request));
  } catch (error) {
    return cardResponse(await recover(turn, request, error));
  }
}

/**
 * The start cards' verbs as the Teams invoke router takes them. Their data is read by the form's own parser
 * (which puts what arrived back into the form), so the router's data schema lets everything through.
 */
export function callOutStartVerbs(deps: CallOutStartDeps): CardVerbFamily {
  const handle = (action: {
    verb: string | null;
    data: unknown;
    actor: CardActor | null;
    automatic: boolean;
    locale: BotLocale;
    conversationType: string | null;
  }) => handleStartAction({ ...action, verb: action.verb ?? '' }, deps);
  return {
    prefix: CALL_OUT_START_VERB_PREFIX,
    verbs: Object.values(CALL_OUT_START_VERBS).map((verb) => ({ verb, dataSchema: anyData, handle })),
    refuse: (refusal: RefusedCardAction) => handle(refusal),
  };
}

/** The help card's line for the `crisisoproep` command (src/server/compose.ts hands it to the bot). */
export function startCommandHelp(locale: BotLocale): { title: string; value: string } {
  const texts = callOutStartTextsFor(locale);
  return { title: texts.helpCommand, value: texts.helpCommandText };
}
