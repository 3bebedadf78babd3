import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  type AttendeeResponseRow,
  type BusyInterval,
  CalendarError,
  type CalendarEventInput,
  type CalendarPort,
  type CreatedEvent,
  type ScheduleOfAddress,
} from '../meetings/calendar-port.js';
import { THREAD_ID_PATTERN, threadIdFromJoinUrl } from '../meetings/panel/teams-thread.js';
import { UpstreamError } from '../platform/upstream-error.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';
import { type TenantGraphClients, tenantRefusalOf } from './tenant-clients.js';

/** getSchedule answers for up to 100 schedules a call. */
export const SCHEDULES_PER_CALL = 100;
/** getSchedule refuses windows of 42 days or more; 40 leaves room for the time-zone edges. */
export const SCHEDULE_WINDOW_DAYS = 40;
/** Free/busy statuses that make an attendee unavailable (workingElsewhere and free do not). */
const BUSY_STATUSES = new Set(['busy', 'oof', 'tentative']);

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const scheduleResponse = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      availabilityView: z.string().optional(),
      scheduleItems: z
        .array(z.object({ status: z.string(), start: dateTimeTimeZone, end: dateTimeTimeZone }))
        .optional(),
      error: z.object({ message: z.string().optional(), responseCode: z.string() }).nullish(),
    }),
  ),
});
const eventResponse = z.object({
  id: z.string().min(1),
  webLink: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
const eventList = z.object({ value: z.array(eventResponse) });
/** The onlineMeeting resource, as far as the app reads it: the meeting chat's thread id. */
const onlineMeetingList = z.object({
  value: z.array(z.object({ chatInfo: z.object({ threadId: z.string().nullish() }).nullish() })),
});
const attendeesResponse = z.object({
  attendees: z.array(
    z.object({
      emailAddress: z.object({ address: z.string() }),
      status: z
        .object({
          response: z.enum([
            'none',
            'organizer',
            'tentativelyAccepted',
            'accepted',
            'declined',
            'notResponded',
          ]),
        })
        .nullish(),
    }),
  ),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new CalendarError(200, 'UnexpectedResponseShape');
  return parsed.data;
}

function failure(error: unknown): Error {
  const translated = translateGraphFailure(error);
  return translated instanceof GraphRequestError
    ? new CalendarError(translated.status, translated.code)
    : translated;
}

/** Graph's dateTime ('2026-03-10T17:00:00.0000000') in `timeZone` as an ISO instant. */
export function instantOf(value: { dateTime: string; timeZone: string }): string {
  const zone = value.timeZone === 'UTC' || value.timeZone === 'Etc/GMT' ? 'UTC' : value.timeZone;
  const parsed = DateTime.fromISO(value.dateTime.replace(/(\.\d{3})\d+$/, '$1'), { zone });
  if (!parsed.isValid) throw new CalendarError(200, 'UnexpectedTimeZone');
  return parsed.toUTC().toISO({ suppressMilliseconds: true }) as string;
}

/** An instant as Graph's dateTimeTimeZone: the wall-clock time in `timeZone`, without offset. */
export function wallClock(instant: string, timeZone: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone);
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone };
}

/** Splits [from, to) into windows getSchedule accepts. */
export function scheduleWindows(from: string, to: string): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  let start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  while (start < end) {
    const next = DateTime.min(start.plus({ days: SCHEDULE_WINDOW_DAYS }), end);
    windows.push({ from: start.toISO() as string, to: next.toISO() as string });
    start = next;
  }
  return windows;
}

