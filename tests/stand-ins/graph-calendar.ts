import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { type GraphAnswer, graphError, readGraphBody } from './graph-wire.js';

/**
 * A loopback stand-in for the Microsoft Graph v1.0 calendar endpoints the meetings capability uses,
 * in Graph's wire format:
 * - `POST /users/{id}/calendar/getSchedule` (scheduleInformation with availabilityView and
 *   scheduleItems; at most 100 schedules and less than 42 days per call; unknown mailboxes answer
 *   with an `error` in their entry; items in the zone the `Prefer: outlook.timezone` header names);
 * - `POST /users/{id}/events` (201 with id, webLink, onlineMeeting.joinUrl; a repeated transactionId
 *   returns the existing event, as Graph documents for client retries), `GET /users/{id}/events`
 *   with `$filter=transactionId eq '…'`, `GET`/`PATCH /users/{id}/events/{id}`, and
 *   `POST /users/{id}/events/{id}/cancel` (202);
 * - `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'` (the organiser's onlineMeeting resources with
 *   that join link, with `chatInfo.threadId`; 403 when the tenant has no application access policy for the
 *   organiser, as app-only calls then get);
 * - online events get the long join link (`/l/meetup-join/19%3ameeting_…%40thread.v2/0`) or, with
 *   `joinLinks = 'short'`, Teams' newer short one (`/meet/<digits>?p=…`) that carries no thread id;
 * - injectable 429/503 answers with Retry-After, and a "fail after create" mode: the event is made
 *   but the answer is a 503 or a reset connection.
 * It records every request with its parsed JSON body. Given `verifyToken` instead of a fixed `token`, it knows
 * several tenants as Graph does: the bearer token names its tenant (`tid`), and a mailbox placed in a tenant
 * (`mailboxTenants`) is only known to that tenant's tokens: to another's, getSchedule answers as for an unknown
 * mailbox (404 in the path, an error item in `schedules`).
 */
export interface GraphCalendarStandIn {
  baseUrl: string;
  origin: string;
  requests: RecordedCalendarRequest[];
  /** Events per organiser address (lower case). */
  events: Map<string, StandInEvent[]>;
  /** Mailboxes the tenant knows, with busy items of their own (lower-case addresses). */
  mailboxes: Map<string, { status: string; start: string; end: string }[]>;
  /** The tenant each mailbox lives in (lower-case address to tenant id); a mailbox not listed is in every one. */
  mailboxTenants: Map<string, string>;
  failNext(count: number, status: 429 | 503, retryAfterSeconds?: number): void;
  /** The next event creation stores the event, then answers 503 (Retry-After 0) or resets the connection. */
  failAfterCreate(mode: '503' | 'reset'): void;
  /** Which join link online events get: the long one with the thread id (default) or the short one. */
  joinLinks: 'long' | 'short';
  /** Whether app-only onlineMeetings calls are refused (no application access policy; default false). */
  onlineMeetingsForbidden: boolean;
  /** Teams meetings made for online events, with their chat thread ids. */
  onlineMeetings: StandInOnlineMeeting[];
  /** Whether a repeated transactionId returns the existing event (Graph's behaviour; default true). */
  dedupeTransactionId: boolean;
  /** Sets an attendee's response, as if they answered in Outlook. */
  respond(eventId: string, address: string, response: string): void;
  /**
   * The meeting request as one attendee's mailbox receives it: with `hideAttendees` Graph shows each
   * attendee only themselves (and the organiser), otherwise the whole list. Null if they are not invited.
   */
  invitationFor(eventId: string, address: string): { attendees: string[] } | null;
  close(): Promise<void>;
}

export interface RecordedCalendarRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
  /** The tenant of the bearer token (`tid`), when the stand-in verifies tokens. */
  tenantId: string | null;
}

export interface StandInEvent {
  id: string;
  transactionId: string | null;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location: Record<string, unknown> | null;
  attendees: {
    emailAddress: { address: string; name?: string };
    type: string;
    status: { response: string; time: string };
  }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string | null;
  /** Graph's `hideAttendees`: each attendee sees only themselves in the request and tracking list. */
  hideAttendees: boolean;
  isCancelled: boolean;
  cancelComment: string | null;
  webLink: string;
  onlineMeeting: { joinUrl: string } | null;
}

