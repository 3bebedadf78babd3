import type { AttendeeResponse } from './db-schema.js';

/**
 * The calendar port: where meeting events live. Microsoft Graph (the organiser's Outlook calendar)
 * in a tenant; the embedded calendar in the database, with .ics invitations, in the local run.
 * Instants are ISO 8601 strings with 'Z' or an offset; addresses are e-mail addresses.
 */
export interface CalendarPort {
  readonly kind: 'graph' | 'embedded';
  /**
   * Busy intervals per address between `from` and `to` (instants); unknown addresses come back with `error`.
   * `tenantOf` maps a lower-case address to its owner's Entra tenant (users.tenant_id): Graph asks each tenant
   * for its own staff. An address missing from it is read in the organiser's (home) tenant.
   */
  getSchedule(
    organiser: string,
    addresses: string[],
    from: string,
    to: string,
    tenantOf?: ReadonlyMap<string, string>,
  ): Promise<ScheduleOfAddress[]>;
  /**
   * Creates the event in the organiser's calendar. `transactionId` is the caller's idempotency key:
   * stored before the call, so after a failure {@link findByTransactionId} tells whether it exists.
   */
  createEvent(organiser: string, event: CalendarEventInput, transactionId: string): Promise<CreatedEvent>;
  /** The event created with this transaction id, or null: the reconcile step after a failed create. */
  findByTransactionId(organiser: string, transactionId: string): Promise<CreatedEvent | null>;
  /** Replaces time, location, subject, body and attendees; attendees get the update. */
  updateEvent(organiser: string, eventId: string, event: CalendarEventInput): Promise<void>;
  /** Cancels the event; attendees get the cancellation with `comment`. */
  cancelEvent(organiser: string, eventId: string, comment: string): Promise<void>;
  /** Each attendee's response as the calendar knows it. */
  readResponses(organiser: string, eventId: string): Promise<AttendeeResponseRow[]>;
}

export interface CalendarAttendee {
  address: string;
  name: string;
  type: 'required' | 'optional';
}

export interface CalendarEventInput {
  subject: string;
  /** HTML; goes to the attendees only (it may name allies), never to logs. */
  bodyHtml: string;
  location: { displayName: string; address: string | null } | null;
  start: string;
  end: string;
  /** IANA zone the event is shown in (Europe/Amsterdam). */
  timeZone: string;
  attendees: CalendarAttendee[];
  isOnlineMeeting: boolean;
}

export interface CreatedEvent {
  eventId: string;
  webLink: string | null;
  joinUrl: string | null;
  /** The Teams meeting chat's thread id (`19:meeting_…@thread.v2`), when the calendar knows it. */
  threadId: string | null;
}

export interface BusyInterval {
  start: string;
  end: string;
}

export interface ScheduleOfAddress {
  address: string;
  busy: BusyInterval[];
  /**
   * Set when the calendar could not tell: Graph's responseCode (e.g. an address it does not know), or
   * `tenant-not-consented` / `tenant-not-allowed` when the owner's tenant could not be asked at all.
   */
  error: string | null;
}

export interface AttendeeResponseRow {
  address: string;
  response: AttendeeResponse;
}

/** Raised by a calendar adapter when the calendar failed; status 0 means no answer arrived. */
export class CalendarError extends Error {
  override name = 'CalendarError';

  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`The calendar answered ${status === 0 ? 'nothing' : status} (${code})`);
  }
}
