import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import { asBaseTransaction, type MailDatabase, withMailTables } from '../../mail/db-schema.js';
import { MailError, type MailPort } from '../../mail/mail-port.js';
import {
  type CalendarAttendee,
  CalendarError,
  type CalendarPort,
  type CreatedEvent,
} from '../../meetings/calendar-port.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { LOCAL_TIME_ZONE } from '../../platform/time.js';
import { visibleCallOut } from '../call-out-service.js';
import { appendEvent, bumpVersion, lockCallOut } from '../call-out-store.js';
import { allyMail, CONVENE_SUBJECT, type ConveneContent, meetingBodyHtml } from './convene-content.js';
import type { CallOutMeeting, ConveneInput } from './convene-schemas.js';
import {
  availableStaff,
  claimMail,
  comingAllies,
  comingStaffCount,
  type MeetingRow,
  mailCounts,
  readMeetingRow,
  settleMail,
} from './convene-store.js';

export interface ConveneDeps {
  db: Kysely<Database>;
  calendar: CalendarPort;
  mail: MailPort;
  logger: Logger;
  /** The app's public address: the local run's placeholder join link lives under it. */
  publicUrl: string;
  now: () => Date;
}

/** How far ahead *Bijeenkomst nu* may be set: the method's goal is the network together within the hour. */
const MAX_LEAD_MS = 60 * 60 * 1000;
/** sendMail calls in flight at once: fast for a table of 15 allies, gentle on the mailbox's throttle. */
const MAIL_CONCURRENCY = 4;

/** Convening is acting for the network: coordinators and members (in any network) and administrators. */
function mayConvene(access: AccessProfile): boolean {
  if (access.isAdministrator) return true;
  return [...access.networkRoles.values()].some((role) => role === 'coordinator' || role === 'member');
}

