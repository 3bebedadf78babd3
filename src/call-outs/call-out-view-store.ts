import { type Kysely, sql, type Transaction } from 'kysely';
import { joinableUsers } from '../identity/index.js';
import { joinablePeople } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { joinableAreas, joinableCommunities } from '../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/* The select of a tally's counts: recipients, and answers by kind (a recipient without one is pending). */
const answerCountsSelect = (callOutId: string) => sql`
    select (select count(*) from call_out_recipients where call_out_id = ${callOutId}) as recipients,
      count(*) filter (where answer = 'coming') as coming,
      count(*) filter (where answer = 'calling-allies') as calling,
      count(*) filter (where answer = 'unavailable') as unavailable
    from call_out_answers where call_out_id = ${callOutId}`;

/* The select of the progress counts: a recipient counts once, by their alert card. */
const deliveryCountsSelect = (callOutId: string) => sql`
    select count(*) as recipients,
      count(*) filter (where d.state = 'sent') as sent,
      count(*) filter (where d.state in ('failed', 'unreachable')) as unreachable,
      count(a.user_id) as answered
    from call_out_recipients r
    left join call_out_deliveries d on d.recipient_id = r.id and d.kind = 'alert'
    left join call_out_answers a on a.call_out_id = r.call_out_id and a.user_id = r.user_id
    where r.call_out_id = ${callOutId}`;

/** The counts behind a tally; a recipient without an answer is pending. */
export async function readAnswerCounts(db: Executor, callOutId: string) {
  const row = await sql<{
    recipients: string | number;
    coming: string | number;
    calling: string | number;
    unavailable: string | number;
  }>`${answerCountsSelect(callOutId)}`.execute(db);
  return row.rows[0];
}

/** Recipients, sent, unreachable and answered: a recipient counts once, by their alert card. */
export async function readDeliveryCounts(db: Executor, callOutId: string) {
  const row = await sql<{
    recipients: string | number;
    sent: string | number;
    unreachable: string | number;
    answered: string | number;
  }>`${deliveryCountsSelect(callOutId)}`.execute(db);
  return row.rows[0];
}

/** What the change stamp is made of; see stampOf in call-out-views.ts. */
export interface StampParts {
  version: number;
  /** The delivery states by kind and count (`alert:pending=2,alert:sent=3`), null without deliveries. */
  states: string | null;
  /** Whether any delivery is still pending or being sent: the call-out is being sent out. */
  sending: boolean;
  /** The progress counts (as {@link readDeliveryCounts}), served with the stamp so no re-read is needed. */
  recipients: string | number;
  sent: string | number;
  unreachable: string | number;
  answered: string | number;
}

/*
 * The parts of the stamp as columns of one select over `call_outs c` joined to its counter row
 * (call_out_progress, migration 0050) by primary key. Triggers keep that row in the same transaction as
 * every change of a delivery, recipient or answer, so a poll no longer groups the call-out's deliveries:
 * under 1,000 polling pages during a fan-out the grouping was most of the stamp's cost (issue 21). The
 * states are listed by kind and state as `kind:state=n`, only those with a count, as the grouping did.
 */
const stampOnlyColumns = sql`c.version,
      nullif(concat_ws(',',
        'alert:failed=' || nullif(p.alert_failed, 0), 'alert:pending=' || nullif(p.alert_pending, 0),
        'alert:sending=' || nullif(p.alert_sending, 0), 'alert:sent=' || nullif(p.alert_sent, 0),
        'alert:unreachable=' || nullif(p.alert_unreachable, 0),
        'reminder:failed=' || nullif(p.reminder_failed, 0), 'reminder:pending=' || nullif(p.reminder_pending, 0),
        'reminder:sending=' || nullif(p.reminder_sending, 0), 'reminder:sent=' || nullif(p.reminder_sent, 0),
        'reminder:unreachable=' || nullif(p.reminder_unreachable, 0)), '') as states,
      coalesce(p.alert_pending + p.alert_sending + p.reminder_pending + p.reminder_sending, 0) > 0 as sending`;
