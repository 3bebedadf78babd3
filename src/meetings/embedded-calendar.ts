import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import type {
  AttendeeResponseRow,
  CalendarEventInput,
  CalendarPort,
  CreatedEvent,
  ScheduleOfAddress,
} from './calendar-port.js';
import { CalendarError } from './calendar-port.js';
import {
  cancelEventRow,
  findEventByTransaction,
  insertEvent,
  insertOutboxInvitation,
  readAttendeeResponses,
  readBusyRows,
  readEventWithAttendees,
  readLatestInvitation,
  readOrganisersEvent,
  replaceAttendeeRows,
  updateAttendeeResponse,
  updateEventRow,
} from './embedded-calendar-store.js';
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
    const rows = await readBusyRows(this.db, lower, from, to);
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
    return transaction(this.db, async (tx) => {
      const existing = await this.byTransaction(tx, organiser, transactionId);
      if (existing) return existing;
      const id = await insertEvent(tx, {
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
      });
      await replaceAttendeeRows(tx, id, event.attendees);
      await this.queueInvitation(tx, id, 'REQUEST');
      return { eventId: id, webLink: null, joinUrl: null, threadId: null };
    });
  }

  async findByTransactionId(organiser: string, transactionId: string): Promise<CreatedEvent | null> {
    return this.byTransaction(this.db, organiser, transactionId);
  }

  async updateEvent(organiser: string, eventId: string, event: CalendarEventInput): Promise<void> {
    await transaction(this.db, async (tx) => {
      await this.requireEvent(tx, organiser, eventId);
      await updateEventRow(tx, eventId, {
        subject: event.subject,
        body_html: event.bodyHtml,
        location: locationText(event),
        starts_at: event.start,
        ends_at: event.end,
        time_zone: event.timeZone,
        is_online_meeting: event.isOnlineMeeting,
      });
      await replaceAttendeeRows(tx, eventId, event.attendees);
      await this.queueInvitation(tx, eventId, 'REQUEST');
    });
  }

  async cancelEvent(organiser: string, eventId: string, comment: string): Promise<void> {
    await transaction(this.db, async (tx) => {
      const current = await this.requireEvent(tx, organiser, eventId);
      if (current.status === 'cancelled') return;
      // The comment travels with the cancellation, as Outlook puts it above the event body.
      await cancelEventRow(tx, eventId, `<p>${escapeHtml(comment)}</p>${current.body_html}`);
      await this.queueInvitation(tx, eventId, 'CANCEL');
    });
  }

  async readResponses(organiser: string, eventId: string): Promise<AttendeeResponseRow[]> {
    await this.requireEvent(this.db, organiser, eventId);
    return readAttendeeResponses(this.db, eventId);
  }

  /** Records an attendee's answer (the local stand-in for replying to the invitation). */
  async respond(eventId: string, address: string, response: AttendeeResponseRow['response']): Promise<void> {
    if (!(await updateAttendeeResponse(this.db, eventId, address, response)))
      throw new CalendarError(404, 'ErrorItemNotFound');
  }

  /**
   * The organiser's copy of an event's latest invitation or cancellation, with every attendee, as .ics
   * text (null if the event is unknown): what staff download from the tab.
   */
  async latestInvitation(eventId: string): Promise<string | null> {
    return readLatestInvitation(this.db, eventId);
  }

  private async byTransaction(
    executor: Executor,
    organiser: string,
    transactionId: string,
  ): Promise<CreatedEvent | null> {
    const row = await findEventByTransaction(executor, organiser, transactionId);
    return row ? { eventId: row.id, webLink: null, joinUrl: row.join_url, threadId: null } : null;
  }

  private async requireEvent(executor: Executor, organiser: string, eventId: string) {
    const row = await readOrganisersEvent(executor, organiser, eventId);
    if (!row) throw new CalendarError(404, 'ErrorItemNotFound');
    return row;
  }

  /**
   * Queues one .ics per attendee, naming only that attendee (the local counterpart of Graph's
   * `hideAttendees`: no ally finds another's address in their invitation), and the organiser's own
   * copy with the whole list, which staff download from the tab.
   */
  private async queueInvitation(tx: Transaction<Database>, eventId: string, method: 'REQUEST' | 'CANCEL') {
    const { event, attendees } = await readEventWithAttendees(tx, eventId);
    const everyone = attendees.map((a) => ({
      address: a.address,
      name: a.name ?? a.address,
      type: a.attendee_type,
      response: a.response,
    }));
    const copy = (recipients: string[], listed: typeof everyone) => ({
      event_id: eventId,
      method,
      sequence: event.sequence,
      recipients,
      subject: event.subject,
      ics: buildInvitation({
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
        attendees: listed,
      }),
    });
    for (const attendee of everyone) await insertOutboxInvitation(tx, copy([attendee.address], [attendee]));
    await insertOutboxInvitation(tx, copy([event.organiser], everyone));
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
