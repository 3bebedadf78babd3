import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { joinableUsers } from '../../identity/index.js';
import { joinablePeople } from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { CallOutMeetingsTable } from '../db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The stored meeting of a call-out, or undefined before *Bijeenkomst nu*. */
export async function readMeetingRow(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_out_meetings')
    .selectAll()
    .where('call_out_id', '=', callOutId)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof readMeetingRow>>>;
export type NewMeetingRow = Omit<CallOutMeetingsTable, 'state' | 'join_url_local' | 'teams_thread_id'>;

/** Staff recipients who answered they come or phone their allies: the available staff. */
export async function availableStaff(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_out_answers as a')
    .innerJoin('call_out_recipients as r', (join) =>
      join.onRef('r.call_out_id', '=', 'a.call_out_id').onRef('r.user_id', '=', 'a.user_id'),
    )
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'a.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', 'u.email', 'a.answer'])
    .where('a.call_out_id', '=', callOutId)
    .where('a.answer', 'in', ['coming', 'calling-allies'])
    .orderBy('u.display_name')
    .execute();
}

/** Allies whose latest recorded call says they come, with their network (for need-to-know). */
export async function comingAllies(db: Executor, callOutId: string) {
  const rows = await sql<{
    person_id: string;
    network_id: string;
    display_name: string;
    email: string | null;
  }>`
    select c.person_id, a.network_id, p.display_name, p.email
    from (select distinct on (person_id) person_id, coming from call_out_calls
          where call_out_id = ${callOutId} order by person_id, recorded_at desc, id) c
    join call_out_allies a on a.call_out_id = ${callOutId} and a.person_id = c.person_id
    join ${joinablePeople(db).as('p')} on p.id = c.person_id
    where c.coming
    order by p.display_name`.execute(db);
  return rows.rows.map((r) => ({
    personId: r.person_id,
    networkId: r.network_id,
    displayName: r.display_name,
    email: r.email && r.email.trim() !== '' ? r.email.trim() : null,
  }));
}

/** The parts of a meeting's view {@link readMeetingState} reads: the meeting's row (null before one) and the counts. */
export interface MeetingState {
  row: Pick<
    MeetingRow,
    'state' | 'starts_at' | 'ends_at' | 'join_url' | 'join_url_local' | 'organiser_user_id'
  > | null;
  /** Staff who answered "coming". */
  comingStaff: number;
  /** The address of every coming ally (as {@link comingAllies}, trimmed, null without one). */
  allyEmails: (string | null)[];
  /** Invitation mails sent and failed. */
  mail: { sent: number; failed: number };
}

/**
 * What the call-out's meeting view reads, in one statement instead of four (the meeting's row as
 * {@link readMeetingRow}, the staff coming, the coming allies' addresses as {@link comingAllies} selects them, the
 * mails sent and failed): every statement is a round trip and a good part of a read's CPU (issue 21: the call-out
 * page's first data).
 */
export async function readMeetingState(db: Executor, callOutId: string): Promise<MeetingState> {
  const result = await sql<{
    state: MeetingRow['state'] | null;
    starts_at: Date | null;
    ends_at: Date | null;
    join_url: string | null;
    join_url_local: boolean | null;
    organiser_user_id: string | null;
    coming_staff: string | number;
    ally_emails: (string | null)[];
    mail_sent: string | number;
    mail_failed: string | number;
  }>`
    select m.state, m.starts_at, m.ends_at, m.join_url, m.join_url_local, m.organiser_user_id,
      (select count(*) from call_out_answers where call_out_id = ${callOutId} and answer = 'coming') as coming_staff,
      (select coalesce(json_agg(p.email order by p.display_name), '[]'::json)
        from (select distinct on (person_id) person_id, coming from call_out_calls
              where call_out_id = ${callOutId} order by person_id, recorded_at desc, id) c
        join call_out_allies a on a.call_out_id = ${callOutId} and a.person_id = c.person_id
        join ${joinablePeople(db).as('p')} on p.id = c.person_id
        where c.coming) as ally_emails,
      (select count(*) from call_out_meeting_mails where call_out_id = ${callOutId} and state = 'sent') as mail_sent,
      (select count(*) from call_out_meeting_mails where call_out_id = ${callOutId} and state = 'failed') as mail_failed
    from (select 1) as one
    left join call_out_meetings m on m.call_out_id = ${callOutId}`.execute(db);
  const r = result.rows[0];
  if (!r) throw new Error('readMeetingState: the select of one row answered none');
  return {
    row:
      r.state === null || r.starts_at === null || r.ends_at === null || r.organiser_user_id === null
        ? null
        : {
            state: r.state,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            join_url: r.join_url,
            join_url_local: r.join_url_local ?? false,
            organiser_user_id: r.organiser_user_id,
          },
    comingStaff: Number(r.coming_staff),
    allyEmails: r.ally_emails.map((email) => (email && email.trim() !== '' ? email.trim() : null)),
    mail: { sent: Number(r.mail_sent), failed: Number(r.mail_failed) },
  };
}

