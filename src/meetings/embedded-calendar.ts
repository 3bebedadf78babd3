import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type {
  AttendeeResponseRow,
  CalendarEventInput,
  CalendarPort,
  CreatedEvent,
  ScheduleOfAddress,
} from './calendar-port.js';
import { CalendarError } from './calendar-port.js';
import { buildInvitation, htmlToText } from './ics.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The calendar port in the database, for the local run without a Microsoft 365 tenant. Every
 * invitation, update and cancellation lands in `calendar_outbox` as an .ics file (the local "mail"),
 * which the tab offers for download.
 */
export class EmbeddedCalendar implements CalendarPort {
  readonly kind = 'embedded' as const;

  constructor(private readonly db: Kysely<Database>) {}

  async getSchedule(
    _organiser: string,
    addresses: string[],
    from: string,
    to: string,
  ): Promise<ScheduleOfAddress[]> {
    if (addresses.length === 0) return [];
    const lower = addresses.map((address) => address.toLowerCase());
    const rows = await this.db
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
    const busy = new Map<string, Map<string, { start: string; end: string }>>(
      lower.map((a) => [a, new Map()]),
    );
    for (const row of rows) {
      const interval = {
        start: new Date(row.starts_at).toISOString(),
        end: new Date(row.ends_at).toISOString(),
      };
      const key = `${interval.start}/${interval.end}`;
      busy.get(row.organiser.toLowerCase())?.set(key, interval);
      if (row.address && row.response !== 'declined') busy.get(row.address.toLowerCase())?.set(key, interval);
    }
    return addresses.map((address) => ({
      address,
      busy: [...(busy.get(address.toLowerCase())?.values() ?? [])].sort((a, b) =>
        a.start.localeCompare(b.start),
      ),
      error: null,
    }));
  }

