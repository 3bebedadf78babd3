import type { Kysely } from 'kysely';
import { type CalendarAttendee, CalendarError, type CreatedEvent } from '../../meetings/calendar-port.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { LOCAL_TIME_ZONE } from '../../platform/time.js';
import { appendEvent, bumpVersion, transaction } from '../call-out-store.js';
import { CONVENE_SUBJECT, type ConveneContent, meetingBodyHtml } from './convene-content.js';
import type { ConveneDeps } from './convene-service.js';
import {
  availableStaff,
  comingAllies,
  type MeetingRow,
  markMeetingCreated,
  markMeetingFailed,
} from './convene-store.js';

/** The local run's join link: clearly not Teams, and unique per call-out. */
export function localJoinUrl(publicUrl: string, callOutId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/lokaal/bijeenkomst/${callOutId}`;
}

/** The meeting's attendees: available staff but the organiser, then coming allies; one per address. */
export async function attendeesOf(db: Kysely<Database>, callOutId: string, organiserUserId: string) {
  const [staff, allies] = await Promise.all([availableStaff(db, callOutId), comingAllies(db, callOutId)]);
  const seen = new Set<string>();
  const attendees: { address: string; name: string; type: 'required' }[] = [];
  const add = (address: string | null, name: string) => {
    const key = address?.trim().toLowerCase();
    if (!address || !key || seen.has(key)) return;
    seen.add(key);
    attendees.push({ address: address.trim(), name, type: 'required' });
  };
  for (const s of staff) if (s.userId !== organiserUserId) add(s.email, s.displayName);
  const staffCount = attendees.length;
  for (const a of allies) add(a.email, a.displayName);
  return { attendees, staffCount, allyCount: attendees.length - staffCount };
}

function eventInput(row: MeetingRow, content: ConveneContent, attendees: CalendarAttendee[]) {
  return {
    subject: CONVENE_SUBJECT,
    bodyHtml: meetingBodyHtml(content),
    location: null,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    timeZone: LOCAL_TIME_ZONE,
    attendees,
    isOnlineMeeting: true,
  };
}

/**
 * A repeated *Bijeenkomst nu* after more people said they come: the event gets the newcomers as
 * attendees (the calendar sends them the invitation). Whoever is already on the event stays; a failure
 * here leaves the meeting as it was and lands on the timeline, so the button can be pressed again.
 */
export async function inviteNewcomers(
  deps: ConveneDeps,
  db: Kysely<Database>,
  meeting: MeetingRow,
  ask: string,
): Promise<void> {
  const callOutId = meeting.call_out_id;
  if (!meeting.event_id) return;
  const { attendees } = await attendeesOf(db, callOutId, meeting.organiser_user_id);
  try {
    const onEvent = await deps.calendar.readResponses(meeting.organiser, meeting.event_id);
    const known = new Set(onEvent.map((a) => a.address.toLowerCase()));
    const newcomers = attendees.filter((a) => !known.has(a.address.toLowerCase()));
    if (newcomers.length === 0) return;
    const kept = onEvent
      .filter((a) => !attendees.some((b) => b.address.toLowerCase() === a.address.toLowerCase()))
      .map((a) => ({ address: a.address, name: a.address, type: 'required' as const }));
    const content: ConveneContent = {
      ask,
      start: new Date(meeting.starts_at).toISOString(),
      joinUrl: meeting.join_url,
      joinUrlIsLocal: meeting.join_url_local,
    };
    await deps.calendar.updateEvent(
      meeting.organiser,
      meeting.event_id,
      eventInput(meeting, content, [...attendees, ...kept]),
    );
    await appendEvent(deps.db, callOutId, 'meeting-invites-added', deps.now(), {
      userId: meeting.organiser_user_id,
    });
  } catch (error) {
    deps.logger.warn(
      { callOutId, status: error instanceof CalendarError ? error.status : 0 },
      'newcomers not added to the convening meeting',
    );
    await appendEvent(deps.db, callOutId, 'meeting-update-failed', deps.now(), {
      userId: meeting.organiser_user_id,
    });
  }
}

/**
 * Makes sure the meeting's event exists, never twice: the intent id (stored before any call) is the
 * event's transactionId; after a failed create, or on a repeat of an unfinished one, the calendar is
 * asked for it first (the meetings service's reconcile).
 */
export async function ensureEvent(
  deps: ConveneDeps,
  db: Kysely<Database>,
  row: MeetingRow,
  reconcileFirst: boolean,
  ask: string,
): Promise<MeetingRow> {
  const callOutId = row.call_out_id;
  const reconcile = () => deps.calendar.findByTransactionId(row.organiser, row.intent_id);
  let event: CreatedEvent | null = null;
  const local = deps.calendar.kind === 'embedded';
  const content: ConveneContent = {
    ask,
    start: new Date(row.starts_at).toISOString(),
    joinUrl: local ? localJoinUrl(deps.publicUrl, callOutId) : null,
    joinUrlIsLocal: local,
  };
  try {
    if (reconcileFirst) event = await reconcile();
    if (!event) {
      const { attendees } = await attendeesOf(db, callOutId, row.organiser_user_id);
      const input = eventInput(row, content, attendees);
      try {
        event = await deps.calendar.createEvent(row.organiser, input, row.intent_id);
      } catch (error) {
        // The answer may have been lost after the event was made (a reset connection, a 5xx after the write).
        deps.logger.warn(
          { callOutId, status: error instanceof CalendarError ? error.status : 0 },
          'convening event creation failed; reconciling by transaction id',
        );
        event = await reconcile();
        if (!event) throw error;
      }
    }
  } catch (error) {
    deps.logger.warn(
      { callOutId, status: error instanceof CalendarError ? error.status : 0 },
      'convening meeting not created',
    );
    const now = deps.now();
    await markMeetingFailed(db, callOutId);
    await appendEvent(deps.db, callOutId, 'meeting-failed', now, { userId: row.organiser_user_id });
    throw new DomainError(
      'upstream-failed',
      'The calendar did not create the meeting. Try Bijeenkomst nu again; it will not create a second one.',
    );
  }
  const joinUrl = event.joinUrl ?? content.joinUrl;
  const joinUrlIsLocal = event.joinUrl === null && local;
  const now = deps.now();
  return transaction(db, async (tx) => {
    const stored = await markMeetingCreated(tx, callOutId, {
      eventId: event.eventId,
      joinUrl,
      joinUrlIsLocal,
      threadId: event.threadId,
    });
    // The cards show the join link: a new version makes the worker refresh every sent copy.
    await bumpVersion(tx, callOutId, now);
    await appendEvent(tx, callOutId, 'meeting-created', now, {
      userId: row.organiser_user_id,
    });
    return stored;
  });
}
