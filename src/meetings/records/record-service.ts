import type { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import type { MeetingNotifier } from '../meeting-notifier.js';
import { readActions, readMeetingRow, readRecords } from '../meeting-store.js';
import { readStaff } from '../neighbour-reads.js';
import { audit, conflict, invalid, type MeetingDeps, notFound } from '../service-kit.js';
import type { Meeting } from '../views/meeting-schemas.js';
import { actionViews, oneMeeting } from '../views/meeting-views.js';
import type { MeetingAction, putRecordSchema } from './record-schemas.js';
import {
  insertActionRow,
  insertRecordRow,
  markMeetingHeld,
  readActionMeetingId,
  readActionVersion,
  replaceAttendance,
  updateActionRow,
  updateActionStatus,
  updateRecordRow,
} from './record-store.js';

// ---- The meeting record and actions ----

export async function putRecord(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: z.output<typeof putRecordSchema>,
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.status === 'cancelled')
    throw new DomainError('rule-violated', 'A cancelled meeting has no record.').because('meeting-cancelled');
  if (meeting.starts_at.getTime() > deps.now().getTime())
    throw new DomainError('rule-violated', 'A meeting can be recorded once it has started.').because(
      'meeting-not-started',
    );
  const [staff, people, existingActions, record] = await Promise.all([
    readStaff(deps.db, networkId),
    deps.neighbours.networkPersonIds(deps.db, networkId),
    readActions(deps.db, { meetingIds: [meetingId] }),
    readRecords(deps.db, [meetingId]).then((rows) => rows[0]),
  ]);
  if (input.version !== undefined && input.version !== (record?.version ?? 0)) throw conflict();
  const staffIds = new Set(staff.map((s) => s.userId));
  const personIds = new Set(people);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.attendance.forEach((entry, index) => {
    const field = `body.attendance.${index}`;
    if ((entry.userId === undefined) === (entry.personId === undefined))
      errors.push({ field, code: 'either_or', message: 'give either userId or personId' });
    else if (entry.userId && !staffIds.has(entry.userId))
      errors.push({
        field: `${field}.userId`,
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not staff of this network',
      });
    else if (entry.personId && !personIds.has(entry.personId))
      errors.push({
        field: `${field}.personId`,
        code: 'unknown_reference',
        kind: 'person',
        message: 'is not a person of this network',
      });
    const key = entry.userId ?? entry.personId ?? '';
    if (seen.has(key)) errors.push({ field, code: 'duplicate', message: 'listed twice' });
    seen.add(key);
  });
  (input.actions ?? []).forEach((action, index) => {
    const field = `body.actions.${index}`;
    if (action.id && !existingActions.some((a) => a.id === action.id))
      errors.push({
        field: `${field}.id`,
        code: 'unknown_reference',
        kind: 'action',
        message: 'is not an action of this meeting',
      });
    if (action.ownerUserId && action.ownerPersonId)
      errors.push({ field: `${field}.ownerPersonId`, code: 'either_or', message: 'an action has one owner' });
    if (action.ownerUserId && !staffIds.has(action.ownerUserId))
      errors.push({
        field: `${field}.ownerUserId`,
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not staff of this network',
      });
    if (action.ownerPersonId && !personIds.has(action.ownerPersonId))
      errors.push({
        field: `${field}.ownerPersonId`,
        code: 'unknown_reference',
        kind: 'person',
        message: 'is not a person of this network',
      });
  });
  if (errors.length > 0) throw invalid(errors);

  const now = deps.now();
  await transaction(deps.db, async (tx) => {
    const values = {
      themes: [...new Set(input.themes)],
      themes_text: input.themesText || null,
      mood: input.mood ?? null,
      recorded_by: origin.actorUserId,
      recorded_at: now,
    };
    if (record) {
      if (!(await updateRecordRow(tx, meetingId, record.version, values))) throw conflict();
    } else {
      await insertRecordRow(tx, meetingId, values);
    }
    await replaceAttendance(
      tx,
      meetingId,
      input.attendance.map((entry) => ({
        userId: entry.userId ?? null,
        personId: entry.personId ?? null,
        present: entry.present,
      })),
    );
    for (const action of input.actions ?? []) {
      const values = {
        description: action.description,
        owner_user_id: action.ownerUserId ?? null,
        owner_person_id: action.ownerPersonId ?? null,
        due_on: action.dueOn ?? null,
        status: action.status ?? 'open',
      };
      if (action.id) await updateActionRow(tx, action.id, values, now);
      else await insertActionRow(tx, meetingId, networkId, values);
    }
    await markMeetingHeld(tx, meetingId, now);
    await audit(tx, origin, 'meeting.record', { type: 'meeting', id: meetingId }, now);
  });
  // Only the first record: correcting it later must not send the next-meeting proposal again.
  if (!record) notifyRecorded(deps, { networkId, meetingId, recordedByUserId: origin.actorUserId });
  return oneMeeting(deps, networkId, meetingId);
}

/** Hands the stored record to the notifier without waiting: the record stands whatever the notifier does. */
export function notifyRecorded(
  deps: MeetingDeps,
  event: Parameters<MeetingNotifier['meetingRecorded']>[0],
): void {
  const { notifier } = deps;
  if (!notifier) return;
  const failed = (error: unknown) =>
    deps.logger.error(
      { networkId: event.networkId, meetingId: event.meetingId, err: { type: errorType(error) } },
      'meeting-recorded notification failed',
    );
  try {
    notifier.meetingRecorded(event).catch(failed);
  } catch (error) {
    failed(error);
  }
}

export function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export async function updateAction(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  actionId: string,
  input: { version: number; status: 'open' | 'done' | 'dropped' },
): Promise<MeetingAction> {
  const row = await readActionVersion(deps.db, networkId, actionId);
  if (!row) throw notFound();
  if (row.version !== input.version) throw conflict();
  await transaction(deps.db, async (tx) => {
    if (!(await updateActionStatus(tx, actionId, input.version, input.status, deps.now()))) throw conflict();
    await audit(tx, origin, 'meeting-action.update', { type: 'meeting-action', id: actionId }, deps.now());
  });
  const [updated] = await readActions(deps.db, {
    meetingIds: [await readActionMeetingId(deps.db, actionId)],
  }).then((rows) => rows.filter((r) => r.id === actionId));
  if (!updated) throw notFound();
  const [view] = await actionViews(deps, [updated]);
  if (!view) throw notFound();
  return view;
}
