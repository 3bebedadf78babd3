import type { AuditOrigin } from '../../audit/audit-origin.js';
import { isoInstant, localTime } from '../../platform/time.js';
import { eventInput, refreshResponses } from '../calendar-sync/calendar-sync-service.js';
import { EmbeddedCalendar } from '../embedded-calendar.js';
import { buildInvitation, htmlToText } from '../ics.js';
import {
  type ActionRow,
  type LocationRow,
  type MeetingRow,
  readActions,
  readAttendance,
  readLocations,
  readMeetingRow,
  readMeetingRows,
  readRecords,
  readResponses,
  readSettingsRow,
} from '../meeting-store.js';
import { type NeighbourReads, readPeopleNames, readUserNames } from '../neighbour-reads.js';
import type { MeetingAction } from '../records/record-schemas.js';
import { audit, type MeetingDeps, notFound, requireNetwork } from '../service-kit.js';
import { effective } from '../settings/settings-service.js';
import type { Meeting } from './meeting-schemas.js';

export function actionView(
  row: ActionRow,
  users: Map<string, string>,
  people: Map<string, string>,
): MeetingAction {
  const owner = row.owner_user_id
    ? { kind: 'staff' as const, id: row.owner_user_id, displayName: users.get(row.owner_user_id) ?? '' }
    : row.owner_person_id
      ? { kind: 'ally' as const, id: row.owner_person_id, displayName: people.get(row.owner_person_id) ?? '' }
      : null;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    description: row.description,
    owner,
    dueOn: row.due_on,
    status: row.status,
    version: row.version,
  };
}

export async function actionViews(reads: NeighbourReads, rows: ActionRow[]): Promise<MeetingAction[]> {
  const [users, people] = await Promise.all([
    readUserNames(
      reads.db,
      rows.flatMap((r) => (r.owner_user_id ? [r.owner_user_id] : [])),
    ),
    readPeopleNames(
      reads,
      rows.flatMap((r) => (r.owner_person_id ? [r.owner_person_id] : [])),
    ),
  ]);
  return rows.map((row) => actionView(row, users, people));
}

export async function meetingViews(reads: NeighbourReads, rows: MeetingRow[]): Promise<Meeting[]> {
  const { db } = reads;
  const ids = rows.map((r) => r.id);
  const [records, attendance, responses, actions] = await Promise.all([
    readRecords(db, ids),
    readAttendance(db, ids),
    readResponses(db, ids),
    readActions(db, { meetingIds: ids }),
  ]);
  const locationRows = new Map<string, LocationRow>();
  for (const networkId of new Set(rows.map((r) => r.network_id)))
    for (const l of await readLocations(db, networkId)) locationRows.set(l.id, l);
  const personIds = new Set<string>();
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.chair_person_id) personIds.add(r.chair_person_id);
    for (const id of r.agenda_turn_person_ids) personIds.add(id);
  }
  for (const a of attendance) {
    if (a.person_id) personIds.add(a.person_id);
    if (a.user_id) userIds.add(a.user_id);
  }
  for (const r of responses) {
    if (r.person_id) personIds.add(r.person_id);
    if (r.user_id) userIds.add(r.user_id);
  }
  for (const a of actions) {
    if (a.owner_person_id) personIds.add(a.owner_person_id);
    if (a.owner_user_id) userIds.add(a.owner_user_id);
  }
  const [people, users] = await Promise.all([
    readPeopleNames(reads, [...personIds]),
    readUserNames(db, [...userIds]),
  ]);
  const ref = (personId: string) => ({ personId, displayName: people.get(personId) ?? '' });
  return rows.map((row) => {
    const location = row.location_id ? locationRows.get(row.location_id) : undefined;
    const record = records.find((r) => r.meeting_id === row.id);
    return {
      id: row.id,
      networkId: row.network_id,
      seriesId: row.series_id,
      date: row.meeting_date,
      start: isoInstant(row.starts_at),
      end: isoInstant(row.ends_at),
      localStartTime: localTime(row.starts_at),
      location: location
        ? { id: location.id, name: location.name, address: location.address, kind: location.kind }
        : null,
      chair: row.chair_person_id ? ref(row.chair_person_id) : null,
      agendaTurns: row.agenda_turn_person_ids.map(ref),
      trustBuilding: row.trust_building,
      onlineMeeting: row.online_meeting,
      status: row.status,
      organiser: row.organiser,
      calendar: {
        state: row.calendar_state,
        eventId: row.calendar_event_id,
        webLink: row.calendar_web_link,
        joinUrl: row.join_url,
      },
      responses: responses
        .filter((r) => r.meeting_id === row.id)
        .map((r) => ({
          kind: r.user_id ? ('staff' as const) : r.person_id ? ('ally' as const) : ('other' as const),
          userId: r.user_id,
          personId: r.person_id,
          displayName: r.user_id
            ? (users.get(r.user_id) ?? r.address)
            : r.person_id
              ? (people.get(r.person_id) ?? r.address)
              : r.address,
          response: r.response,
        })),
      record: record
        ? {
            attendance: attendance
              .filter((a) => a.meeting_id === row.id)
              .map((a) =>
                a.user_id
                  ? {
                      kind: 'staff' as const,
                      id: a.user_id,
                      displayName: users.get(a.user_id) ?? '',
                      present: a.present,
                    }
                  : {
                      kind: 'ally' as const,
                      id: a.person_id as string,
                      displayName: people.get(a.person_id as string) ?? '',
                      present: a.present,
                    },
              ),
            themes: record.themes as NonNullable<Meeting['record']>['themes'],
            themesText: record.themes_text,
            mood: record.mood,
            recordedAt: isoInstant(record.recorded_at),
            version: record.version,
          }
        : null,
      actions: actions.filter((a) => a.meeting_id === row.id).map((a) => actionView(a, users, people)),
      version: row.version,
    };
  });
}

