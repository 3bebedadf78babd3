import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { AnswerInput, CardActor } from '../contract.js';
import { CALL_OUT_VERBS, ETA_MAX_MINUTES, NOTE_MAX_LENGTH } from './cards/call-out-card.js';
import type { CallOutInputField } from './messages-call-out.js';

/** Every Universal Action verb of the call-out cards starts with this. */
export const CALL_OUT_VERB_PREFIX = 'callout.';

/** A call-out card action the bot can hand to the call-out domain. */
export type CallOutRequest =
  | { verb: 'answer'; actor: CardActor; input: AnswerInput; automatic: boolean }
  | { verb: 'refresh'; actor: CardActor; callOutId: string; automatic: boolean };

/** What parsing an invoke gives: a request, or the refused fields (and the call-out, when it was readable). */
export type ParsedCallOutInvoke =
  | { ok: true; request: CallOutRequest }
  | { ok: false; fields: CallOutInputField[]; callOutId?: string; automatic: boolean };

// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
// value: { action: { type: 'Action.Execute', id?, verb, data }, trigger: 'manual' | 'automatic' }
const invokeValue = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string(), data: z.unknown() }),
  trigger: z.string().optional(),
});

const callOutId = z.string().trim().min(1).max(200);

// An emptied field means "no note"; the limit counts what is kept.
const note = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .refine((value) => value === null || value.length <= NOTE_MAX_LENGTH);

// Input.Number values reach the bot as strings ("15"), an empty field as "" or not at all.
const etaMinutes = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value, context) => {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text === '') return null;
    const minutes = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isInteger(minutes) && minutes <= ETA_MAX_MINUTES) return minutes;
    context.addIssue({ code: 'custom', message: `must be a whole number from 0 to ${ETA_MAX_MINUTES}` });
    return z.NEVER;
  });

const answerData = z.looseObject({
  callOutId,
  answer: z.enum(['coming', 'calling-allies', 'unavailable']),
  note,
  etaMinutes,
});

// The version travels along for the domain's benefit; a refresh always shows the current state.
const refreshData = z.looseObject({ callOutId });

const INPUT_FIELDS = new Set<string>(['callOutId', 'answer', 'note', 'etaMinutes']);

function refusedFields(error: z.ZodError): CallOutInputField[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return INPUT_FIELDS.has(field) ? (field as CallOutInputField) : 'action';
  });
}

function actorOf(activity: Activity): CardActor | null {
  const aadObjectId = activity.from?.aadObjectId;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenantId = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  if (typeof aadObjectId !== 'string' || aadObjectId === '') return null;
  if (typeof tenantId !== 'string' || tenantId === '') return null;
  return { tenantId, aadObjectId };
}

function readableCallOutId(data: unknown): string | undefined {
  const parsed = z.looseObject({ callOutId }).safeParse(data);
  return parsed.success ? parsed.data.callOutId : undefined;
}

/**
 * Whether the call-out handler answers an invoke: an `adaptiveCard/action` whose verb is `callout.…`, or
 * one without a readable verb, which no other handler could route and botbuilder's own parsing throws on.
 */
export function isCallOutInvoke(activity: Activity): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | null | undefined)?.action?.verb;
  return typeof verb !== 'string' || verb.startsWith(CALL_OUT_VERB_PREFIX);
}

/** Reads an `adaptiveCard/action` invoke of the call-out card; never throws. */
export function parseCallOutInvoke(activity: Activity): ParsedCallOutInvoke {
  const value = invokeValue.safeParse(activity.value);
  const automatic = value.success && value.data.trigger === 'automatic';
  if (!value.success) return { ok: false, fields: ['action'], automatic };
  const { verb, data } = value.data.action;
  const id = readableCallOutId(data);
  const actor = actorOf(activity);
  const refused = (fields: CallOutInputField[]): ParsedCallOutInvoke => ({
    ok: false,
    fields,
    automatic,
    ...(id ? { callOutId: id } : {}),
  });
  if (verb === CALL_OUT_VERBS.answer) {
    const parsed = answerData.safeParse(data);
    if (!parsed.success) return refused(refusedFields(parsed.error));
    if (!actor) return refused(['actor']);
    const { answer, note, etaMinutes } = parsed.data;
    const input = { callOutId: parsed.data.callOutId, answer, note, etaMinutes };
    return { ok: true, request: { verb: 'answer', actor, input, automatic } };
  }
  if (verb === CALL_OUT_VERBS.refresh) {
    const parsed = refreshData.safeParse(data);
    if (!parsed.success) return refused(refusedFields(parsed.error));
    if (!actor) return refused(['actor']);
    return { ok: true, request: { verb: 'refresh', actor, callOutId: parsed.data.callOutId, automatic } };
  }
  return refused(['action']);
}
