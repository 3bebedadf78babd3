import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { FieldError } from '../../platform/errors.js';
import { isoInstant, LOCAL_TIME_ZONE, localTime } from '../../platform/time.js';
import { CalendarError, type CalendarEventInput, type CalendarPort } from '../calendar-port.js';
import { eventBodyHtml, eventSubject } from '../event-content.js';
import {
  type MeetingRow,
  readLocations,
  readMeetingRow,
  readMeetingRows,
  readSettingsRow,
} from '../meeting-store.js';
import {
  type AllyRow,
  type NeighbourReads,
  readAllies,
  readPeopleNames,
  readStaff,
} from '../neighbour-reads.js';
import {
  ATTENDING_ROLES,
  audit,
  type EffectiveSettings,
  MAX_MINUTES,
  type MeetingDeps,
  notFound,
  requireNetwork,
} from '../service-kit.js';
import { effective } from '../settings/settings-service.js';
import type { Meeting } from '../views/meeting-schemas.js';
import { oneMeeting } from '../views/meeting-views.js';
import { markCalendarFailed, replaceResponses, storeCreated } from './calendar-sync-store.js';

// ---- Meetings and their calendar events ----

export function validateTimes(
  start: string,
  end: string,
  settings: EffectiveSettings,
  now: Date,
  field: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  if (!(minutes > 0))
    errors.push({ field: `${field}.end`, code: 'not_after_start', message: 'must be after start' });
  else if (minutes > MAX_MINUTES && !settings.allow_longer_than_two_hours)
    errors.push({
      field: `${field}.end`,
      code: 'too_big',
      kind: 'minutes',
      max: 120,
      message: 'a meeting lasts at most two hours',
    });
  if (Date.parse(start) <= now.getTime())
    errors.push({ field: `${field}.start`, code: 'not_in_future', message: 'must be in the future' });
  return errors;
}

export async function eventInput(
  reads: NeighbourReads,
  meeting: MeetingRow,
  mealArrangements: string | null,
): Promise<CalendarEventInput> {
  const { db } = reads;
  const network = await requireNetwork(reads, meeting.network_id);
  const [staff, allies, locations] = await Promise.all([
    readStaff(db, meeting.network_id),
    readAllies(reads, meeting.network_id),
    readLocations(db, meeting.network_id),
  ]);
  // Only current allies are named: someone who said goodbye is neither chair nor on the agenda any more.
  const current = new Set(allies.map((a) => a.personId));
  const names = await readPeopleNames(
    reads,
    [...(meeting.chair_person_id ? [meeting.chair_person_id] : []), ...meeting.agenda_turn_person_ids].filter(
      (id) => current.has(id),
    ),
  );
  const location = locations.find((l) => l.id === meeting.location_id) ?? null;
  const start = isoInstant(meeting.starts_at);
  const content = {
    networkName: network.name,
    trustBuilding: meeting.trust_building,
    mealArrangements,
    chairName: meeting.chair_person_id ? (names.get(meeting.chair_person_id) ?? null) : null,
    agendaTurnNames: meeting.agenda_turn_person_ids.map((id) => names.get(id) ?? '').filter(Boolean),
    locationName: location ? [location.name, location.address].filter(Boolean).join(', ') : null,
    localStartTime: localTime(start),
  };
  const organiser = meeting.organiser.toLowerCase();
  const attendees = [
    ...staff
      .filter((s) => ATTENDING_ROLES.has(s.role) && s.email && s.email.toLowerCase() !== organiser)
      .map((s) => ({ address: s.email as string, name: s.displayName, type: 'required' as const })),
    ...allies
      .filter((a) => a.email && !isAbsentOn(a, meeting.meeting_date))
      .map((a) => ({ address: a.email as string, name: a.displayName, type: 'required' as const })),
  ];
  return {
    subject: eventSubject(content),
    bodyHtml: eventBodyHtml(content),
    location: location ? { displayName: location.name, address: location.address } : null,
    start,
    end: isoInstant(meeting.ends_at),
    timeZone: LOCAL_TIME_ZONE,
    attendees,
    isOnlineMeeting: meeting.online_meeting,
  };
}

export function isAbsentOn(ally: AllyRow, date: string): boolean {
  if (ally.absentFrom === null && ally.absentUntil === null) return false;
  return (ally.absentFrom ?? '0000-01-01') <= date && date <= (ally.absentUntil ?? '9999-12-31');
}

/**
 * Makes sure the meeting's event exists, never twice: the intent id (stored with the meeting before
 * any call) is the event's transactionId. After a failed create, or when `reconcileFirst` (a retry),
 * the calendar is asked for an event with that transactionId before anything is created.
 */