  async createEvent(
    organiser: string,
    event: CalendarEventInput,
    transactionId: string,
  ): Promise<CreatedEvent> {
    return this.db.transaction().execute(async (tx) => {
      const existing = await this.byTransaction(tx, organiser, transactionId);
      if (existing) return existing;
      const row = await tx
        .insertInto('calendar_events')
        .values({
          organiser,
          transaction_id: transactionId,
          uid: `${randomUUID()}@bondgenoten.local`,
          subject: event.subject,
          body_html: event.bodyHtml,
          location: locationText(event),
          starts_at: event.start,
          ends_at: event.end,
          time_zone: event.timeZone,
          is_online_meeting: event.isOnlineMeeting,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await this.replaceAttendees(tx, row.id, event);
      await this.queueInvitation(tx, row.id, 'REQUEST');
      return { eventId: row.id, webLink: null, joinUrl: null };
    });
  }

  async findByTransactionId(organiser: string, transactionId: string): Promise<CreatedEvent | null> {
    return this.byTransaction(this.db, organiser, transactionId);
  }

  async updateEvent(organiser: string, eventId: string, event: CalendarEventInput): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await this.requireEvent(tx, organiser, eventId);
      await tx
        .updateTable('calendar_events')
        .set((eb) => ({
          subject: event.subject,
          body_html: event.bodyHtml,
          location: locationText(event),
          starts_at: event.start,
          ends_at: event.end,
          time_zone: event.timeZone,
          is_online_meeting: event.isOnlineMeeting,
          sequence: eb('sequence', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', eventId)
        .execute();
      await this.replaceAttendees(tx, eventId, event);
      await this.queueInvitation(tx, eventId, 'REQUEST');
    });
  }

  async cancelEvent(organiser: string, eventId: string, comment: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const current = await this.requireEvent(tx, organiser, eventId);
      if (current.status === 'cancelled') return;
      await tx
        .updateTable('calendar_events')
        .set((eb) => ({
          status: 'cancelled',
          sequence: eb('sequence', '+', 1),
          // The comment travels with the cancellation, as Outlook puts it above the event body.
          body_html: `<p>${escapeHtml(comment)}</p>${current.body_html}`,
          updated_at: new Date(),
        }))
        .where('id', '=', eventId)
        .execute();
      await this.queueInvitation(tx, eventId, 'CANCEL');
    });
  }

  async readResponses(organiser: string, eventId: string): Promise<AttendeeResponseRow[]> {
    await this.requireEvent(this.db, organiser, eventId);
    return this.db
      .selectFrom('calendar_attendees')
      .select(['address', 'response'])
      .where('event_id', '=', eventId)
      .orderBy('address')
      .execute();
  }

  /** Records an attendee's answer (the local stand-in for replying to the invitation). */
  async respond(eventId: string, address: string, response: AttendeeResponseRow['response']): Promise<void> {
    const result = await this.db
      .updateTable('calendar_attendees')
      .set({ response })
      .where('event_id', '=', eventId)
      .where(sql<string>`lower(address)`, '=', address.toLowerCase())
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new CalendarError(404, 'ErrorItemNotFound');
  }

  /** The latest invitation or cancellation of an event, as .ics text (null if the event is unknown). */
  async latestInvitation(eventId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('calendar_outbox')
      .select('ics')
      .where('event_id', '=', eventId)
      .orderBy('created_at', 'desc')
      .orderBy('sequence', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.ics ?? null;
  }

  private async byTransaction(
    executor: Executor,
    organiser: string,
    transactionId: string,
  ): Promise<CreatedEvent | null> {
    const row = await executor
      .selectFrom('calendar_events')
      .select(['id', 'join_url'])
      .where('organiser', '=', organiser)
      .where('transaction_id', '=', transactionId)
      .executeTakeFirst();
    return row ? { eventId: row.id, webLink: null, joinUrl: row.join_url } : null;
  }

  private async requireEvent(executor: Executor, organiser: string, eventId: string) {
    const row = await executor
      .selectFrom('calendar_events')
      .selectAll()
      .where('id', '=', eventId)
      .where('organiser', '=', organiser)
      .executeTakeFirst();
    if (!row) throw new CalendarError(404, 'ErrorItemNotFound');
    return row;
  }

  private async replaceAttendees(tx: Transaction<Database>, eventId: string, event: CalendarEventInput) {
    await tx.deleteFrom('calendar_attendees').where('event_id', '=', eventId).execute();
    const unique = new Map(event.attendees.map((a) => [a.address.toLowerCase(), a]));
    if (unique.size === 0) return;
    await tx
      .insertInto('calendar_attendees')
      .values(
        [...unique.values()].map((attendee) => ({
          event_id: eventId,
          address: attendee.address,
          name: attendee.name,
          attendee_type: attendee.type,
          // A moved meeting asks again, as Outlook does when the time changes.
          response: 'notResponded' as const,
        })),
      )
      .execute();
  }

  private async queueInvitation(tx: Transaction<Database>, eventId: string, method: 'REQUEST' | 'CANCEL') {
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
    const ics = buildInvitation({
      uid: event.uid,
      sequence: event.sequence,
      method,
      subject: event.subject,
      description: htmlToText(event.body_html),
      html: event.body_html,
      location: event.location,
      start: new Date(event.starts_at).toISOString(),
      end: new Date(event.ends_at).toISOString(),
      organiser: { address: event.organiser, name: event.organiser },
      attendees: attendees.map((a) => ({
        address: a.address,
        name: a.name ?? a.address,
        type: a.attendee_type,
        response: a.response,
      })),
    });
    await tx
      .insertInto('calendar_outbox')
      .values({
        event_id: eventId,
        method,
        sequence: event.sequence,
        recipients: attendees.map((a) => a.address),
        subject: event.subject,
        ics,
      })
      .execute();
  }
}

function locationText(event: CalendarEventInput): string | null {
  if (!event.location) return null;
  return event.location.address
    ? `${event.location.displayName}, ${event.location.address}`
    : event.location.displayName;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