export async function oneMeeting(
  reads: NeighbourReads,
  networkId: string,
  meetingId: string,
): Promise<Meeting> {
  const row = await readMeetingRow(reads.db, networkId, meetingId);
  if (!row) throw notFound();
  const [view] = await meetingViews(reads, [row]);
  if (!view) throw notFound();
  return view;
}

export async function listMeetings(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  scope: 'all' | 'upcoming' | 'past',
) {
  await requireNetwork(deps, networkId);
  const now = deps.now().getTime();
  const rows = await readMeetingRows(deps.db, { networkId });
  const upcomingRows = scope === 'past' ? [] : rows.filter((r) => r.ends_at.getTime() >= now);
  const pastRows = scope === 'upcoming' ? [] : rows.filter((r) => r.ends_at.getTime() < now).reverse();
  const [upcoming, past, openActions, followUps] = await Promise.all([
    meetingViews(deps, upcomingRows),
    meetingViews(deps, pastRows),
    readActions(deps.db, { networkId }).then((rows) => actionViews(deps, rows)),
    deps.followUps ? deps.followUps(networkId, deps.now()) : Promise.resolve([]),
  ]);
  await audit(deps.db, origin, 'meeting.list', { type: 'network', id: networkId }, deps.now());
  return { upcoming, past, openActions, followUps: followUps.filter((f) => f.status !== 'held') };
}

export async function getMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
) {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  await refreshResponses(deps, meeting);
  await audit(deps.db, origin, 'meeting.read', { type: 'meeting', id: meetingId }, deps.now());
  return oneMeeting(deps, networkId, meetingId);
}

/** The meeting as an .ics file: the embedded calendar's own latest invitation, else built from the meeting. */
export async function meetingInvitation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
) {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  let ics: string | null = null;
  if (deps.calendar instanceof EmbeddedCalendar && meeting.calendar_event_id)
    ics = await deps.calendar.latestInvitation(meeting.calendar_event_id);
  if (!ics) {
    const settings = effective(await readSettingsRow(deps.db, networkId));
    const input = await eventInput(deps, meeting, settings.meal_arrangements);
    ics = buildInvitation({
      uid: `${meeting.intent_id}@bondgenoten`,
      sequence: meeting.version - 1,
      method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      subject: input.subject,
      description: htmlToText(input.bodyHtml),
      html: input.bodyHtml,
      location: input.location
        ? [input.location.displayName, input.location.address].filter(Boolean).join(', ')
        : null,
      start: input.start,
      end: input.end,
      organiser: { address: meeting.organiser, name: meeting.organiser },
      attendees: input.attendees.map((a) => ({ ...a, response: 'notResponded' as const })),
      url: meeting.join_url,
    });
  }
  await audit(deps.db, origin, 'meeting.invitation-download', { type: 'meeting', id: meetingId }, deps.now());
  return {
    fileName: `bondgenotenoverleg-${meeting.meeting_date}.ics`,
    contentType: 'text/calendar' as const,
    ics,
  };
}
