import { type Kysely, sql, type Transaction } from 'kysely';
import { withMailTables } from '../mail/db-schema.js';
import type { Database } from '../platform/db/schema.js';
import type { AlertCardView, StaffAnswer } from './contract.js';
import { readCardMeeting } from './convene/convene-store.js';
import { readFollowUps } from './follow-ups.js';
import type { CallOutDetail, CallOutSummary } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Teams' user id for `refresh.userIds`: the MRI `8:orgid:<Entra object id>` (Teams also accepts the bot
 * framework's `29:` id, which is only known once the user has talked to the bot). Each 1:1 card names its own
 * recipient and nobody else: the card is personal (own call list), so no one else's id belongs on it, and
 * Teams' limit of 60 ids per card then never cuts anyone off.
 */
export const refreshUserId = (aadObjectId: string) => `8:orgid:${aadObjectId}`;

type Tally = AlertCardView['tally'];

export async function readTally(db: Executor, callOutId: string): Promise<Tally> {
  const row = await sql<{
    recipients: string | number;
    coming: string | number;
    calling: string | number;
    unavailable: string | number;
  }>`
    select (select count(*) from call_out_recipients where call_out_id = ${callOutId}) as recipients,
      count(*) filter (where answer = 'coming') as coming,
      count(*) filter (where answer = 'calling-allies') as calling,
      count(*) filter (where answer = 'unavailable') as unavailable
    from call_out_answers where call_out_id = ${callOutId}`.execute(db);
  const r = row.rows[0];
  const coming = Number(r?.coming ?? 0);
  const callingAllies = Number(r?.calling ?? 0);
  const unavailable = Number(r?.unavailable ?? 0);
  const pending = Math.max(0, Number(r?.recipients ?? 0) - coming - callingAllies - unavailable);
  return { coming, callingAllies, unavailable, pending };
}

/** Sent x of N, unreachable, answered y: a recipient counts once, by their alert card. */
export async function readProgress(db: Executor, callOutId: string): Promise<CallOutSummary['progress']> {
  const row = await sql<{
    recipients: string | number;
    sent: string | number;
    unreachable: string | number;
    answered: string | number;
  }>`
    select count(*) as recipients,
      count(*) filter (where d.state = 'sent') as sent,
      count(*) filter (where d.state in ('failed', 'unreachable')) as unreachable,
      count(a.user_id) as answered
    from call_out_recipients r
    left join call_out_deliveries d on d.recipient_id = r.id and d.kind = 'alert'
    left join call_out_answers a on a.call_out_id = r.call_out_id and a.user_id = r.user_id
    where r.call_out_id = ${callOutId}`.execute(db);
  const r = row.rows[0];
  return {
    recipients: Number(r?.recipients ?? 0),
    sent: Number(r?.sent ?? 0),
    unreachable: Number(r?.unreachable ?? 0),
    answered: Number(r?.answered ?? 0),
  };
}

/**
 * A short token that changes whenever what the call-out page shows changes: the version (answers, calls,
 * escalations, meeting, close) and the delivery states, which change without a version bump. It carries
 * no personal data, so the page can poll it without an audited read.
 */
export async function readChangeStamp(db: Executor, callOutId: string): Promise<string | null> {
  const row = await sql<{ version: number; states: string | null }>`
    select c.version,
      (select string_agg(state || '=' || n, ',' order by state)
       from (select state, count(*) as n from call_out_deliveries where call_out_id = c.id group by state) s
      ) as states
    from call_outs c where c.id = ${callOutId}`.execute(db);
  const r = row.rows[0];
  return r ? `${r.version};${r.states ?? ''}` : null;
}

async function namesOf(db: Executor, callOutId: string) {
  const places = await db
    .selectFrom('call_out_places')
    .innerJoin('areas', 'areas.id', 'call_out_places.area_id')
    .select(['areas.id', 'areas.name'])
    .where('call_out_id', '=', callOutId)
    .orderBy('areas.name')
    .execute();
  const communities = await db
    .selectFrom('call_out_communities')
    .innerJoin('communities', 'communities.id', 'call_out_communities.community_id')
    .select(['communities.id', 'communities.name'])
    .where('call_out_id', '=', callOutId)
    .orderBy('communities.name')
    .execute();
  return { places, communities };
}

