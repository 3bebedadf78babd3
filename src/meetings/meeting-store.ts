import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { MeetingsTable, SchoolHolidayRegion } from './db-schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export async function readSettingsRow(db: Executor, networkId: string) {
  return db.selectFrom('meeting_settings').selectAll().where('network_id', '=', networkId).executeTakeFirst();
}

export type SettingsRow = NonNullable<Awaited<ReturnType<typeof readSettingsRow>>>;

/** The meeting preferences of a network's allies, by person (absent for an ally who set none). */
export async function readAllyPreferences(db: Executor, networkId: string) {
  return db
    .selectFrom('meeting_ally_preferences')
    .select([
      'person_id as personId',
      'willing_to_chair as willingToChair',
      'available_weekdays as availableWeekdays',
      'absent_from as absentFrom',
      'absent_until as absentUntil',
    ])
    .where('network_id', '=', networkId)
    .execute();
}

export async function readLocations(db: Executor, networkId: string) {
  return db
    .selectFrom('meeting_locations')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('rotation_order')
    .orderBy('name')
    .execute();
}

export type LocationRow = Awaited<ReturnType<typeof readLocations>>[number];

export type MeetingRow = Selectable<MeetingsTable>;

export async function readMeetingRows(
  db: Executor,
  filter: { networkId: string } | { ids: string[] } | { networkIds: string[]; from: Date; to: Date },
): Promise<MeetingRow[]> {
  let query = db.selectFrom('meetings').selectAll();
  if ('ids' in filter) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', filter.ids);
  } else if ('networkId' in filter) {
    query = query.where('network_id', '=', filter.networkId);
  } else {
    if (filter.networkIds.length === 0) return [];
    query = query
      .where('network_id', 'in', filter.networkIds)
      .where('starts_at', '>=', filter.from)
      .where('starts_at', '<', filter.to);
  }
  return query.orderBy('starts_at').orderBy('id').execute();
}

export async function readMeetingRow(db: Executor, networkId: string, meetingId: string) {
  const [row] = await readMeetingRows(db, { ids: [meetingId] });
  return row && row.network_id === networkId ? row : null;
}

export async function readActions(db: Executor, filter: { meetingIds: string[] } | { networkId: string }) {
  let query = db
    .selectFrom('meeting_actions')
    .innerJoin('meetings', 'meetings.id', 'meeting_actions.meeting_id')
    .selectAll('meeting_actions')
    .select('meetings.meeting_date');
  if ('meetingIds' in filter) {
    if (filter.meetingIds.length === 0) return [];
    query = query.where('meeting_actions.meeting_id', 'in', filter.meetingIds);
  } else {
    query = query
      .where('meeting_actions.network_id', '=', filter.networkId)
      .where('meeting_actions.status', '=', 'open');
  }
  return query.orderBy('meeting_actions.due_on').orderBy('meeting_actions.created_at').execute();
}

export type ActionRow = Awaited<ReturnType<typeof readActions>>[number];

export async function readRecords(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('meeting_records').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

export async function readAttendance(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('id')
    .execute();
}

export async function readResponses(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_responses')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('address')
    .execute();
}

export async function readSchoolHolidays(
  db: Executor,
  region: SchoolHolidayRegion,
  from: string,
  to: string,
) {
  return db
    .selectFrom('school_holidays')
    .select(['from_date', 'to_date', 'label'])
    .where('region', '=', region)
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .orderBy('from_date')
    .execute();
}