/** A mail claimed as 'sending' longer than this is taken to be lost with its process and is sent again. */
const STALE_SENDING_MS = 2 * 60 * 1000;

/**
 * Claims the ally's mail: inserts the row as 'sending', or takes over a failed or stale one. Returns
 * false when the mail went out already or another request is sending it right now.
 */
export async function claimMail(
  db: Executor,
  callOutId: string,
  personId: string,
  now: Date,
): Promise<boolean> {
  const stale = new Date(now.getTime() - STALE_SENDING_MS);
  const row = await db
    .insertInto('call_out_meeting_mails')
    .values({ call_out_id: callOutId, person_id: personId, state: 'sending', updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['call_out_id', 'person_id'])
        .doUpdateSet((eb) => ({
          state: 'sending',
          attempts: eb('call_out_meeting_mails.attempts', '+', 1),
          updated_at: now,
        }))
        .where((eb) =>
          eb.or([
            eb('call_out_meeting_mails.state', '=', 'failed'),
            eb.and([
              eb('call_out_meeting_mails.state', '=', 'sending'),
              eb('call_out_meeting_mails.updated_at', '<', stale),
            ]),
          ]),
        ),
    )
    .returning('person_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function settleMail(
  db: Executor,
  callOutId: string,
  personId: string,
  state: 'sent' | 'failed',
  now: Date,
): Promise<void> {
  await db
    .updateTable('call_out_meeting_mails')
    .set({ state, updated_at: now })
    .where('call_out_id', '=', callOutId)
    .where('person_id', '=', personId)
    .execute();
}

/** The meeting as the alert card shows it; null before *Bijeenkomst nu* created it. */
export async function readCardMeeting(
  db: Executor,
  callOutId: string,
): Promise<{ joinUrl: string | null; start: string } | null> {
  const row = await db
    .selectFrom('call_out_meetings')
    .select(['join_url', 'starts_at'])
    .where('call_out_id', '=', callOutId)
    .where('state', '=', 'created')
    .executeTakeFirst();
  return row ? { joinUrl: row.join_url, start: new Date(row.starts_at).toISOString() } : null;
}

/** Stores a new meeting row (state `requested`) and returns it. */
export async function insertMeetingRow(db: Executor, row: Insertable<CallOutMeetingsTable>) {
  return db.insertInto('call_out_meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Marks a meeting failed unless its event exists, so *Bijeenkomst nu* may try again. */
export async function markMeetingFailed(db: Executor, callOutId: string): Promise<void> {
  await db
    .updateTable('call_out_meetings')
    .set({ state: 'failed' })
    .where('call_out_id', '=', callOutId)
    .where('event_id', 'is', null)
    .execute();
}

/** Stores the created event and its join link; returns the meeting row. */
export async function markMeetingCreated(
  db: Executor,
  callOutId: string,
  event: { eventId: string; joinUrl: string | null; joinUrlIsLocal: boolean; threadId: string | null },
) {
  return db
    .updateTable('call_out_meetings')
    .set({
      state: 'created',
      event_id: event.eventId,
      join_url: event.joinUrl,
      join_url_local: event.joinUrlIsLocal,
      teams_thread_id: event.threadId,
    })
    .where('call_out_id', '=', callOutId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The call-out's ask and goal, which the meeting's text and view show. */
export async function readCallOutAskAndGoal(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_outs')
    .select(['ask', 'goal_at'])
    .where('id', '=', callOutId)
    .executeTakeFirstOrThrow();
}

/** The calendar events of the call-out meetings this staff member organises (the local outbox shows them their invitations). */
export async function readOrganisedCallOutEventIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_meetings')
    .select('event_id')
    .where('organiser_user_id', '=', userId)
    .execute();
  return rows.flatMap((row) => (row.event_id === null ? [] : [row.event_id]));
}

/** The created call-out meetings of this Teams meeting chat (an indexed equality on the stored thread id). */
export async function readCallOutMeetingsOfThread(db: Executor, threadId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_meetings')
    .select('call_out_id')
    .where('teams_thread_id', '=', threadId)
    .where('state', '=', 'created')
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((row) => row.call_out_id);
}