/** Latest call outcome per ally on the call list, with the caller's name. */
async function readCallList(db: Executor, callOutId: string, callerUserId: string | null) {
  let query = db
    .selectFrom('call_out_allies as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('users as u', 'u.id', 'a.caller_user_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('call_out_calls')
          .distinctOn('person_id')
          .select(['person_id', 'outcome', 'heard', 'coming'])
          .where('call_out_id', '=', callOutId)
          .orderBy('person_id')
          .orderBy('recorded_at', 'desc')
          .as('c'),
      (join) => join.onRef('c.person_id', '=', 'a.person_id'),
    )
    .select([
      'a.person_id as personId',
      'a.network_id as networkId',
      'p.display_name as displayName',
      'p.mobile',
      'a.caller_user_id as callerUserId',
      'u.display_name as callerName',
      'c.outcome',
      'c.heard',
      'c.coming',
    ])
    .where('a.call_out_id', '=', callOutId);
  if (callerUserId) query = query.where('a.caller_user_id', '=', callerUserId);
  return query.orderBy('p.display_name').execute();
}

/** The part of a card every recipient of the call-out shares; {@link personalView} adds the rest. */
export interface SharedCardView {
  base: Omit<AlertCardView, 'mine' | 'callList' | 'refreshUserIds'>;
  answers: Array<{
    userId: string;
    answer: StaffAnswer;
    note: string | null;
    etaMinutes: number | null;
    answeredAt: string;
  }>;
}

export async function readSharedCardView(db: Executor, callOutId: string): Promise<SharedCardView | null> {
  const callOut = await db.selectFrom('call_outs').selectAll().where('id', '=', callOutId).executeTakeFirst();
  if (!callOut) return null;
  const [{ places, communities }, tally, progress, answers, meeting] = await Promise.all([
    namesOf(db, callOutId),
    readTally(db, callOutId),
    readProgress(db, callOutId),
    db
      .selectFrom('call_out_answers as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.user_id', 'u.display_name', 'a.answer', 'a.note', 'a.eta_minutes', 'a.answered_at'])
      .where('a.call_out_id', '=', callOutId)
      .orderBy('a.answered_at', 'desc')
      .execute(),
    // Bijeenkomst nu (convene-store.ts): the join link once the meeting exists.
    readCardMeeting(withMailTables(db as Kysely<Database>), callOutId),
  ]);
  return {
    base: {
      callOutId,
      version: callOut.version,
      status: callOut.status,
      kind: callOut.kind,
      urgency: callOut.urgency,
      summary: callOut.summary,
      ask: callOut.ask,
      places: places.map((p) => p.name),
      communities: communities.map((c) => c.name),
      startedAt: new Date(callOut.started_at).toISOString(),
      goalAt: new Date(callOut.goal_at).toISOString(),
      tally,
      progress,
      answers: answers.map((a) => ({
        displayName: a.display_name,
        answer: a.answer as StaffAnswer,
        note: a.note,
        etaMinutes: a.eta_minutes,
      })),
      meeting,
    },
    answers: answers.map((a) => ({
      userId: a.user_id,
      answer: a.answer as StaffAnswer,
      note: a.note,
      etaMinutes: a.eta_minutes,
      answeredAt: new Date(a.answered_at).toISOString(),
    })),
  };
}

/**
 * One recipient's card: the shared part plus their own answer, the allies they are asked to phone, and
 * their own id for the card's refresh. `viewer.aadObjectId` saves a query where the caller has it.
 */
export async function personalView(
  db: Executor,
  shared: SharedCardView,
  viewerUserId: string,
  viewerAadObjectId?: string,
): Promise<AlertCardView> {
  const [callList, aadObjectId] = await Promise.all([
    readCallList(db, shared.base.callOutId, viewerUserId),
    viewerAadObjectId ??
      db
        .selectFrom('users')
        .select('aad_object_id')
        .where('id', '=', viewerUserId)
        .executeTakeFirst()
        .then((row) => row?.aad_object_id ?? null),
  ]);
  const own = shared.answers.find((a) => a.userId === viewerUserId);
  return {
    ...shared.base,
    refreshUserIds: aadObjectId ? [refreshUserId(aadObjectId)] : [],
    mine: own
      ? { answer: own.answer, note: own.note, etaMinutes: own.etaMinutes, answeredAt: own.answeredAt }
      : null,
    callList: callList.map((c) => ({
      personId: c.personId,
      displayName: c.displayName,
      mobile: c.mobile,
      outcome: c.outcome,
    })),
  };
}

