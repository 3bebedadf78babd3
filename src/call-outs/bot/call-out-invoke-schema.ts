import { z } from 'zod';
import type { RefusedCardAction } from '../../teams/card-action.js';
import { ETA_MAX_MINUTES, NOTE_MAX_LENGTH } from '../constants.js';
import type { CallOutInputField } from './messages-call-out.js';

/** Every Universal Action verb of the call-out cards starts with this. */
export const CALL_OUT_VERB_PREFIX = 'callout.';

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

/** The data of `callout.answer`: the button's answer with the card's note and ETA inputs. */
export const answerDataSchema = z.looseObject({
  callOutId,
  answer: z.enum(['coming', 'calling-allies', 'unavailable']),
  note,
  etaMinutes,
});

/** The data of `callout.refresh`; the version travels along, but a refresh always shows the current state. */
export const refreshDataSchema = z.looseObject({ callOutId });

const INPUT_FIELDS = new Set<string>(['callOutId', 'answer', 'note', 'etaMinutes']);

/** The fields to name on the error card for a refused action; `action` when the button itself was wrong. */
export function refusedFields(refusal: RefusedCardAction): CallOutInputField[] {
  if (refusal.reason !== 'data') return ['action'];
  return refusal.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return INPUT_FIELDS.has(field) ? (field as CallOutInputField) : 'action';
  });
}

/** The call-out a refused action named, when it can be read, so the error card can lead back to it. */
export function readableCallOutId(data: unknown): string | undefined {
  const parsed = z.looseObject({ callOutId }).safeParse(data);
  return parsed.success ? parsed.data.callOutId : undefined;
}
