import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type {
  MeetingActionsTable,
  MeetingAllyPreferencesTable,
  MeetingAttendanceTable,
  MeetingLocationsTable,
  MeetingRecordsTable,
  MeetingSettingsTable,
  MeetingsTable,
} from './db-schema.js';

/**
 * Seed-only writes of meetings' tables: the demo network's settings, locations, chairs and held meetings
 * (src/server/seed/seed-demo.ts), in the seed's one transaction.
 */
type Tx = Transaction<Database>;

export async function insertSeedMeetingSettings(
  tx: Tx,
  values: Insertable<MeetingSettingsTable>,
): Promise<void> {
  await tx.insertInto('meeting_settings').values(values).execute();
}

export async function insertSeedLocations(tx: Tx, rows: Insertable<MeetingLocationsTable>[]) {
  return tx.insertInto('meeting_locations').values(rows).returning('id').execute();
}

export async function insertSeedAllyPreferences(
  tx: Tx,
  rows: Insertable<MeetingAllyPreferencesTable>[],
): Promise<void> {
  await tx.insertInto('meeting_ally_preferences').values(rows).execute();
}

export async function insertSeedMeeting(tx: Tx, values: Insertable<MeetingsTable>): Promise<string> {
  const { id } = await tx.insertInto('meetings').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertSeedRecord(tx: Tx, values: Insertable<MeetingRecordsTable>): Promise<void> {
  await tx.insertInto('meeting_records').values(values).execute();
}

export async function insertSeedAttendance(
  tx: Tx,
  rows: Insertable<MeetingAttendanceTable>[],
): Promise<void> {
  await tx.insertInto('meeting_attendance').values(rows).execute();
}

export async function insertSeedAction(tx: Tx, values: Insertable<MeetingActionsTable>): Promise<void> {
  await tx.insertInto('meeting_actions').values(values).execute();
}
