import { amsterdamInstant } from '../../tab/i18n/amsterdam-time.js';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import type { AuditFilter, AuditResult } from './audit-endpoints.js';

/**
 * The audit filter form as typed: plain strings, dates as `YYYY-MM-DD` from the date inputs. Action and actor are
 * picked by name: `actionText`/`actorText` hold what is typed, `action`/`actorUserId` what was picked from the list.
 */
export interface AuditFilterDraft {
  action: string;
  actionText: string;
  result: AuditResult | '';
  actorUserId: string;
  actorText: string;
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
  actionText: '',
  result: '',
  actorUserId: '',
  actorText: '',
  objectType: '',
  objectId: '',
  fromDate: '',
  toDate: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z.-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day after a `YYYY-MM-DD` day, as `YYYY-MM-DD` (calendar arithmetic, no time zone involved). */
function nextDay(date: string): string {
  const [, year, month, day] = DATE.exec(date) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) + 1)).toISOString().slice(0, 10);
}

/** Midnight at the start of a `YYYY-MM-DD` day in Dutch time, as an ISO date-time with its offset. */
export function amsterdamMidnightIso(date: string, addDays = 0): string {
  if (!DATE.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return amsterdamInstant(addDays === 1 ? nextDay(date) : date, '00:00');
}

/**
 * Checks the form and turns it into the API's filter: `from` is the start of its day, `to` the end of its day
 * (the next midnight), both in Dutch time like every time on the page, so "tot en met" includes the whole last
 * day. A name typed but not picked from the list is an error. Errors are message ids per field.
 */
export function filterFromDraft(draft: AuditFilterDraft): {
  filter: AuditFilter;
  errors: Partial<Record<DraftField, MessageId>>;
} {
  const errors: Partial<Record<DraftField, MessageId>> = {};
  const action = draft.action.trim();
  const actorUserId = draft.actorUserId.trim();
  if ((action && !ACTION.test(action)) || (!action && draft.actionText.trim()))
    errors.action = 'audit.filter.actionInvalid';
  if ((actorUserId && !UUID.test(actorUserId)) || (!actorUserId && draft.actorText.trim()))
    errors.actorUserId = 'audit.filter.actorInvalid';
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
  if (draft.fromDate && !errors.fromDate) filter.from = amsterdamMidnightIso(draft.fromDate);
  if (draft.toDate && !errors.toDate) filter.to = amsterdamMidnightIso(draft.toDate, 1);
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