function path(...segments: string[]): string {
  return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/**
 * The calendar port on Microsoft Graph: events in the organiser's Outlook calendar (app-only, home tenant), and
 * free/busy asked of each attendee's own tenant. The organiser's tenant answers for its staff through the
 * organiser's mailbox; another allowed tenant (the police) answers for its staff with its own app-only token,
 * through the first of them as the requesting mailbox (getSchedule needs a mailbox of the tenant in its path).
 * A tenant outside AAD_ALLOWED_TENANTS, or one whose administrator has not consented, degrades to an `error` on
 * its staff's entries, so the planner shows them as "availability unknown" instead of failing the plan.
 * Events need no other tenant: attendees are invited by address, which Exchange delivers across tenants.
 */
export class GraphCalendar implements CalendarPort {
  readonly kind = 'graph' as const;

  constructor(
    private readonly client: Client,
    /** Per-tenant clients for free/busy; without them every address is read in the home tenant. */
    private readonly tenants?: { homeTenantId: string; clients: TenantGraphClients },
  ) {}

  async getSchedule(
    organiser: string,
    addresses: string[],
    from: string,
    to: string,
    tenantOf?: ReadonlyMap<string, string>,
  ): Promise<ScheduleOfAddress[]> {
    const byAddress = new Map<string, { busy: BusyInterval[]; error: string | null }>(
      addresses.map((address) => [address.toLowerCase(), { busy: [], error: null }]),
    );
    const home = this.tenants?.homeTenantId.toLowerCase();
    const groups = new Map<string, string[]>();
    for (const address of addresses) {
      const tenant = (this.tenants && tenantOf?.get(address.toLowerCase())?.toLowerCase()) || home || '';
      const group = groups.get(tenant);
      if (group) group.push(address);
      else groups.set(tenant, [address]);
    }
    for (const [tenant, group] of groups) {
      if (!this.tenants || tenant === home) {
        await this.scheduleIn(this.client, organiser, group, from, to, byAddress);
        continue;
      }
      const { clients } = this.tenants;
      if (!clients.allows(tenant)) {
        refuseGroup(group, 'tenant-not-allowed', byAddress);
        continue;
      }
      try {
        await this.scheduleIn(clients.client(tenant), group[0] as string, group, from, to, byAddress);
      } catch (error) {
        const refusal = error instanceof Error ? tenantRefusalOf(error) : null;
        // The requesting mailbox unknown to its tenant: nobody in the group can be read through it.
        if (refusal || (error instanceof CalendarError && error.status === 404))
          refuseGroup(group, refusal ?? 'no-mailbox', byAddress);
        else throw error;
      }
    }
    return addresses.map((address) => {
      const entry = byAddress.get(address.toLowerCase()) ?? { busy: [], error: null };
      return { address, busy: entry.busy, error: entry.error };
    });
  }

  /** getSchedule through `requester`'s mailbox for `addresses`, in chunks and windows Graph accepts. */
  private async scheduleIn(
    client: Client,
    requester: string,
    addresses: string[],
    from: string,
    to: string,
    byAddress: Map<string, { busy: BusyInterval[]; error: string | null }>,
  ): Promise<void> {
    for (let i = 0; i < addresses.length; i += SCHEDULES_PER_CALL) {
      const chunk = addresses.slice(i, i + SCHEDULES_PER_CALL);
      for (const window of scheduleWindows(from, to)) {
        let body: unknown;
        try {
          body = await client
            .api(`${path('users', requester)}/calendar/getSchedule`)
            // Ask for the items in UTC, so no Windows time-zone name has to be mapped back.
            .header('Prefer', 'outlook.timezone="UTC"')
            .post({
              schedules: chunk,
              startTime: wallClock(window.from, 'UTC'),
              endTime: wallClock(window.to, 'UTC'),
              availabilityViewInterval: 30,
            });
        } catch (error) {
          throw failure(error);
        }
        for (const schedule of parse(scheduleResponse, body).value) {
          const entry = byAddress.get(schedule.scheduleId.toLowerCase());
          if (!entry) continue;
          if (schedule.error) entry.error = schedule.error.responseCode;
          for (const item of schedule.scheduleItems ?? []) {
            if (BUSY_STATUSES.has(item.status))
              entry.busy.push({ start: instantOf(item.start), end: instantOf(item.end) });
          }
        }
      }
    }
  }

  async createEvent(
    organiser: string,
    event: CalendarEventInput,
    transactionId: string,
  ): Promise<CreatedEvent> {
    let body: unknown;
    try {
      body = await this.client
        .api(path('users', organiser, 'events'))
        .post({ ...eventBody(event), transactionId });
    } catch (error) {
      throw failure(error);
    }
    return this.created(organiser, parse(eventResponse, body));
  }

  async findByTransactionId(organiser: string, transactionId: string): Promise<CreatedEvent | null> {
    let body: unknown;
    try {
      body = await this.client
        .api(path('users', organiser, 'events'))
        .filter(`transactionId eq '${transactionId.replace(/'/g, "''")}'`)
        .select(['id', 'webLink', 'onlineMeeting'])
        .top(1)
        .get();
    } catch (error) {
      throw failure(error);
    }
    const [first] = parse(eventList, body).value;
    return first ? this.created(organiser, first) : null;
  }

  async updateEvent(organiser: string, eventId: string, event: CalendarEventInput): Promise<void> {
    try {
      await this.client.api(path('users', organiser, 'events', eventId)).patch(eventBody(event));
    } catch (error) {
      throw failure(error);
    }
  }

  async cancelEvent(organiser: string, eventId: string, comment: string): Promise<void> {
    try {
      await this.client
        .api(`${path('users', organiser, 'events', eventId)}/cancel`)
        .post({ Comment: comment });
    } catch (error) {
      throw failure(error);
    }
  }

  async readResponses(organiser: string, eventId: string): Promise<AttendeeResponseRow[]> {
    let body: unknown;
    try {
      body = await this.client
        .api(path('users', organiser, 'events', eventId))
        .select(['attendees'])
        .get();
    } catch (error) {
      throw failure(error);
    }
    return parse(attendeesResponse, body).attendees.map((attendee) => ({
      address: attendee.emailAddress.address,
      response: attendee.status?.response ?? 'none',
    }));
  }

  /**
   * The created event with its Teams meeting's chat thread id. The event's onlineMeeting (onlineMeetingInfo)
   * has no thread id; a long join link carries it, a short one (`/meet/<id>?p=…`) does not, so then the
   * onlineMeeting resource is looked up by its join link (`chatInfo.threadId`). The event exists either way:
   * a failed look-up leaves the thread id null rather than failing the meeting.
   */
  private async created(organiser: string, event: z.infer<typeof eventResponse>): Promise<CreatedEvent> {
    const joinUrl = event.onlineMeeting?.joinUrl ?? null;
    const threadId =
      joinUrl === null ? null : (threadIdFromJoinUrl(joinUrl) ?? (await this.threadIdOf(organiser, joinUrl)));
    return { eventId: event.id, webLink: event.webLink ?? null, joinUrl, threadId };
  }

  /**
   * `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'` (app-only: OnlineMeetings.Read.All and an
   * application access policy for the organiser); null when Graph does not answer it.
   */
  private async threadIdOf(organiser: string, joinUrl: string): Promise<string | null> {
    try {
      const body = await this.client
        .api(`${path('users', organiser)}/onlineMeetings`)
        .filter(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`)
        .get();
      const threadId = onlineMeetingList.safeParse(body).data?.value[0]?.chatInfo?.threadId ?? null;
      return threadId !== null && THREAD_ID_PATTERN.test(threadId) ? threadId : null;
    } catch (error) {
      // Graph's or the token source's refusal leaves the id unknown; anything else is a defect and surfaces.
      if (translateGraphFailure(error) instanceof UpstreamError) return null;
      throw error;
    }
  }
}

/** Marks every address of a tenant's group as unreadable for `reason` (the planner shows "availability unknown"). */
function refuseGroup(
  group: readonly string[],
  reason: string,
  byAddress: Map<string, { busy: BusyInterval[]; error: string | null }>,
): void {
  for (const address of group) {
    const entry = byAddress.get(address.toLowerCase());
    if (entry) entry.error = reason;
  }
}

/** The event resource Graph expects on create and update (always with the attendees hidden from each other). */
export function eventBody(event: CalendarEventInput): Record<string, unknown> {
  return {
    subject: event.subject,
    body: { contentType: 'html', content: event.bodyHtml },
    start: wallClock(event.start, event.timeZone),
    end: wallClock(event.end, event.timeZone),
    ...(event.location
      ? {
          location: {
            displayName: event.location.displayName,
            ...(event.location.address ? { address: { street: event.location.address } } : {}),
          },
        }
      : {}),
    attendees: event.attendees.map((attendee) => ({
      emailAddress: { address: attendee.address, name: attendee.name },
      type: attendee.type,
    })),
    isOnlineMeeting: event.isOnlineMeeting,
    ...(event.isOnlineMeeting ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
    // Each attendee sees only themselves in the meeting request and its tracking list, so no ally
    // learns another's private address (AVG; issue 18). The organiser's calendar, which the tab reads
    // the responses from, keeps the whole list.
    hideAttendees: true,
  };
}
