import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MeetingActionsTable, MeetingRecordsTable } from '../db-schema.js';
import type { Executor } from '../meeting-store.js';

type Tx = Transaction<Database>;

/** A meeting record's content, without the key and version. */
export type RecordValues = Omit<Insertable<MeetingRecordsTable>, 'meeting_id' | 'version'>;

/** Replaces a record if it still has `version`; false when someone changed it in between. */
export async function updateRecordRow(
  tx: Tx,
  meetingId: string,
  version: number,
  values: RecordValues,
): Promise<boolean> {
  const result = await tx
    .updateTable('meeting_records')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores a meeting's first record (version 1). */
export async function insertRecordRow(tx: Tx, meetingId: string, values: RecordValues): Promise<void> {
  await tx
    .insertInto('meeting_records')
    .values({ meeting_id: meetingId, ...values, version: 1 })
    .execute();
}

/** Replaces a meeting's attendance list. */
export async function replaceAttendance(
  tx: Tx,
  meetingId: string,
  entries: readonly { userId: string | null; personId: string | null; present: boolean }[],
): Promise<void> {
  await tx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  if (entries.length > 0)
    await tx
      .insertInto('meeting_attendance')
      .values(
        entries.map((entry) => ({
          meeting_id: meetingId,
          user_id: entry.userId,
          person_id: entry.personId,
          present: entry.present,
        })),
      )
      .execute();
}

/** An action's content, without its keys and bookkeeping. */
export type ActionValues = Omit<
  Insertable<MeetingActionsTable>,
  'id' | 'meeting_id' | 'network_id' | 'version' | 'created_at' | 'updated_at'
>;

/** Changes an action from the record form (no version check: the record's version guards it). */
export async function updateActionRow(
  tx: Tx,
  actionId: string,
  values: ActionValues,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('meeting_actions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', actionId)
    .execute();
}

/** Adds an action to a meeting. */
export async function insertActionRow(
  tx: Tx,
  meetingId: string,
  networkId: string,
  values: ActionValues,
): Promise<void> {
  await tx
    .insertInto('meeting_actions')
    .values({ meeting_id: meetingId, network_id: networkId, ...values })
    .execute();
}

/** Marks a meeting held once its record is stored. */
export async function markMeetingHeld(tx: Tx, meetingId: string, now: Date): Promise<void> {
  await tx
    .updateTable('meetings')
    .set((eb) => ({ status: 'held', version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', meetingId)
    .execute();
}

/** An action's id and version, if it belongs to this network. */
export async function readActionVersion(db: Executor, networkId: string, actionId: string) {
  return db
    .selectFrom('meeting_actions')
    .select(['id', 'version'])
    .where('id', '=', actionId)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
}

/** Sets an action's status if it still has `version`; false when someone changed it in between. */
export async function updateActionStatus(
  tx: Tx,
  actionId: string,
  version: number,
  status: 'open' | 'done' | 'dropped',
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('meeting_actions')
    .set((eb) => ({ status, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', actionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The meeting an action belongs to (the action must exist). */
export async function readActionMeetingId(db: Executor, actionId: string): Promise<string> {
  const row = await db
    .selectFrom('meeting_actions')
    .select('meeting_id')
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow();
  return row.meeting_id;
}