/** What one recipient's card shows: their own call list only, and staff answers of this call-out. */
export async function readAlertCardView(
  db: Executor,
  callOutId: string,
  viewerUserId: string,
): Promise<AlertCardView | null> {
  const shared = await readSharedCardView(db, callOutId);
  return shared ? personalView(db, shared, viewerUserId) : null;
}

type CallOutRow = {
  id: string;
  status: 'open' | 'closed';
  kind: CallOutSummary['kind'];
  urgency: CallOutSummary['urgency'];
  summary: string;
  started_at: Date;
  goal_at: Date;
  version: number;
};

export async function summaryOf(db: Executor, row: CallOutRow): Promise<CallOutSummary> {
  const [progress, tally] = await Promise.all([readProgress(db, row.id), readTally(db, row.id)]);
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    urgency: row.urgency,
    summary: row.summary,
    startedAt: new Date(row.started_at).toISOString(),
    goalAt: new Date(row.goal_at).toISOString(),
    version: row.version,
    progress,
    tally,
  };
}

/**
 * The tab's view. Ally names and numbers only for allies of networks where the viewer holds a role
 * (need-to-know); staff names are visible to everyone who may see the call-out.
 */
export async function readCallOutDetail(
  db: Executor,
  callOutId: string,
  viewerNetworkIds: ReadonlySet<string>,
  now: Date,
): Promise<CallOutDetail | null> {
  const callOut = await db.selectFrom('call_outs').selectAll().where('id', '=', callOutId).executeTakeFirst();
  if (!callOut) return null;
  const [summary, names, followUps, stamp, recipients, callList] = await Promise.all([
    summaryOf(db, callOut),
    namesOf(db, callOutId),
    readFollowUps(db, { callOutId }, now),
    readChangeStamp(db, callOutId),
    db
      .selectFrom('call_out_recipients as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('call_out_deliveries as d', (join) =>
        join.onRef('d.recipient_id', '=', 'r.id').on('d.kind', '=', 'alert'),
      )
      .leftJoin('call_out_answers as a', (join) =>
        join.onRef('a.call_out_id', '=', 'r.call_out_id').onRef('a.user_id', '=', 'r.user_id'),
      )
      .select([
        'r.user_id',
        'u.display_name',
        'r.reason',
        'd.state',
        'a.answer',
        'a.note',
        'a.eta_minutes',
        'a.answered_at',
      ])
      .where('r.call_out_id', '=', callOutId)
      .orderBy('r.added_at')
      .orderBy('u.display_name')
      .execute(),
    readCallList(db, callOutId, null),
  ]);
  return {
    ...summary,
    ask: callOut.ask,
    startedBy: callOut.started_by,
    places: names.places,
    communities: names.communities,
    evaluationNote: callOut.evaluation_note,
    followUps,
    stamp: stamp ?? '',
    closedAt: callOut.closed_at ? new Date(callOut.closed_at).toISOString() : null,
    recipients: recipients.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      reason: r.reason,
      delivery: r.state,
      answer:
        r.answer && r.answered_at
          ? {
              answer: r.answer as StaffAnswer,
              note: r.note,
              etaMinutes: r.eta_minutes,
              answeredAt: new Date(r.answered_at).toISOString(),
            }
          : null,
    })),
    callList: callList.map((c) => {
      const known = viewerNetworkIds.has(c.networkId);
      return {
        personId: c.personId,
        displayName: known ? c.displayName : null,
        mobile: known ? c.mobile : null,
        callerUserId: c.callerUserId,
        callerName: c.callerName,
        outcome: c.outcome,
        heard: known ? c.heard : null,
        coming: c.coming,
      };
    }),
  };
}
