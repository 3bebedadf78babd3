import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * Meetings' part in the retention job (issue 18, kind `meeting-records`) and in the measure of activity
 * (kind `key-figures-inactive`). Ids and counts only leave this file.
 */

/** What a finished action's text becomes once retention removed it. */
export const EXPIRED_ACTION_TEXT = 'Verwijderd na de bewaartermijn';

/**
 * Expires the free text and the addresses of the meetings of the given networks held (or planned) on or before
 * `onOrBefore` and not expired yet: the record's notes (`themes_text`) and the texts of finished or dropped
 * actions go (open actions are still work and stay), each response's address becomes an `.invalid` address
 * made with a key thrown away and loses its person, and the local calendar's copy of the event (attendees'
 * addresses and names, the sent .ics files) is cleaned. The themes, the mood, attendance and the responses
 * themselves stay, so every count stays right.
 *
 * Marked with `records_expired_at` in the same transaction: expired (and counted) once, also when two callers
 * race. With `dryRun` it only counts. Returns the meetings expired.
 */
export async function expireMeetingRecords(
  db: Kysely<Database>,
  request: { networkIds: readonly string[]; onOrBefore: string; dryRun: boolean; now: Date },
): Promise<number> {
  if (request.networkIds.length === 0) return 0;
  const due = db
    .selectFrom('meetings')
    .where('network_id', 'in', [...request.networkIds])
    .where('meeting_date', '<=', request.onOrBefore)
    .where('records_expired_at', 'is', null);
  if (request.dryRun) {
    const row = await due.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }
  const candidates = (await due.select('id').execute()).map((row) => row.id);
  if (candidates.length === 0) return 0;
  const key = randomUUID();
  const pseudonymous = (column: string) =>
    sql<string>`'verlopen-' || left(md5(${key} || ${sql.ref(column)}), 16) || '@erased.invalid'`;
  return db.transaction().execute(async (tx) => {
    const marked = await tx
      .updateTable('meetings')
      .set({ records_expired_at: request.now })
      .where('id', 'in', candidates)
      .where('records_expired_at', 'is', null)
      .returning(['id', 'calendar_event_id'])
      .execute();
    if (marked.length === 0) return 0;
    const ids = marked.map((row) => row.id);
    await tx
      .updateTable('meeting_records')
      .set({ themes_text: null })
      .where('meeting_id', 'in', ids)
      .execute();
    await tx
      .updateTable('meeting_actions')
      .set({ description: EXPIRED_ACTION_TEXT })
      .where('meeting_id', 'in', ids)
      .where('status', '<>', 'open')
      .execute();
    await tx
      .updateTable('meeting_responses')
      .set({ address: pseudonymous('address'), person_id: null })
      .where('meeting_id', 'in', ids)
      .where('address', 'not like', '%@erased.invalid')
      .execute();
    const events = marked.flatMap((row) => (row.calendar_event_id ? [row.calendar_event_id] : []));
    if (events.length > 0) {
      const inEvents = sql<boolean>`event_id::text in (${sql.join(events)})`;
      await tx
        .updateTable('calendar_attendees')
        .set({ address: pseudonymous('address'), name: null })
        .where(inEvents)
        .where('address', 'not like', '%@erased.invalid')
        .execute();
      await tx.deleteFrom('calendar_outbox').where(inEvents).execute();
    }
    return ids.length;
  });
}

/** The people present at a meeting on or after the local day `since`: ids only. */
export async function readMeetingActivitySince(db: Kysely<Database>, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select('a.person_id')
    .distinct()
    .where('a.present', '=', true)
    .where('a.person_id', 'is not', null)
    .where('m.meeting_date', '>=', since)
    .execute();
  return rows.flatMap((row) => (row.person_id ? [row.person_id] : []));
}

/**
 * Inzage (issue 18, AVG art. 15): the person's responses to meeting invitations (with the address they were
 * sent to) and their attendance, by meeting day, oldest first.
 */
export async function describeMeetingsOfPerson(
  db: Kysely<Database>,
  personId: string,
): Promise<
  { kind: string; rows: { on: string | null; facts: Record<string, string | number | boolean | null> }[] }[]
> {
  const responses = await db
    .selectFrom('meeting_responses as r')
    .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
    .select(['m.meeting_date', 'm.id', 'm.status', 'r.response', 'r.address'])
    .where('r.person_id', '=', personId)
    .orderBy('m.meeting_date')
    .execute();
  const attendance = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select(['m.meeting_date', 'm.id', 'a.present'])
    .where('a.person_id', '=', personId)
    .orderBy('m.meeting_date')
    .execute();
  return [
    {
      kind: 'meeting-responses',
      rows: responses.map((row) => ({
        on: String(row.meeting_date),
        facts: { meetingId: row.id, status: row.status, response: row.response, address: row.address },
      })),
    },
    {
      kind: 'meeting-attendance',
      rows: attendance.map((row) => ({
        on: String(row.meeting_date),
        facts: { meetingId: row.id, present: row.present },
      })),
    },
  ];
}
