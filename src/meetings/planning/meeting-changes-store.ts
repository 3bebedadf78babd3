import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MeetingsTable } from '../db-schema.js';
import type { MeetingRow } from '../meeting-store.js';

/** Stores a planned meeting and returns its id. */
export async function insertMeeting(
  tx: Transaction<Database>,
  meeting: Insertable<MeetingsTable>,
): Promise<string> {
  const row = await tx.insertInto('meetings').values(meeting).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Moves or changes a meeting if it still has `version`; false when someone changed it in between. */
export async function updateMeetingPlan(
  tx: Transaction<Database>,
  meetingId: string,
  version: number,
  next: MeetingRow,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('meetings')
    .set((eb) => ({
      meeting_date: next.meeting_date,
      starts_at: next.starts_at,
      ends_at: next.ends_at,
      location_id: next.location_id,
      chair_person_id: next.chair_person_id,
      agenda_turn_person_ids: next.agenda_turn_person_ids,
      online_meeting: next.online_meeting,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Cancels a meeting if it still has `version`; false when someone changed it in between. */
export async function cancelMeetingRow(
  tx: Transaction<Database>,
  meetingId: string,
  version: number,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('meetings')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
