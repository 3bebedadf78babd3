import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import type { CreatedEvent } from '../calendar-port.js';
import type { MeetingResponsesTable } from '../db-schema.js';
import type { Executor } from '../meeting-store.js';

/** Stores the calendar event a meeting got. */
export async function storeCreated(db: Executor, meetingId: string, created: CreatedEvent) {
  await db
    .updateTable('meetings')
    .set({
      calendar_state: 'created',
      calendar_event_id: created.eventId,
      calendar_web_link: created.webLink,
      join_url: created.joinUrl,
      teams_thread_id: created.threadId,
      updated_at: new Date(),
    })
    .where('id', '=', meetingId)
    .execute();
}

/** Marks the calendar event failed, unless an event was stored meanwhile. */
export async function markCalendarFailed(db: Executor, meetingId: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ calendar_state: 'failed' })
    .where('id', '=', meetingId)
    .where('calendar_event_id', 'is', null)
    .execute();
}

/** A response read back from the calendar, without the meeting it belongs to. */
export type ResponseValues = Omit<Insertable<MeetingResponsesTable>, 'meeting_id'>;

/** Replaces the responses stored for a meeting with the ones just read, in one transaction. */
export async function replaceResponses(
  db: Kysely<Database>,
  meetingId: string,
  responses: readonly ResponseValues[],
): Promise<void> {
  await transaction(db, async (tx) => {
    await tx.deleteFrom('meeting_responses').where('meeting_id', '=', meetingId).execute();
    if (responses.length === 0) return;
    await tx
      .insertInto('meeting_responses')
      .values(responses.map((response) => ({ meeting_id: meetingId, ...response })))
      .execute();
  });
}
