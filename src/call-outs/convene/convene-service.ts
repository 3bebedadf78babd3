import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import { findUserById } from '../../identity/index.js';
import { MailError, type MailPort } from '../../mail/mail-port.js';
import type { CalendarPort } from '../../meetings/calendar-port.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { visibleCallOut } from '../call-out-service.js';
import { appendEvent, lockCallOut, transaction } from '../call-out-store.js';
import { attendeesOf, ensureEvent, inviteNewcomers } from './convene-calendar.js';
import { allyMail, type ConveneContent } from './convene-content.js';
import type { CallOutMeeting, ConveneInput } from './convene-schemas.js';
import {
  claimMail,
  comingAllies,
  insertMeetingRow,
  type MeetingRow,
  type MeetingState,
  readCallOutAskAndGoal,
  readMeetingRow,
  readMeetingState,
  settleMail,
} from './convene-store.js';

export { localJoinUrl } from './convene-calendar.js';

/** What convening needs: the database, the calendar and mail ports, a logger, the public URL and a clock. */
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

async function organiserOf(deps: ConveneDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('not-found', 'There is no such user.');
  // Graph addresses the starter's mailbox by object id (no e-mail address needed); the embedded
  // calendar writes .ics files, whose organiser must be an address: a local one stands in when needed.
  if (deps.calendar.kind === 'graph') return user.objectId;
  return user.email?.trim() || `${user.objectId}@bondgenoten.local`;
}

function startOf(input: ConveneInput, now: Date): Date {
  if (input.startAt === null) return now;
  const start = new Date(input.startAt);
  // A minute of slack for clocks and the time the request took.
  if (start.getTime() < now.getTime() - 60_000 || start.getTime() > now.getTime() + MAX_LEAD_MS)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.startAt',
        code: 'out_of_range',
        kind: 'within-hour',
        message: 'must be between now and one hour from now',
      },
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
  const db = deps.db;
  const now = deps.now();
  const start = startOf(input, now);
  const organiser = await organiserOf(deps, access.userId);
  const { row, created } = await transaction(db, async (tx) => {
    const callOut = await lockCallOut(tx, callOutId);
    const existing = await readMeetingRow(tx, callOutId);
    if (existing) return { row: existing, created: false };
    if (callOut?.status !== 'open')
      throw new DomainError('rule-violated', 'The call-out is closed.').because('call-out-closed');
    const inserted = await insertMeetingRow(tx, {
      call_out_id: callOutId,
      organiser,
      organiser_user_id: access.userId,
      intent_id: randomUUID(),
      starts_at: start,
      ends_at: new Date(start.getTime() + input.durationMinutes * 60_000),
      event_id: null,
      join_url: null,
      created_at: now,
    });
    await appendEvent(tx, callOutId, 'meeting-requested', now, { userId: access.userId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'call-out.meeting-request', { type: 'call-out', id: callOutId }),
      now,
    );
    return { row: inserted, created: true };
  });
  const ask = await readCallOutAskAndGoal(db, callOutId);
  const meeting = row.state === 'created' ? row : await ensureEvent(deps, db, row, !created, ask.ask);
  if (row.state === 'created') await inviteNewcomers(deps, db, meeting, ask.ask);
  const invited = await sendAllyMails(deps, db, origin, meeting, ask.ask);
  return { ...(await meetingView(db, callOutId, meeting, invited, ask)), created };
}

/** The meeting, who is on the way and the mail state, for the tab and a repeated request. */
export async function readCallOutMeeting(
  deps: Pick<ConveneDeps, 'db' | 'now'>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
): Promise<CallOutMeeting> {
  return readVisibleMeeting(deps, origin, callOutId, await visibleCallOut(deps.db, access, callOutId));
}

/** {@link readCallOutMeeting} for a call-out whose row `callOut` {@link visibleCallOut} has returned to this caller. */
export async function readVisibleMeeting(
  deps: Pick<ConveneDeps, 'db' | 'now'>,
  origin: AuditOrigin,
  callOutId: string,
  callOut: { goal_at: Date },
): Promise<CallOutMeeting> {
  const meeting = await meetingOfVisible(deps.db, callOutId, callOut);
  await appendAuditEvent(
    deps.db,
    auditEvent(origin, 'call-out.meeting-read', { type: 'call-out', id: callOutId }),
    deps.now(),
  );
  return meeting;
}

/**
 * {@link readVisibleMeeting} without its audit row, for a caller that appends it (the call-out page's one request
 * appends its three reads' rows in one statement). The visibility check's row has the goal: the view need not read
 * it again (issue 21: the call-out page).
 */
export async function meetingOfVisible(
  db: Kysely<Database>,
  callOutId: string,
  callOut: { goal_at: Date },
): Promise<CallOutMeeting> {
  const state = await readMeetingState(db, callOutId);
  return { ...meetingViewOf(callOutId, callOut, state.row, state, null), created: false };
}

/** The view of the meeting `row` a request has just written or found, with the counts read now. */
async function meetingView(
  db: Kysely<Database>,
  callOutId: string,
  row: MeetingRow,
  invited: { staff: number; allies: number },
  callOut: { goal_at: Date },
): Promise<Omit<CallOutMeeting, 'created'>> {
  return meetingViewOf(callOutId, callOut, row, await readMeetingState(db, callOutId), invited);
}

function meetingViewOf(
  callOutId: string,
  callOut: { goal_at: Date },
  row: MeetingState['row'],
  { comingStaff: staff, allyEmails, mail }: MeetingState,
  invited: { staff: number; allies: number } | null,
): Omit<CallOutMeeting, 'created'> {
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
    onTheWay: { staff, allies: allyEmails.length, total: staff + allyEmails.length },
    invited,
    mail: { ...mail, withoutAddress: allyEmails.filter((email) => email === null).length },
  };
}

/** The join link to every coming ally with an address who has not had it yet; one message each. */
async function sendAllyMails(
  deps: ConveneDeps,
  db: Kysely<Database>,
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