/** The local run's join link: clearly not Teams, and unique per call-out. */
export function localJoinUrl(publicUrl: string, callOutId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/lokaal/bijeenkomst/${callOutId}`;
}

async function organiserOf(deps: ConveneDeps, userId: string) {
  const user = await deps.db
    .selectFrom('users')
    .select(['email', 'aad_object_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  // Graph addresses the starter's mailbox by object id (no e-mail address needed); the embedded
  // calendar writes .ics files, whose organiser must be an address: a local one stands in when needed.
  if (deps.calendar.kind === 'graph') return user.aad_object_id;
  return user.email?.trim() || `${user.aad_object_id}@bondgenoten.local`;
}

function startOf(input: ConveneInput, now: Date): Date {
  if (input.startAt === null) return now;
  const start = new Date(input.startAt);
  // A minute of slack for clocks and the time the request took.
  if (start.getTime() < now.getTime() - 60_000 || start.getTime() > now.getTime() + MAX_LEAD_MS)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      { field: 'body.startAt', message: 'must be between now and one hour from now' },
    ]);
  return start;
}

/**
 * *Bijeenkomst nu*: one Teams online meeting per call-out in the starter's calendar, with the available
 * staff and the coming allies as attendees, then the join link by e-mail to every coming ally with an
 * address. Repeating it returns the same meeting and mails only the allies who have not had the link.
 */
export async function conveneCallOut(
  deps: ConveneDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  input: ConveneInput,
): Promise<CallOutMeeting> {
  await visibleCallOut(deps.db, access, callOutId);
  if (!mayConvene(access))
    throw new DomainError(
      'forbidden',
      'Convening the network needs the coordinator or member role, or administrator.',
    );
  const db = withMailTables(deps.db);
  const now = deps.now();
  const start = startOf(input, now);
  const organiser = await organiserOf(deps, access.userId);
  const { row, created } = await db.transaction().execute(async (tx) => {
    const callOut = await lockCallOut(asBaseTransaction(tx), callOutId);
    const existing = await readMeetingRow(tx, callOutId);
    if (existing) return { row: existing, created: false };
    if (callOut?.status !== 'open') throw new DomainError('rule-violated', 'The call-out is closed.');
    const inserted = await tx
      .insertInto('call_out_meetings')
      .values({
        call_out_id: callOutId,
        organiser,
        organiser_user_id: access.userId,
        intent_id: randomUUID(),
        starts_at: start,
        ends_at: new Date(start.getTime() + input.durationMinutes * 60_000),
        event_id: null,
        join_url: null,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(asBaseTransaction(tx), callOutId, 'meeting-requested', now, { userId: access.userId });
    await appendAuditEvent(
      asBaseTransaction(tx),
      auditEvent(origin, 'call-out.meeting-request', { type: 'call-out', id: callOutId }),
      now,
    );
    return { row: inserted, created: true };
  });
  const ask = await deps.db
    .selectFrom('call_outs')
    .select('ask')
    .where('id', '=', callOutId)
    .executeTakeFirstOrThrow();
  const meeting = row.state === 'created' ? row : await ensureEvent(deps, db, row, !created, ask.ask);
  if (row.state === 'created') await inviteNewcomers(deps, db, meeting, ask.ask);
  const invited = await sendAllyMails(deps, db, origin, meeting, ask.ask);
  return { ...(await meetingView(db, callOutId, meeting, invited)), created };
}

/** The meeting, who is on the way and the mail state, for the tab and a repeated request. */
export async function readCallOutMeeting(
  deps: Pick<ConveneDeps, 'db' | 'now'>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
): Promise<CallOutMeeting> {
  await visibleCallOut(deps.db, access, callOutId);
  const db = withMailTables(deps.db);
  const row = await readMeetingRow(db, callOutId);
  await appendAuditEvent(
    deps.db,
    auditEvent(origin, 'call-out.meeting-read', { type: 'call-out', id: callOutId }),
    deps.now(),
  );
  return { ...(await meetingView(db, callOutId, row ?? null, null)), created: false };
}

async function meetingView(
  db: Kysely<MailDatabase>,
  callOutId: string,
  row: MeetingRow | null,
  invited: { staff: number; allies: number } | null,
): Promise<Omit<CallOutMeeting, 'created'>> {
  const [callOut, staff, allies, mail] = await Promise.all([
    db.selectFrom('call_outs').select('goal_at').where('id', '=', callOutId).executeTakeFirstOrThrow(),
    comingStaffCount(db, callOutId),
    comingAllies(db, callOutId),
    mailCounts(db, callOutId),
  ]);
  return {
    callOutId,
    goalAt: new Date(callOut.goal_at).toISOString(),
    meeting: row
      ? {
          state: row.state,
          start: new Date(row.starts_at).toISOString(),
          end: new Date(row.ends_at).toISOString(),
          joinUrl: row.join_url,
          joinUrlIsLocal: row.join_url_local,
          organiserUserId: row.organiser_user_id,
        }
      : null,
    onTheWay: { staff, allies: allies.length, total: staff + allies.length },
    invited,
    mail: { ...mail, withoutAddress: allies.filter((a) => a.email === null).length },
  };
}

async function attendeesOf(db: Kysely<MailDatabase>, callOutId: string, organiserUserId: string) {
  const [staff, allies] = await Promise.all([availableStaff(db, callOutId), comingAllies(db, callOutId)]);
  const seen = new Set<string>();
  const attendees: { address: string; name: string; type: 'required' }[] = [];
  const add = (address: string | null, name: string) => {
    const key = address?.trim().toLowerCase();
    if (!address || !key || seen.has(key)) return;
    seen.add(key);
    attendees.push({ address: address.trim(), name, type: 'required' });
  };
  for (const s of staff) if (s.userId !== organiserUserId) add(s.email, s.displayName);
  const staffCount = attendees.length;
  for (const a of allies) add(a.email, a.displayName);
  return { attendees, staffCount, allyCount: attendees.length - staffCount };
}

function eventInput(row: MeetingRow, content: ConveneContent, attendees: CalendarAttendee[]) {
  return {
    subject: CONVENE_SUBJECT,
    bodyHtml: meetingBodyHtml(content),
    location: null,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    timeZone: LOCAL_TIME_ZONE,
    attendees,
    isOnlineMeeting: true,
  };
}

/**
 * A repeated *Bijeenkomst nu* after more people said they come: the event gets the newcomers as
 * attendees (the calendar sends them the invitation). Whoever is already on the event stays; a failure
 * here leaves the meeting as it was and lands on the timeline, so the button can be pressed again.
 */
async function inviteNewcomers(
  deps: ConveneDeps,
  db: Kysely<MailDatabase>,
  meeting: MeetingRow,
  ask: string,
): Promise<void> {
  const callOutId = meeting.call_out_id;
  if (!meeting.event_id) return;
  const { attendees } = await attendeesOf(db, callOutId, meeting.organiser_user_id);
  try {
    const onEvent = await deps.calendar.readResponses(meeting.organiser, meeting.event_id);
    const known = new Set(onEvent.map((a) => a.address.toLowerCase()));
    const newcomers = attendees.filter((a) => !known.has(a.address.toLowerCase()));
    if (newcomers.length === 0) return;
    const kept = onEvent
      .filter((a) => !attendees.some((b) => b.address.toLowerCase() === a.address.toLowerCase()))
      .map((a) => ({ address: a.address, name: a.address, type: 'required' as const }));
    const content: ConveneContent = {
      ask,
      start: new Date(meeting.starts_at).toISOString(),
      joinUrl: meeting.join_url,
      joinUrlIsLocal: meeting.join_url_local,
    };
    await deps.calendar.updateEvent(
      meeting.organiser,
      meeting.event_id,
      eventInput(meeting, content, [...attendees, ...kept]),
    );
    await appendEvent(deps.db, callOutId, 'meeting-invites-added', deps.now(), {
      userId: meeting.organiser_user_id,
    });
  } catch (error) {
    deps.logger.warn(
      { callOutId, status: error instanceof CalendarError ? error.status : 0 },
      'newcomers not added to the convening meeting',
    );
    await appendEvent(deps.db, callOutId, 'meeting-update-failed', deps.now(), {
      userId: meeting.organiser_user_id,
    });
  }
}

/**
 * Makes sure the meeting's event exists, never twice: the intent id (stored before any call) is the
 * event's transactionId; after a failed create, or on a repeat of an unfinished one, the calendar is
 * asked for it first (the meetings service's reconcile).
 */
async function ensureEvent(
  deps: ConveneDeps,
  db: Kysely<MailDatabase>,
  row: MeetingRow,
  reconcileFirst: boolean,
  ask: string,
): Promise<MeetingRow> {
  const callOutId = row.call_out_id;
  const reconcile = () => deps.calendar.findByTransactionId(row.organiser, row.intent_id);
  let event: CreatedEvent | null = null;
  const local = deps.calendar.kind === 'embedded';
  const content: ConveneContent = {
    ask,
    start: new Date(row.starts_at).toISOString(),
    joinUrl: local ? localJoinUrl(deps.publicUrl, callOutId) : null,
    joinUrlIsLocal: local,
  };
  try {
    if (reconcileFirst) event = await reconcile();
    if (!event) {
      const { attendees } = await attendeesOf(db, callOutId, row.organiser_user_id);
      const input = eventInput(row, content, attendees);
      try {
        event = await deps.calendar.createEvent(row.organiser, input, row.intent_id);
      } catch (error) {
        // The answer may have been lost after the event was made (a reset connection, a 5xx after the write).
        deps.logger.warn(
          { callOutId, status: error instanceof CalendarError ? error.status : 0 },
          'convening event creation failed; reconciling by transaction id',
        );
        event = await reconcile();
        if (!event) throw error;
      }
    }
  } catch (error) {
    deps.logger.warn(
      { callOutId, status: error instanceof CalendarError ? error.status : 0 },
      'convening meeting not created',
    );
    const now = deps.now();
    await db
      .updateTable('call_out_meetings')
      .set({ state: 'failed' })
      .where('call_out_id', '=', callOutId)
      .where('event_id', 'is', null)
      .execute();
    await appendEvent(deps.db, callOutId, 'meeting-failed', now, { userId: row.organiser_user_id });
    throw new DomainError(
      'upstream-failed',
      'The calendar did not create the meeting. Try Bijeenkomst nu again; it will not create a second one.',
    );
  }
  const joinUrl = event.joinUrl ?? content.joinUrl;
  const joinUrlIsLocal = event.joinUrl === null && local;
  const now = deps.now();
  return db.transaction().execute(async (tx) => {
    const stored = await tx
      .updateTable('call_out_meetings')
      .set({ state: 'created', event_id: event.eventId, join_url: joinUrl, join_url_local: joinUrlIsLocal })
      .where('call_out_id', '=', callOutId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // The cards show the join link: a new version makes the worker refresh every sent copy.
    await bumpVersion(asBaseTransaction(tx), callOutId, now);
    await appendEvent(asBaseTransaction(tx), callOutId, 'meeting-created', now, {
      userId: row.organiser_user_id,
    });
    return stored;
  });
}

/** The join link to every coming ally with an address who has not had it yet; one message each. */
async function sendAllyMails(
  deps: ConveneDeps,
  db: Kysely<MailDatabase>,
  origin: AuditOrigin,
  meeting: MeetingRow,
  ask: string,
): Promise<{ staff: number; allies: number }> {
  const callOutId = meeting.call_out_id;
  const { staffCount, allyCount } = await attendeesOf(db, callOutId, meeting.organiser_user_id);
  const allies = (await comingAllies(db, callOutId)).filter((a) => a.email !== null);
  const content: ConveneContent = {
    ask,
    start: new Date(meeting.starts_at).toISOString(),
    joinUrl: meeting.join_url,
    joinUrlIsLocal: meeting.join_url_local,
  };
  const queue = [...allies];
  const worker = async () => {
    for (let ally = queue.shift(); ally; ally = queue.shift()) {
      if (!(await claimMail(db, callOutId, ally.personId, deps.now()))) continue;
      const message = allyMail({ address: ally.email as string, name: ally.displayName }, content);
      let ok = true;
      try {
        await deps.mail.send(meeting.organiser, message, { callOutId, networkIds: [ally.networkId] });
      } catch (error) {
        ok = false;
        deps.logger.warn(
          { callOutId, personId: ally.personId, status: error instanceof MailError ? error.status : 0 },
          'join link e-mail not sent',
        );
      }
      const now = deps.now();
      await settleMail(db, callOutId, ally.personId, ok ? 'sent' : 'failed', now);
      await appendEvent(deps.db, callOutId, ok ? 'meeting-mail-sent' : 'meeting-mail-failed', now, {
        personId: ally.personId,
      });
      if (ok)
        await appendAuditEvent(
          deps.db,
          auditEvent(origin, 'call-out.meeting-mail', { type: 'person', id: ally.personId }),
          now,
        );
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, allies.length) }, worker));
  return { staff: staffCount, allies: allyCount };
}