export interface StandInOnlineMeeting {
  id: string;
  organiser: string;
  joinWebUrl: string;
  threadId: string;
  start: string;
  end: string;
  subject: string;
}

type Answer = GraphAnswer;

/** Graph's dateTimeTimeZone to a luxon instant; Graph accepts Windows and IANA names, this knows IANA and UTC. */
function instant(value: unknown): DateTime | null {
  if (typeof value !== 'object' || value === null) return null;
  const { dateTime, timeZone } = value as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string' || typeof timeZone !== 'string') return null;
  if (/[zZ]|[+-]\d\d:\d\d$/.test(dateTime)) return null; // Graph wants the wall-clock time without offset
  const parsed = DateTime.fromISO(dateTime, { zone: timeZone === 'UTC' ? 'utc' : timeZone });
  return parsed.isValid ? parsed : null;
}

function inZone(value: DateTime, zone: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${value.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: zone };
}

export async function startGraphCalendarStandIn(
  options:
    | { token: string }
    | { verifyToken: (token: string, audience: string) => Promise<{ tid: string } | null> },
): Promise<GraphCalendarStandIn> {
  const requests: RecordedCalendarRequest[] = [];
  const failures: { status: 429 | 503; retryAfterSeconds?: number }[] = [];
  let failAfterCreate: '503' | 'reset' | null = null;
  let origin = '';

  const eventsOf = (organiser: string) => {
    const key = organiser.toLowerCase();
    let list = standIn.events.get(key);
    if (!list) {
      list = [];
      standIn.events.set(key, list);
    }
    return list;
  };

  function view(event: StandInEvent) {
    return {
      '@odata.etag': `W/"${event.id}"`,
      id: event.id,
      subject: event.subject,
      body: event.body,
      start: event.start,
      end: event.end,
      location: event.location ?? { displayName: '' },
      attendees: event.attendees,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider ?? 'unknown',
      hideAttendees: event.hideAttendees,
      isCancelled: event.isCancelled,
      webLink: event.webLink,
      onlineMeeting: event.onlineMeeting,
      ...(event.transactionId ? { transactionId: event.transactionId } : {}),
    };
  }

  function applyEventBody(event: StandInEvent, body: Record<string, unknown>): Answer | null {
    if (body.subject !== undefined) event.subject = String(body.subject);
    if (body.body !== undefined) event.body = body.body as StandInEvent['body'];
    for (const key of ['start', 'end'] as const) {
      if (body[key] === undefined) continue;
      if (!instant(body[key]))
        return graphError(
          400,
          'TimeZoneNotSupportedException',
          `A valid TimeZone value must be specified in ${key}.`,
        );
      event[key] = body[key] as StandInEvent['start'];
    }
    if (body.location !== undefined) event.location = body.location as Record<string, unknown>;
    if (body.attendees !== undefined)
      event.attendees = (
        body.attendees as { emailAddress: { address: string; name?: string }; type: string }[]
      ).map((a) => ({
        ...a,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      }));
    if (body.isOnlineMeeting !== undefined) event.isOnlineMeeting = Boolean(body.isOnlineMeeting);
    if (body.hideAttendees !== undefined) {
      if (typeof body.hideAttendees !== 'boolean')
        return graphError(
          400,
          'RequestBodyRead',
          "Cannot convert the literal to the expected type 'Edm.Boolean'.",
        );
      event.hideAttendees = body.hideAttendees;
    }
    if (body.onlineMeetingProvider !== undefined)
      event.onlineMeetingProvider = String(body.onlineMeetingProvider);
    return null;
  }

  /** Whether a token of tenant `tid` (null: the fixed-token mode) sees this mailbox. */
  const knows = (address: string, tid: string | null) => {
    const key = address.toLowerCase();
    if (!standIn.mailboxes.has(key)) return false;
    const tenant = standIn.mailboxTenants.get(key);
    return tid === null || tenant === undefined || tenant === tid;
  };

  function getSchedule(
    organiser: string,
    body: unknown,
    headers: IncomingHttpHeaders,
    tid: string | null,
  ): Answer {
    const request = body as {
      schedules?: unknown;
      startTime?: unknown;
      endTime?: unknown;
      availabilityViewInterval?: unknown;
    };
    const start = instant(request?.startTime);
    const end = instant(request?.endTime);
    if (!Array.isArray(request?.schedules) || !start || !end)
      return graphError(400, 'ErrorInvalidRequest', 'The request is invalid.');
    if (request.schedules.length > 100)
      return graphError(400, 'ErrorExceededMaxNumberOfSchedules', 'Too many schedules requested.');
    if (end.diff(start, 'days').days >= 42)
      return graphError(400, 'ErrorInvalidTimeInterval', 'The time interval must be less than 42 days.');
    if (!knows(organiser, tid))
      return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const zone = /outlook\.timezone="([^"]+)"/.exec(String(headers.prefer ?? ''))?.[1] ?? 'UTC';
    const interval = Number(request.availabilityViewInterval ?? 30);
    const value = (request.schedules as string[]).map((address) => {
      const own = knows(address, tid) ? standIn.mailboxes.get(address.toLowerCase()) : undefined;
      if (!own)
        return {
          scheduleId: address,
          availabilityView: '',
          error: { message: 'The requested user is not found.', responseCode: 'ErrorMailRecipientNotFound' },
        };
      const items = [
        ...own.map((item) => ({
          status: item.status,
          start: DateTime.fromISO(item.start),
          end: DateTime.fromISO(item.end),
          subject: 'Bezet',
        })),
        ...[...standIn.events.entries()].flatMap(([owner, events]) =>
          events
            .filter(
              (e) =>
                !e.isCancelled &&
                (owner === address.toLowerCase() ||
                  e.attendees.some((a) => a.emailAddress.address.toLowerCase() === address.toLowerCase())),
            )
            .map((e) => ({
              status: 'busy',
              start: instant(e.start) as DateTime,
              end: instant(e.end) as DateTime,
              subject: e.subject,
            })),
        ),
      ].filter((item) => item.start < end && item.end > start);
      // Plain milliseconds: luxon per slot is too slow for 100 schedules over 40 days.
      const from = start.toMillis();
      const step = interval * 60_000;
      const spans = items.map((item) => ({
        status: item.status,
        start: item.start.toMillis(),
        end: item.end.toMillis(),
      }));
      const slots = Math.ceil((end.toMillis() - from) / step);
      let view = '';
      for (let i = 0; i < slots; i++) {
        const slotStart = from + i * step;
        const hit = spans.find((span) => span.start < slotStart + step && span.end > slotStart);
        view += hit
          ? ({ tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' }[hit.status] ?? '0')
          : '0';
      }
      return {
        scheduleId: address,
        availabilityView: view,
        scheduleItems: items.map((item) => ({
          isPrivate: false,
          status: item.status,
          subject: item.subject,
          location: '',
          start: inZone(item.start, zone),
          end: inZone(item.end, zone),
        })),
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'W. Europe Standard Time' },
        },
      };
    });
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value,
      },
    };
  }

  function createEvent(organiser: string, body: unknown): Answer {
    const request = (body ?? {}) as Record<string, unknown>;
    if (typeof request.subject !== 'string' || !instant(request.start) || !instant(request.end))
      return graphError(400, 'ErrorInvalidRequest', 'The request is invalid.');
    const list = eventsOf(organiser);
    const transactionId = typeof request.transactionId === 'string' ? request.transactionId : null;
    const existing =
      transactionId && standIn.dedupeTransactionId
        ? list.find((e) => e.transactionId === transactionId)
        : undefined;
    if (existing) return { status: 201, body: view(existing) };
    const id = `AAMkAD${randomUUID().replace(/-/g, '')}=`;
    const event: StandInEvent = {
      id,
      transactionId,
      subject: '',
      body: { contentType: 'html', content: '' },
      start: request.start as StandInEvent['start'],
      end: request.end as StandInEvent['end'],
      location: null,
      attendees: [],
      isOnlineMeeting: false,
      onlineMeetingProvider: null,
      hideAttendees: false,
      isCancelled: false,
      cancelComment: null,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeeting: null,
    };
    const invalid = applyEventBody(event, request);
    if (invalid) return invalid;
    if (event.isOnlineMeeting) event.onlineMeeting = { joinUrl: teamsMeetingFor(organiser, event) };
    list.push(event);
    const mode = failAfterCreate;
    failAfterCreate = null;
    if (mode === 'reset') return { status: 0, reset: true };
    if (mode === '503')
      return {
        ...graphError(503, 'serviceNotAvailable', 'Service Unavailable'),
        headers: { 'Retry-After': '0' },
      };
    return {
      status: 201,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#users('${organiser}')/events/$entity`,
        ...view(event),
      },
    };
  }

  /** Makes the Teams meeting of an online event; returns its join link in the configured style. */
  function teamsMeetingFor(organiser: string, event: StandInEvent): string {
    const threadId = `19:meeting_${Buffer.from(randomUUID()).toString('base64url')}@thread.v2`;
    const digits = String(Math.floor(Math.random() * 1e14)).padStart(14, '2');
    const joinWebUrl =
      standIn.joinLinks === 'short'
        ? `https://teams.microsoft.com/meet/${digits}?p=${randomUUID().slice(0, 12)}`
        : `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}/0?context=%7b%22Tid%22%3a%22fictief%22%7d`;
    standIn.onlineMeetings.push({
      id: Buffer.from(`1*${organiser}*0**${threadId}`).toString('base64'),
      organiser: organiser.toLowerCase(),
      joinWebUrl,
      threadId,
      start: (instant(event.start) as DateTime).toUTC().toISO() as string,
      end: (instant(event.end) as DateTime).toUTC().toISO() as string,
      subject: event.subject,
    });
    return joinWebUrl;
  }

  function listOnlineMeetings(organiser: string, query: URLSearchParams): Answer {
    if (standIn.onlineMeetingsForbidden)
      return graphError(403, 'Forbidden', 'No application access policy found for this app.');
    const match = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(query.get('$filter') ?? '');
    if (!match)
      return graphError(
        400,
        'BadRequest',
        "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq 'joinUrl'.",
      );
    const wanted = (match[1] ?? '').replace(/''/g, "'");
    const value = standIn.onlineMeetings
      .filter((m) => m.organiser === organiser.toLowerCase() && m.joinWebUrl === wanted)
      .map((m) => ({
        id: m.id,
        creationDateTime: m.start,
        startDateTime: m.start,
        endDateTime: m.end,
        joinUrl: m.joinWebUrl,
        joinWebUrl: m.joinWebUrl,
        meetingCode: null,
        subject: m.subject,
        isBroadcast: false,
        allowMeetingChat: 'enabled',
        allowedPresenters: 'everyone',
        participants: { organizer: { upn: m.organiser, role: 'presenter' }, attendees: [] },
        chatInfo: { threadId: m.threadId, messageId: '0', replyChainMessageId: null },
        joinInformation: { content: 'data:text/html,fictief', contentType: 'html' },
      }));
    return {
      status: 200,
      body: { '@odata.context': `${origin}/v1.0/$metadata#users('${organiser}')/onlineMeetings`, value },
    };
  }

  function listEvents(organiser: string, query: URLSearchParams): Answer {
    const filter = query.get('$filter');
    let events = eventsOf(organiser);
    if (filter !== null) {
      const match = /^transactionId eq '((?:[^']|'')*)'$/.exec(filter);
      if (!match)
        return graphError(
          400,
          'ErrorInvalidUrlQueryFilter',
          'The query filter contains one or more invalid nodes.',
        );
      const wanted = (match[1] ?? '').replace(/''/g, "'");
      events = events.filter((e) => e.transactionId === wanted);
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#users('${organiser}')/events`,
        value: events.map(view),
      },
    };
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    body: unknown,
    record: RecordedCalendarRequest,
  ): Promise<Answer> {
    const failure = failures.shift();
    if (failure) {
      const answer = graphError(
        failure.status,
        failure.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
        'Try again later.',
      );
      return failure.retryAfterSeconds === undefined
        ? answer
        : { ...answer, headers: { 'Retry-After': String(failure.retryAfterSeconds) } };
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let tid: string | null = null;
    if ('token' in options) {
      if (bearer !== options.token)
        return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    } else {
      const claims = bearer ? await options.verifyToken(bearer, origin) : null;
      if (!claims) return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
      tid = claims.tid;
      record.tenantId = tid;
    }
    const parts = url.pathname.split('/').slice(2).map(decodeURIComponent); // after /v1.0
    const [users, organiser, collection, eventId, action] = parts;
    if (users !== 'users' || !organiser)
      return graphError(400, 'BadRequest', 'Resource not found for the segment.');
    if (collection === 'calendar' && eventId === 'getSchedule' && req.method === 'POST')
      return getSchedule(organiser, body, req.headers, tid);
    if (collection === 'onlineMeetings' && !eventId && req.method === 'GET')
      return listOnlineMeetings(organiser, url.searchParams);
    if (collection !== 'events')
      return graphError(400, 'BadRequest', `Resource not found for the segment '${collection}'.`);
    if (!eventId) {
      if (req.method === 'POST') return createEvent(organiser, body);
      if (req.method === 'GET') return listEvents(organiser, url.searchParams);
      return graphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
    }
    const event = eventsOf(organiser).find((e) => e.id === eventId);
    if (!event)
      return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (action === 'cancel' && req.method === 'POST') {
      if (event.isCancelled)
        return graphError(
          400,
          'ErrorInvalidRequest',
          'Your request cannot be completed. The meeting is already cancelled.',
        );
      event.isCancelled = true;
      event.cancelComment = String((body as { Comment?: unknown })?.Comment ?? '');
      return { status: 202 };
    }
    if (action) return graphError(400, 'BadRequest', `Resource not found for the segment '${action}'.`);
    if (req.method === 'GET') return { status: 200, body: view(event) };
    if (req.method === 'PATCH') {
      const invalid = applyEventBody(event, (body ?? {}) as Record<string, unknown>);
      return invalid ?? { status: 200, body: view(event) };
    }
    return graphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    readGraphBody(req).then(async (body) => {
      const record: RecordedCalendarRequest = {
        method: req.method ?? '',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body,
        status: 0,
        tenantId: null,
      };
      requests.push(record);
      const answer = await route(req, url, body, record).catch(() =>
        graphError(500, 'generalException', 'An unexpected error occurred.'),
      );
      record.status = answer.status;
      if (answer.reset) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, {
        ...(answer.body === undefined
          ? {}
          : {
              'content-type':
                'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
            }),
        'request-id': randomUUID(),
        ...answer.headers,
      });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: GraphCalendarStandIn = {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests,
    events: new Map(),
    mailboxes: new Map(),
    mailboxTenants: new Map(),
    dedupeTransactionId: true,
    joinLinks: 'long',
    onlineMeetingsForbidden: false,
    onlineMeetings: [],
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1)
        failures.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    },
    failAfterCreate(mode) {
      failAfterCreate = mode;
    },
    invitationFor(eventId, address) {
      const lower = address.toLowerCase();
      for (const events of standIn.events.values())
        for (const event of events) {
          if (event.id !== eventId) continue;
          const invited = event.attendees.map((a) => a.emailAddress.address.toLowerCase());
          if (!invited.includes(lower)) return null;
          return { attendees: event.hideAttendees ? [lower] : invited };
        }
      return null;
    },
    respond(eventId, address, response) {
      for (const events of standIn.events.values())
        for (const event of events)
          if (event.id === eventId)
            for (const attendee of event.attendees)
              if (attendee.emailAddress.address.toLowerCase() === address.toLowerCase())
                attendee.status = { response, time: new Date().toISOString() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
