import type { MessageId } from '../../tab/i18n/messages.nl.js';
import type { AuditFilter, AuditResult } from './audit-endpoints.js';

/** The audit filter form as typed: plain strings, dates as `YYYY-MM-DD` from the date inputs. */
export interface AuditFilterDraft {
  action: string;
  result: AuditResult | '';
  actorUserId: string;
  objectType: string;
  objectId: string;
  fromDate: string;
  toDate: string;
}

/** A field of the filter form. */
export type DraftField = keyof AuditFilterDraft;

/** The form with no filter set. */
export const EMPTY_DRAFT: AuditFilterDraft = {
  action: '',
  result: '',
  actorUserId: '',
  objectType: '',
  objectId: '',
  fromDate: '',
  toDate: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z.-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight at the start of a `YYYY-MM-DD` day in the browser's time zone, as an ISO date-time (UTC). */
export function localMidnightIso(date: string, addDays = 0): string {
  const [, year, month, day] = DATE.exec(date) ?? [];
  if (!year || !month || !day) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Number(year), Number(month) - 1, Number(day) + addDays).toISOString();
}

/**
 * Checks the form and turns it into the API's filter: `from` is the start of its day, `to` the end of its day
 * (the next local midnight), so "tot en met" includes the whole last day. Errors are message ids per field.
 */
export function filterFromDraft(draft: AuditFilterDraft): {
  filter: AuditFilter;
  errors: Partial<Record<DraftField, MessageId>>;
} {
  const errors: Partial<Record<DraftField, MessageId>> = {};
  const action = draft.action.trim();
  const actorUserId = draft.actorUserId.trim();
  if (action && !ACTION.test(action)) errors.action = 'audit.filter.actionInvalid';
  if (actorUserId && !UUID.test(actorUserId)) errors.actorUserId = 'audit.filter.actorInvalid';
  if (draft.fromDate && !DATE.test(draft.fromDate)) errors.fromDate = 'audit.filter.dateInvalid';
  if (draft.toDate && !DATE.test(draft.toDate)) errors.toDate = 'audit.filter.dateInvalid';
  if (!errors.fromDate && !errors.toDate && draft.fromDate && draft.toDate && draft.toDate < draft.fromDate) {
    errors.toDate = 'audit.filter.toBeforeFrom';
  }
  const filter: AuditFilter = {};
  if (action && !errors.action) filter.action = action;
  if (draft.result) filter.result = draft.result;
  if (actorUserId && !errors.actorUserId) filter.actorUserId = actorUserId.toLowerCase();
  if (draft.objectType.trim()) filter.objectType = draft.objectType.trim();
  if (draft.objectId.trim()) filter.objectId = draft.objectId.trim();
  if (draft.fromDate && !errors.fromDate) filter.from = localMidnightIso(draft.fromDate);
  if (draft.toDate && !errors.toDate) filter.to = localMidnightIso(draft.toDate, 1);
  return { filter, errors };
}

/** Where the API's field errors (`query.to`, …) belong in the form. */
export const draftFieldOfQuery: Record<string, DraftField> = {
  'query.action': 'action',
  'query.result': 'result',
  'query.actorUserId': 'actorUserId',
  'query.objectType': 'objectType',
  'query.objectId': 'objectId',
  'query.from': 'fromDate',
  'query.to': 'toDate',
};