export async function ensureEvent(
  deps: MeetingDeps,
  meetingId: string,
  reconcileFirst: boolean,
): Promise<void> {
  const [meeting] = await readMeetingRows(deps.db, { ids: [meetingId] });
  if (meeting?.status !== 'planned' || meeting.calendar_event_id) return;
  const settings = effective(await readSettingsRow(deps.db, meeting.network_id));
  const reconcile = async (): Promise<boolean> => {
    const found = await deps.calendar.findByTransactionId(meeting.organiser, meeting.intent_id);
    if (found) await storeCreated(deps.db, meeting.id, found);
    return found !== null;
  };
  try {
    if (reconcileFirst && (await reconcile())) return;
    const input = await eventInput(deps, meeting, settings.meal_arrangements);
    try {
      await storeCreated(
        deps.db,
        meeting.id,
        await deps.calendar.createEvent(meeting.organiser, input, meeting.intent_id),
      );
    } catch (error) {
      // The answer may have been lost after the event was made (a reset connection, a 5xx after the write).
      deps.logger.warn(
        { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event creation failed; reconciling by transaction id',
      );
      if (!(await reconcile())) throw error;
    }
  } catch (error) {
    deps.logger.warn(
      { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
      'calendar event not created',
    );
    await markCalendarFailed(deps.db, meeting.id);
  }
}

/** Retries the calendar for a meeting whose event is missing: reconcile first, then create. */
export async function syncMeetingCalendar(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  await ensureEvent(deps, meetingId, true);
  await audit(deps.db, origin, 'meeting.calendar-sync', { type: 'meeting', id: meetingId }, deps.now());
  return oneMeeting(deps, networkId, meetingId);
}

/** Reads responses back from the calendar for a planned meeting with an event; keeps the stored ones on failure. */
export async function refreshResponses(deps: MeetingDeps, meeting: MeetingRow): Promise<void> {
  if (meeting.status !== 'planned' || !meeting.calendar_event_id) return;
  let responses: Awaited<ReturnType<CalendarPort['readResponses']>>;
  try {
    responses = await deps.calendar.readResponses(meeting.organiser, meeting.calendar_event_id);
  } catch (error) {
    deps.logger.warn(
      { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
      'attendee responses not read',
    );
    return;
  }
  const [staff, allies] = await Promise.all([
    readStaff(deps.db, meeting.network_id),
    readAllies(deps, meeting.network_id),
  ]);
  const byAddress = new Map<string, { userId: string | null; personId: string | null }>();
  for (const s of staff)
    if (s.email) byAddress.set(s.email.toLowerCase(), { userId: s.userId, personId: null });
  for (const a of allies)
    if (a.email) byAddress.set(a.email.toLowerCase(), { userId: null, personId: a.personId });
  const unique = new Map(responses.map((r) => [r.address.toLowerCase(), r]));
  await replaceResponses(
    deps.db,
    meeting.id,
    [...unique.values()].map((r) => ({
      address: r.address,
      user_id: byAddress.get(r.address.toLowerCase())?.userId ?? null,
      person_id: byAddress.get(r.address.toLowerCase())?.personId ?? null,
      response: r.response,
      read_at: deps.now(),
    })),
  );
}

/**
 * Sends every planned meeting ahead in these networks its attendee list again (Outlook updates the
 * invitation; a person taken off it gets the cancellation), e.g. after an ally withdrew consent, was
 * erased or said farewell (the attendee list is rebuilt from the network's current allies). Returns how many
 * events were updated and how many failed (kept for a later retry by staff).
 */
export async function reissueFutureInvitations(
  deps: Pick<MeetingDeps, 'db' | 'calendar' | 'logger' | 'now' | 'neighbours'>,
  networkIds: string[],
): Promise<{ updated: number; failed: number }> {
  const now = deps.now();
  const ahead = await readMeetingRows(deps.db, {
    networkIds,
    from: now,
    to: new Date(now.getTime() + 10 * 366 * 86_400_000),
  });
  let updated = 0;
  let failed = 0;
  for (const meeting of ahead) {
    if (meeting.status !== 'planned' || !meeting.calendar_event_id) continue;
    try {
      const settings = effective(await readSettingsRow(deps.db, meeting.network_id));
      const input = await eventInput(deps, meeting, settings.meal_arrangements);
      await deps.calendar.updateEvent(meeting.organiser, meeting.calendar_event_id, input);
      updated += 1;
    } catch (error) {
      deps.logger.warn(
        { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
        'invitation not reissued',
      );
      failed += 1;
    }
  }
  return { updated, failed };
}