const stampColumns = sql`${stampOnlyColumns},
      coalesce(p.alert_sent, 0) as sent,
      coalesce(p.alert_failed + p.alert_unreachable, 0) as unreachable,
      coalesce(p.recipients, 0) as recipients, coalesce(p.answered, 0) as answered`;

/* The counter row; a left join so a call-out whose row is missing still has a stamp (of zeros). */
const progressJoin = sql`left join call_out_progress p on p.call_out_id = c.id`;

/** The parts of the change stamp in one statement; undefined without the call-out. */
export async function readStampParts(db: Executor, callOutId: string) {
  const row = await sql<StampParts>`
    select ${stampColumns}
    from call_outs c ${progressJoin} where c.id = ${callOutId}`.execute(db);
  return row.rows[0];
}

/**
 * The stamp's parts with the progress counts (as {@link readDeliveryCounts}), and the tally's counts (as
 * {@link readAnswerCounts}; its recipients as `tally_recipients`).
 */
export interface DetailCounts extends StampParts {
  tally_recipients: string | number;
  coming: string | number;
  calling: string | number;
  unavailable: string | number;
}

/**
 * What the call-out page's read counts, in one statement instead of four: the progress (the same select as
 * {@link readDeliveryCounts}), the tally's counts (as {@link readAnswerCounts}), the change stamp's parts (as
 * {@link readStampParts}) and the names of its wijken and communities (as {@link readPlaceAndCommunityNames}, in the
 * same order). Undefined without the call-out.
 */
export async function readDetailCounts(db: Executor, callOutId: string) {
  const row = await sql<DetailCounts & { names: [NameRow['kind'], string, string][] }>`
    select ${stampOnlyColumns}, d.recipients, d.sent, d.unreachable, d.answered,
      t.recipients as tally_recipients, t.coming, t.calling, t.unavailable,
      (select coalesce(json_agg(json_build_array(n.kind, n.id, n.name) order by n.kind, n.name), '[]'::json)
        from (${placeAndCommunityRows(db, callOutId)}) n) as names
    from call_outs c ${progressJoin}
    cross join (${deliveryCountsSelect(callOutId)}) d
    cross join (${answerCountsSelect(callOutId)}) t
    where c.id = ${callOutId}`.execute(db);
  const r = row.rows[0];
  if (!r) return undefined;
  const { names, ...counts } = r;
  return { ...counts, ...namesByKind(names.map(([kind, id, name]) => ({ kind, id, name }))) };
}

/**
 * {@link readStampParts} together with what the change stamp's visibility check needs first — who started the
 * call-out and whether `userId` is one of its recipients — in one statement: the stamp is polled every 5 s
 * by every open call-out page, and three statements per poll were most of its cost. Undefined when unknown.
 */
export async function readStampWithVisibility(db: Executor, callOutId: string, userId: string) {
  const row = await sql<StampParts & { startedBy: string | null; recipient: boolean }>`
    select ${stampColumns}, c.started_by as "startedBy",
      exists (select 1 from call_out_recipients r where r.call_out_id = c.id and r.user_id = ${userId}) as recipient
    from call_outs c ${progressJoin} where c.id = ${callOutId}`.execute(db);
  return row.rows[0];
}

/** A call-out's row, or undefined. */
export async function readCallOutRow(db: Executor, callOutId: string) {
  return db.selectFrom('call_outs').selectAll().where('id', '=', callOutId).executeTakeFirst();
}

/**
 * {@link readCallOutRow} with whether `userId` is one of its recipients, in one statement: the visibility check's
 * first two steps (a recipient may always see the call-out), one round trip instead of two for every recipient who
 * opens the call-out page from their card (issue 21).
 */
export async function readCallOutRowForViewer(db: Executor, callOutId: string, userId: string) {
  const row = await db
    .selectFrom('call_outs as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('call_out_recipients as r')
            .select('r.id')
            .whereRef('r.call_out_id', '=', 'c.id')
            .where('r.user_id', '=', userId),
        )
        .as('viewer_is_recipient'),
    )
    .where('c.id', '=', callOutId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { viewer_is_recipient: recipient, ...callOut } = row;
  return { callOut, recipient: Boolean(recipient) };
}

