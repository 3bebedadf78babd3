import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { isoInstant, localDate } from '../../platform/time.js';
import { CalendarError } from '../calendar-port.js';
import { ensureEvent, eventInput, validateTimes } from '../calendar-sync/calendar-sync-service.js';
import { storeCreated } from '../calendar-sync/calendar-sync-store.js';
import { type MeetingRow, readMeetingRow, readMeetingRows } from '../meeting-store.js';
import {
  activeLocationIds,
  historyOf,
  planContext,
  requirePlannable,
  rotationAllies,
} from '../planning/planning-service.js';
import { rotate } from '../rotation.js';
import { audit, conflict, invalid, type MeetingDeps, notFound, upstream } from '../service-kit.js';
import type { Meeting } from '../views/meeting-schemas.js';
import { meetingViews, oneMeeting } from '../views/meeting-views.js';
import { requireConfirmedDate, requireConfirmedDates } from './date-check.js';
import { cancelMeetingRow, insertMeeting, updateMeetingPlan } from './meeting-changes-store.js';
import type { createSeriesSchema, updateMeetingSchema } from './planning-schemas.js';

export async function createSeries(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: z.output<typeof createSeriesSchema>,
): Promise<{ seriesId: string; meetings: Meeting[] }> {
  const context = requirePlannable(await planContext(deps, networkId));
  const now = deps.now();
  if (!context.organiser)
    throw new DomainError(
      'rule-violated',
      'This network has no organiser with an e-mail address (set one in the meeting settings).',
    ).because('no-organiser');
  const slots = input.meetings
    .map((m, index) => ({ ...m, index, date: localDate(m.start) }))
    .sort((a, b) => a.start.localeCompare(b.start));
  const errors: FieldError[] = [];
  const planned = new Set(context.meetings.filter((m) => m.status === 'planned').map((m) => m.meeting_date));
  const seen = new Set<string>();
  for (const slot of slots) {
    const field = `body.meetings.${slot.index}`;
    errors.push(...validateTimes(slot.start, slot.end, context.settings, now, field));
    if (seen.has(slot.date) || planned.has(slot.date))
      errors.push({
        field: `${field}.start`,
        code: 'duplicate',
        kind: 'meeting-date',
        message: 'there is already a meeting on this date',
      });
    seen.add(slot.date);
    if (slot.locationId && !context.locations.some((l) => l.id === slot.locationId && l.active))
      errors.push({
        field: `${field}.locationId`,
        code: 'unknown_reference',
        kind: 'location',
        message: 'is not an active location of this network',
      });
  }
  if (errors.length > 0) throw invalid(errors);
  // A date chosen by hand gets the planner's checks too; the caller confirms the reasons explicitly.
  await requireConfirmedDates(
    deps,
    context,
    slots.map((slot) => ({ start: slot.start, end: slot.end, field: `body.meetings.${slot.index}.start` })),
    null,
    input.confirmReasons === true,
  );

  const first = slots[0]?.date;
  const rotation = rotate(
    slots.map((s) => ({ date: s.date, locationId: s.locationId })),
    rotationAllies(context.allies),
    activeLocationIds(context.locations),
    historyOf(context.meetings, first),
  );
  const seriesId = randomUUID();
  const onlineMeeting = input.onlineMeeting ?? context.settings.online_meeting;
  const ids = await transaction(deps.db, async (tx) => {
    const created: string[] = [];
    for (const [index, slot] of slots.entries()) {
      const turn = rotation[index];
      const id = await insertMeeting(tx, {
        network_id: networkId,
        series_id: seriesId,
        meeting_date: slot.date,
        starts_at: slot.start,
        ends_at: slot.end,
        location_id: turn?.locationId ?? null,
        chair_person_id: turn?.chairPersonId ?? null,
        agenda_turn_person_ids: turn?.agendaTurnPersonIds ?? [],
        trust_building: turn?.trustBuilding ?? false,
        online_meeting: onlineMeeting,
        organiser: context.organiser as string,
        // The idempotency key of the calendar event, committed before the calendar is called.
        intent_id: randomUUID(),
      });
      await audit(tx, origin, 'meeting.create', { type: 'meeting', id }, now);
      created.push(id);
    }
    return created;
  });
  for (const id of ids) await ensureEvent(deps, id, false);
  return { seriesId, meetings: await meetingViews(deps, await readMeetingRows(deps.db, { ids })) };
}

