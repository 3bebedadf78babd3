import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CardActor } from '../contract.js';
import { startCallOutSchema } from '../schemas.js';
import type { StarterInput } from '../starter-contract.js';
import type { StartFormField } from './messages-call-out-start.js';

/** Every Universal Action verb of the start cards (form, preview, starter's status) starts with this. */
export const CALL_OUT_START_VERB_PREFIX = 'callOutStart.';

/** The verbs: show the recipients, send, back to the form, and the status card's refresh. */
export const CALL_OUT_START_VERBS = {
  preview: 'callOutStart.preview',
  send: 'callOutStart.send',
  edit: 'callOutStart.edit',
  status: 'callOutStart.status',
} as const;

/** The form's limits, the same as the API's (`startCallOutSchema`). */
export const START_TEXT_MAX_LENGTH = 1000;
const MAX_IDS_LENGTH = 50 * 37;

/**
 * The form's values as the card holds them: strings, wijken and communities as the comma-separated ids a
 * multi-select ChoiceSet sends. They travel in the preview's buttons so "Wijzigen" can put them back.
 */
export interface StartFormValues {
  kind: string;
  urgency: string;
  summary: string;
  ask: string;
  placeIds: string;
  communityIds: string;
}

/** An empty form: an incident, immediately, nothing else chosen. */
export const EMPTY_FORM: StartFormValues = {
  kind: 'incident',
  urgency: 'immediate',
  summary: '',
  ask: '',
  placeIds: '',
  communityIds: '',
};

/** A start-card action the bot can hand to the call-out domain. */
export type StartRequest =
  | {
      verb: 'preview' | 'send';
      actor: CardActor;
      formToken: string;
      values: StartFormValues;
      input: StarterInput;
    }
  | { verb: 'edit'; actor: CardActor; formToken: string; values: StartFormValues }
  | { verb: 'status'; actor: CardActor; callOutId: string; automatic: boolean };

/** A request, or what was refused with what to put back into the form (`actor` null when unknown). */
export type ParsedStartInvoke =
  | { ok: true; request: StartRequest }
  | {
      ok: false;
      verb: 'form' | 'status';
      actor: CardActor | null;
      fields: StartFormField[];
      values: StartFormValues;
      formToken: string;
      automatic: boolean;
    };

const record = z.record(z.string(), z.unknown()).catch({});

const STARTER_FIELDS = new Set<string>(['kind', 'urgency', 'summary', 'ask', 'placeIds', 'communityIds']);

function text(value: unknown, max: number): string {
  if (Array.isArray(value)) return text(value.filter((item) => typeof item === 'string').join(','), max);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** What to put back into the form: whatever strings arrived, cut to the form's limits. */
function valuesOf(data: Record<string, unknown>): StartFormValues {
  return {
    kind: text(data.kind, 40),
    urgency: text(data.urgency, 40),
    summary: text(data.summary, START_TEXT_MAX_LENGTH),
    ask: text(data.ask, START_TEXT_MAX_LENGTH),
    placeIds: text(data.placeIds, MAX_IDS_LENGTH),
    communityIds: text(data.communityIds, MAX_IDS_LENGTH),
  };
}

/** Ids as a ChoiceSet sends them ("a,b") or as a list; anything else is kept so the schema refuses it. */
function idList(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** The input checked with the API's schema, reading the raw data (not the cut values: too long is refused). */
function inputOf(data: Record<string, unknown>): { input: StarterInput } | { fields: StartFormField[] } {
  const parsed = startCallOutSchema.safeParse({
    kind: data.kind,
    urgency: data.urgency,
    summary: data.summary,
    ask: data.ask,
    placeIds: idList(data.placeIds),
    communityIds: idList(data.communityIds),
  });
  if (parsed.success) return { input: parsed.data };
  const fields = parsed.error.issues.map((issue): StartFormField => {
    const field = String(issue.path[0] ?? '');
    return STARTER_FIELDS.has(field) ? (field as StartFormField) : 'action';
  });
  return { fields: [...new Set(fields)] };
}

/** What the router hands over of a start card's action: the verb ('' when unreadable) and its raw data. */
export interface StartAction {
  verb: string;
  data: unknown;
  actor: CardActor | null;
  automatic: boolean;
}

/** Reads a start card's action; never throws. */
export function parseCallOutStartAction(action: StartAction): ParsedStartInvoke {
  const { verb, actor, automatic } = action;
  const data = record.parse(action.data ?? {});
  const token = z.uuid().safeParse(data.formToken);
  const formToken = token.success ? token.data : randomUUID();
  const values = valuesOf(data);
  const refused = (fields: StartFormField[], kind: 'form' | 'status' = 'form'): ParsedStartInvoke => ({
    ok: false,
    verb: kind,
    actor,
    fields,
    values,
    formToken,
    automatic,
  });
  if (verb === CALL_OUT_START_VERBS.status) {
    const callOutId = z.uuid().safeParse(data.callOutId);
    if (!callOutId.success || !actor) return refused([actor ? 'action' : 'actor'], 'status');
    return { ok: true, request: { verb: 'status', actor, callOutId: callOutId.data, automatic } };
  }
  if (!actor) return refused(['actor']);
  if (verb === CALL_OUT_START_VERBS.edit) {
    return { ok: true, request: { verb: 'edit', actor, formToken, values } };
  }
  if (verb !== CALL_OUT_START_VERBS.preview && verb !== CALL_OUT_START_VERBS.send) return refused(['action']);
  // Sending needs the token of the form it came from: it is what makes a double press start one call-out.
  if (verb === CALL_OUT_START_VERBS.send && !token.success) return refused(['action']);
  const checked = inputOf(data);
  if ('fields' in checked) return refused(checked.fields);
  const kind = verb === CALL_OUT_START_VERBS.send ? 'send' : 'preview';
  return { ok: true, request: { verb: kind, actor, formToken, values, input: checked.input } };
}