/** The most recent open call-outs, newest first (visibility is the caller's to check). */
export async function readOpenCallOutRows(db: Executor, limit: number) {
  return db
    .selectFrom('call_outs')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

/* The names of a call-out's wijken and communities as one `union all` of rows (kind, id, name). */
const placeAndCommunityRows = (db: Executor, callOutId: string) =>
  db
    .selectFrom('call_out_places')
    .innerJoin(joinableAreas(db).as('areas'), 'areas.id', 'call_out_places.area_id')
    .select([sql<'place' | 'community'>`'place'`.as('kind'), 'areas.id', 'areas.name'])
    .where('call_out_id', '=', callOutId)
    .unionAll(
      db
        .selectFrom('call_out_communities')
        .innerJoin(
          joinableCommunities(db).as('communities'),
          'communities.id',
          'call_out_communities.community_id',
        )
        .select([sql<'place' | 'community'>`'community'`.as('kind'), 'communities.id', 'communities.name'])
        .where('call_out_id', '=', callOutId),
    );

type NameRow = { kind: 'place' | 'community'; id: string; name: string };

/** The rows of {@link placeAndCommunityRows} as wijken and communities, each in the order given. */
function namesByKind(rows: readonly NameRow[]) {
  const named = (kind: 'place' | 'community') =>
    rows.filter((row) => row.kind === kind).map(({ id, name }) => ({ id, name }));
  return { places: named('place'), communities: named('community') };
}

/** The names of a call-out's wijken and communities, by name: one statement for both (issue 21). */
export async function readPlaceAndCommunityNames(db: Executor, callOutId: string) {
  return namesByKind(await placeAndCommunityRows(db, callOutId).orderBy('kind').orderBy('name').execute());
}

/** Latest call outcome per ally on the call list (of one caller, or everyone's), with the caller's name. */
export async function readCallList(db: Executor, callOutId: string, callerUserId: string | null) {
  let query = db
    .selectFrom('call_out_allies as a')
    .innerJoin(joinablePeople(db).as('p'), 'p.id', 'a.person_id')
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'a.caller_user_id')
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

/** Staff answers of a call-out with the answerer's name, latest first. */
export async function readStaffAnswers(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_out_answers as a')
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'a.user_id')
    .select(['a.user_id', 'u.display_name', 'a.answer', 'a.note', 'a.eta_minutes', 'a.answered_at'])
    .where('a.call_out_id', '=', callOutId)
    .orderBy('a.answered_at', 'desc')
    .execute();
}

/** Every recipient with their alert card's state and their answer, in the order they were added. */
export async function readRecipientRows(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_out_recipients as r')
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'r.user_id')
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
    .execute();
}

/** The timeline, oldest first; a delivery's line names its recipient, so the review can tell whose card went where. */
export async function readTimelineRows(db: Executor, callOutId: string) {
  return db
    .selectFrom('call_out_events as e')
    .leftJoin('call_out_deliveries as d', 'd.id', 'e.delivery_id')
    .leftJoin('call_out_recipients as r', 'r.id', 'd.recipient_id')
    .select(['e.at', 'e.kind', 'e.person_id', 'e.delivery_id'])
    .select((eb) => eb.fn.coalesce('e.user_id', 'r.user_id').as('user_id'))
    .where('e.call_out_id', '=', callOutId)
    .orderBy('e.id')
    .execute();
}

/** True when the recipient was absent (continuity) when the call-out started. */
export async function readRecipientAbsent(db: Executor, callOutId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('call_out_recipients')
    .select('absent')
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.absent ?? false;
}

/** Names of wijken and communities by id, ordered by name as a started call-out's card lists them. */
export async function readNamesOfPlaces(
  db: Executor,
  placeIds: readonly string[],
  communityIds: readonly string[],
) {
  const places =
    placeIds.length === 0
      ? []
      : await db
          .selectFrom(joinableAreas(db).as('areas'))
          .select(['id', 'name'])
          .where('id', 'in', [...placeIds])
          .orderBy('name')
          .execute();
  const communities =
    communityIds.length === 0
      ? []
      : await db
          .selectFrom(joinableCommunities(db).as('communities'))
          .select(['id', 'name'])
          .where('id', 'in', [...communityIds])
          .orderBy('name')
          .execute();
  return { places, communities };
}