export async function updateMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: z.output<typeof updateMeetingSchema>,
): Promise<Meeting> {
  const context = await planContext(deps, networkId);
  const meeting = context.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw notFound();
  if (meeting.version !== input.version) throw conflict();
  if (meeting.status !== 'planned')
    throw new DomainError('rule-violated', 'Only a planned meeting can be changed.').because(
      'meeting-not-planned',
    );
  const start = input.start ?? isoInstant(meeting.starts_at);
  const end =
    input.end ??
    (input.start
      ? new Date(
          Date.parse(input.start) + (meeting.ends_at.getTime() - meeting.starts_at.getTime()),
        ).toISOString()
      : isoInstant(meeting.ends_at));
  const errors: FieldError[] = [];
  if (input.start !== undefined || input.end !== undefined)
    errors.push(...validateTimes(start, end, context.settings, deps.now(), 'body'));
  const date = localDate(start);
  if (
    date !== meeting.meeting_date &&
    context.meetings.some((m) => m.id !== meetingId && m.status === 'planned' && m.meeting_date === date)
  )
    errors.push({
      field: 'body.start',
      code: 'duplicate',
      kind: 'meeting-date',
      message: 'there is already a meeting on this date',
    });
  if (input.locationId && !context.locations.some((l) => l.id === input.locationId))
    errors.push({
      field: 'body.locationId',
      code: 'unknown_reference',
      kind: 'location',
      message: 'is not a location of this network',
    });
  const allyIds = new Set(context.allies.map((a) => a.personId));
  // The chair is always an ally of this network, never an outsider.
  if (input.chairPersonId && !allyIds.has(input.chairPersonId))
    errors.push({
      field: 'body.chairPersonId',
      code: 'unknown_reference',
      kind: 'ally',
      message: 'is not an ally of this network',
    });
  (input.agendaTurnPersonIds ?? []).forEach((id, index) => {
    if (!allyIds.has(id))
      errors.push({
        field: `body.agendaTurnPersonIds.${index}`,
        code: 'unknown_reference',
        kind: 'ally',
        message: 'is not an ally of this network',
      });
  });
  if (errors.length > 0) throw invalid(errors);
  // A new date gets the planner's checks; the caller confirms the reasons explicitly (date-check.ts).
  if (date !== meeting.meeting_date)
    await requireConfirmedDate(deps, context, { start, end }, meetingId, input.confirmReasons === true);

  const next: MeetingRow = {
    ...meeting,
    meeting_date: date,
    starts_at: new Date(start),
    ends_at: new Date(end),
    location_id: input.locationId !== undefined ? input.locationId : meeting.location_id,
    chair_person_id: input.chairPersonId !== undefined ? input.chairPersonId : meeting.chair_person_id,
    agenda_turn_person_ids: input.agendaTurnPersonIds ?? meeting.agenda_turn_person_ids,
    online_meeting: input.onlineMeeting ?? meeting.online_meeting,
  };
  if (meeting.calendar_event_id) {
    try {
      // Outlook sends the attendees the update; the database follows only when the calendar accepted it.
      await deps.calendar.updateEvent(
        meeting.organiser,
        meeting.calendar_event_id,
        await eventInput(deps, next, context.settings.meal_arrangements),
      );
    } catch (error) {
      deps.logger.warn(
        { meetingId, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event update failed',
      );
      throw upstream(error);
    }
  }
  await transaction(deps.db, async (tx) => {
    if (!(await updateMeetingPlan(tx, meetingId, input.version, next, deps.now()))) throw conflict();
    await audit(tx, origin, 'meeting.update', { type: 'meeting', id: meetingId }, deps.now());
  });
  if (!meeting.calendar_event_id) await ensureEvent(deps, meetingId, true);
  return oneMeeting(deps, networkId, meetingId);
}

export async function cancelMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: { version: number; reason: string },
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.version !== input.version) throw conflict();
  if (meeting.status !== 'planned')
    throw new DomainError('rule-violated', 'Only a planned meeting can be cancelled.').because(
      'meeting-not-planned',
    );
  if (!meeting.calendar_event_id && meeting.calendar_state !== 'created') {
    // An event may exist from a create whose answer was lost: find it so it is cancelled too.
    try {
      const found = await deps.calendar.findByTransactionId(meeting.organiser, meeting.intent_id);
      if (found) {
        await storeCreated(deps.db, meetingId, found);
        meeting.calendar_event_id = found.eventId;
      }
    } catch (error) {
      throw upstream(error);
    }
  }
  if (meeting.calendar_event_id) {
    try {
      await deps.calendar.cancelEvent(meeting.organiser, meeting.calendar_event_id, input.reason);
    } catch (error) {
      deps.logger.warn(
        { meetingId, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event cancellation failed',
      );
      throw upstream(error);
    }
  }
  await transaction(deps.db, async (tx) => {
    if (!(await cancelMeetingRow(tx, meetingId, input.version, deps.now()))) throw conflict();
    await audit(tx, origin, 'meeting.cancel', { type: 'meeting', id: meetingId }, deps.now());
  });
  return oneMeeting(deps, networkId, meetingId);
}
