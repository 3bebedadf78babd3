import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AttendeeResponseRow, CalendarEventInput } from './calendar-port.js';
import type { CalendarEventsTable, CalendarOutboxTable } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
type Tx = Transaction<Database>;

/** Confirmed events between `from` and `to` that these (lower-cased) addresses organise or attend. */
export async function readBusyRows(db: Executor, lower: string[], from: string, to: string) {
  return db
    .selectFrom('calendar_events as e')
    .leftJoin('calendar_attendees as a', 'a.event_id', 'e.id')
    .select(['e.organiser', 'a.address', 'a.response', 'e.starts_at', 'e.ends_at'])
    .where('e.status', '=', 'confirmed')
    .where('e.starts_at', '<', new Date(to))
    .where('e.ends_at', '>', new Date(from))
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(e.organiser)`, 'in', lower),
        eb(sql<string>`lower(a.address)`, 'in', lower),
      ]),
    )
    .execute();
}

/** The organiser's event created with this transaction id, if any. */
export async function findEventByTransaction(db: Executor, organiser: string, transactionId: string) {
  return db
    .selectFrom('calendar_events')
    .select(['id', 'join_url'])
    .where('organiser', '=', organiser)
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
}

/** Stores a new event and returns its id. */
export async function insertEvent(tx: Tx, event: Insertable<CalendarEventsTable>): Promise<string> {
  const row = await tx
    .insertInto('calendar_events')
    .values(event)
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The organiser's event with this id, if any. */
export async function readOrganisersEvent(db: Executor, organiser: string, eventId: string) {
  return db
    .selectFrom('calendar_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('organiser', '=', organiser)
    .executeTakeFirst();
}

/** The event fields an update sets. */
export interface EventContent {
  subject: string;
  body_html: string;
  location: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  is_online_meeting: boolean;
}

/** Changes an event and bumps its sequence (as Outlook does on an update). */
export async function updateEventRow(tx: Tx, eventId: string, content: EventContent): Promise<void> {
  await tx
    .updateTable('calendar_events')
    .set((eb) => ({ ...content, sequence: eb('sequence', '+', 1), updated_at: new Date() }))
    .where('id', '=', eventId)
    .execute();
}

/** Cancels an event with the body it carries from now on, bumping its sequence. */
export async function cancelEventRow(tx: Tx, eventId: string, bodyHtml: string): Promise<void> {
  await tx
    .updateTable('calendar_events')
    .set((eb) => ({
      status: 'cancelled',
      sequence: eb('sequence', '+', 1),
      body_html: bodyHtml,
      updated_at: new Date(),
    }))
    .where('id', '=', eventId)
    .execute();
}

/** An event's attendees with their responses, by address. */
export async function readAttendeeResponses(db: Executor, eventId: string): Promise<AttendeeResponseRow[]> {
  return db
    .selectFrom('calendar_attendees')
    .select(['address', 'response'])
    .where('event_id', '=', eventId)
    .orderBy('address')
    .execute();
}

/** Records an attendee's answer; false when the event has no such attendee. */
export async function updateAttendeeResponse(
  db: Executor,
  eventId: string,
  address: string,
  response: AttendeeResponseRow['response'],
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_attendees')
    .set({ response })
    .where('event_id', '=', eventId)
    .where(sql<string>`lower(address)`, '=', address.toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The organiser's copy of an event's latest invitation or cancellation (every attendee listed), as .ics text. */
export async function readLatestInvitation(db: Executor, eventId: string): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_outbox as o')
    .innerJoin('calendar_events as e', 'e.id', 'o.event_id')
    .select('o.ics')
    .where('o.event_id', '=', eventId)
    .where(sql<boolean>`e.organiser = any(o.recipients)`)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.ics ?? null;
}

/** Replaces an event's attendees (one per address); each is asked again, as Outlook does when the time changes. */
export async function replaceAttendeeRows(
  tx: Tx,
  eventId: string,
  attendees: CalendarEventInput['attendees'],
): Promise<void> {
  await tx.deleteFrom('calendar_attendees').where('event_id', '=', eventId).execute();
  const unique = new Map(attendees.map((a) => [a.address.toLowerCase(), a]));
  if (unique.size === 0) return;
  await tx
    .insertInto('calendar_attendees')
    .values(
      [...unique.values()].map((attendee) => ({
        event_id: eventId,
        address: attendee.address,
        name: attendee.name,
        attendee_type: attendee.type,
        response: 'notResponded' as const,
      })),
    )
    .execute();
}

/** An event (which must exist) and its attendees by address. */
export async function readEventWithAttendees(tx: Tx, eventId: string) {
  const event = await tx
    .selectFrom('calendar_events')
    .selectAll()
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const attendees = await tx
    .selectFrom('calendar_attendees')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('address')
    .execute();
  return { event, attendees };
}

/** Queues an invitation or cancellation (.ics) in the local outbox. */
export async function insertOutboxInvitation(tx: Tx, row: Insertable<CalendarOutboxTable>): Promise<void> {
  await tx.insertInto('calendar_outbox').values(row).execute();
}

/** Who may see an invitation of the embedded calendar (the local run's outbox page). */
export interface InvitationReader {
  isAdministrator: boolean;
  /** Lower-cased e-mail address, or '' when the user has none. */
  address: string;
  /** Staff of these networks see their meetings' invitations. */
  networkIds: readonly string[];
  /** Events the reader may see besides (the call-out meetings they organise), as calendar event ids. */
  eventIds: readonly string[];
}

/**
 * The newest `limit` invitations of the embedded calendar the reader may see: their organiser and attendees,
 * staff of the meeting's network, and whoever `eventIds` lets in.
 */
export async function readInvitations(db: Executor, reader: InvitationReader, limit: number) {
  const networks = sql`cast(${`{${reader.networkIds.join(',')}}`} as uuid[])`;
  const events =
    reader.eventIds.length > 0 ? sql`e.id::text in (${sql.join([...reader.eventIds])})` : sql`false`;
  const result = await sql<{
    id: string;
    created_at: Date;
    subject: string;
    organiser: string;
    recipients: string[];
    method: string;
    ics: string;
  }>`
    select o.id, o.created_at, o.subject, e.organiser, o.recipients, o.method, o.ics
    from calendar_outbox o join calendar_events e on e.id = o.event_id
    where ${reader.isAdministrator}
      or lower(e.organiser) = ${reader.address}
      or exists (select 1 from unnest(o.recipients) r where lower(r) = ${reader.address})
      or exists (select 1 from meetings m where m.calendar_event_id = e.id::text and m.network_id = any(${networks}))
      or ${events}
    order by o.created_at desc
    limit ${limit}`.execute(db);
  return result.rows;
}
