import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { joinableAreas } from '../setup/index.js';
import type { CallOutEventKind } from './constants.js';
import type { CallOutKind, CallOutUrgency, StaffAnswer } from './contract.js';
import type { CallOutcome, DeliveryKind, RecipientReason, TimerKind } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction, committed when it resolves and rolled back when it throws: services keep
 * their transaction boundaries while only stores speak to the database.
 */
export function transaction<DB, T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

export interface NewCallOut {
  municipalityId: string;
  startedBy: string;
  kind: CallOutKind;
  urgency: CallOutUrgency;
  summary: string;
  ask: string;
  placeIds: readonly string[];
  communityIds: readonly string[];
  startedAt: Date;
  goalAt: Date;
  /** Idempotency key of the start (see migration 0011), or null. */
  startToken?: string | null;
}

export async function insertCallOut(tx: Transaction<Database>, callOut: NewCallOut): Promise<string> {
  const { id } = await tx
    .insertInto('call_outs')
    .values({
      municipality_id: callOut.municipalityId,
      started_by: callOut.startedBy,
      kind: callOut.kind,
      urgency: callOut.urgency,
      summary: callOut.summary,
      ask: callOut.ask,
      started_at: callOut.startedAt,
      goal_at: callOut.goalAt,
      evaluation_note: null,
      closed_by: null,
      start_token: callOut.startToken ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('call_out_places')
    .values(callOut.placeIds.map((areaId) => ({ call_out_id: id, area_id: areaId })))
    .execute();
  if (callOut.communityIds.length > 0)
    await tx
      .insertInto('call_out_communities')
      .values(callOut.communityIds.map((communityId) => ({ call_out_id: id, community_id: communityId })))
      .execute();
  return id;
}

export interface NewRecipient {
  userId: string;
  reason: RecipientReason;
  networkId: string | null;
  backupForUserId: string | null;
  /** Absent (continuity) at the start: the card still goes, marked so, after the back-up's. */
  absent?: boolean;
}

/** Adds staff recipients (skipping those already on the call-out); returns the new ones' ids by user. */
export async function insertRecipients(
  tx: Executor,
  callOutId: string,
  recipients: readonly NewRecipient[],
  now: Date,
): Promise<Array<{ id: string; userId: string }>> {
  if (recipients.length === 0) return [];
  const rows = await tx
    .insertInto('call_out_recipients')
    .values(
      recipients.map((r) => ({
        call_out_id: callOutId,
        user_id: r.userId,
        reason: r.reason,
        network_id: r.networkId,
        backup_for_user_id: r.backupForUserId,
        added_at: now,
        absent: r.absent ?? false,
      })),
    )
    .onConflict((oc) => oc.columns(['call_out_id', 'user_id']).doNothing())
    .returning(['id', 'user_id as userId'])
    .execute();
  return rows;
}

/**
 * Puts one card per recipient in the outbox, due at once; `dueAt` may set a recipient's own moment (workers
 * claim by due time, so an earlier one leaves first).
 */
export async function insertDeliveries(
  tx: Executor,
  callOutId: string,
  recipientIds: readonly string[],
  kind: DeliveryKind,
  now: Date,
  dueAt: (recipientId: string) => Date = () => now,
): Promise<string[]> {
  if (recipientIds.length === 0) return [];
  const rows = await tx
    .insertInto('call_out_deliveries')
    .values(
      recipientIds.map((recipientId) => ({
        call_out_id: callOutId,
        recipient_id: recipientId,
        kind,
        next_attempt_at: dueAt(recipientId),
        claimed_by: null,
        claimed_until: null,
        service_url: null,
        conversation_id: null,
        activity_id: null,
        last_error: null,
        shown_version: null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['recipient_id', 'kind']).doNothing())
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertTimers(
  tx: Executor,
  callOutId: string,
  timers: ReadonlyArray<{ kind: TimerKind; dueAt: Date; recipientId: string | null }>,
): Promise<void> {
  if (timers.length === 0) return;
  await tx
    .insertInto('call_out_timers')
    .values(
      timers.map((t) => ({
        call_out_id: callOutId,
        kind: t.kind,
        due_at: t.dueAt,
        recipient_id: t.recipientId,
      })),
    )
    .execute();
}

/** One line of the call-out's timeline; ids only. */
export async function appendEvent(
  db: Executor,
  callOutId: string,
  kind: CallOutEventKind,
  at: Date,
  ids: { userId?: string | null; personId?: string | null; deliveryId?: string | null } = {},
): Promise<void> {
  await db
    .insertInto('call_out_events')
    .values({
      call_out_id: callOutId,
      at,
      kind,
      user_id: ids.userId ?? null,
      person_id: ids.personId ?? null,
      delivery_id: ids.deliveryId ?? null,
    })
    .execute();
}

/** Locks the call-out row so version bumps and answers of one call-out queue behind each other. */
export async function lockCallOut(tx: Transaction<Database>, callOutId: string) {
  return tx
    .selectFrom('call_outs')
    .select(['id', 'status', 'municipality_id as municipalityId', 'version', 'started_at as startedAt'])
    .where('id', '=', callOutId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Bumps the version and asks for a refresh of every sent copy. At most one update waits per copy: a later
 * change only raises the version it waits for, so a burst of answers costs one PUT per recipient.
 */
export async function bumpVersion(tx: Executor, callOutId: string, now: Date): Promise<number> {
  const { version } = await tx
    .updateTable('call_outs')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', callOutId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await sql`insert into call_out_card_updates (delivery_id, call_out_id, wanted_version, next_attempt_at)
    select id, call_out_id, ${version}, ${now} from call_out_deliveries
    where call_out_id = ${callOutId} and state = 'sent' and activity_id is not null
    on conflict (delivery_id) do update set wanted_version = greatest(call_out_card_updates.wanted_version, excluded.wanted_version)`.execute(
    tx,
  );
  return version;
}

export async function findRecipient(db: Executor, callOutId: string, userId: string) {
  return db
    .selectFrom('call_out_recipients')
    .select(['id', 'user_id as userId'])
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Stores the answer, replacing an earlier one; `replaced` says whether there was one. */
export async function upsertAnswer(
  tx: Executor,
  callOutId: string,
  userId: string,
  answer: { answer: StaffAnswer; note: string | null; etaMinutes: number | null },
  now: Date,
): Promise<{ replaced: boolean }> {
  const before = await tx
    .selectFrom('call_out_answers')
    .select('answer')
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const values = {
    answer: answer.answer,
    note: answer.note,
    eta_minutes: answer.etaMinutes,
    answered_at: now,
  };
  await tx
    .insertInto('call_out_answers')
    .values({ call_out_id: callOutId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['call_out_id', 'user_id']).doUpdateSet(values))
    .execute();
  return { replaced: before !== undefined };
}

export async function findAlly(db: Executor, callOutId: string, personId: string) {
  return db
    .selectFrom('call_out_allies')
    .select(['person_id as personId', 'caller_user_id as callerUserId', 'network_id as networkId'])
    .where('call_out_id', '=', callOutId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function insertCall(
  tx: Executor,
  callOutId: string,
  call: {
    personId: string;
    callerUserId: string;
    outcome: CallOutcome;
    heard: string | null;
    coming: boolean;
  },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('call_out_calls')
    .values({
      call_out_id: callOutId,
      person_id: call.personId,
      caller_user_id: call.callerUserId,
      outcome: call.outcome,
      heard: call.heard,
      coming: call.coming,
      recorded_at: now,
    })
    .execute();
}

/** Closes the call-out and stops its escalation: timers not yet fired never will. */
export async function markClosed(
  tx: Executor,
  callOutId: string,
  closedBy: string,
  evaluationNote: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('call_outs')
    .set({ status: 'closed', closed_at: now, closed_by: closedBy, evaluation_note: evaluationNote })
    .where('id', '=', callOutId)
    .execute();
  await tx
    .deleteFrom('call_out_timers')
    .where('call_out_id', '=', callOutId)
    .where('fired_at', 'is', null)
    .execute();
}

/** The call-out this starter started with this idempotency key, if any. */
export async function findByStartToken(
  db: Executor,
  startedBy: string,
  startToken: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('call_outs')
    .select('id')
    .where('started_by', '=', startedBy)
    .where('start_token', '=', startToken)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The allies on a new call-out's call list, each with the staff member who phones them. */
export async function insertAllies(
  tx: Transaction<Database>,
  callOutId: string,
  allies: readonly { personId: string; networkId: string; callerUserId: string }[],
): Promise<void> {
  if (allies.length === 0) return;
  await tx
    .insertInto('call_out_allies')
    .values(
      allies.map((a) => ({
        call_out_id: callOutId,
        person_id: a.personId,
        network_id: a.networkId,
        caller_user_id: a.callerUserId,
      })),
    )
    .execute();
}

/** Whether a call-out with this id exists. */
export async function callOutExists(db: Executor, callOutId: string): Promise<boolean> {
  const row = await db.selectFrom('call_outs').select('id').where('id', '=', callOutId).executeTakeFirst();
  return row !== undefined;
}

/** A call-out's wijken and the districts they lie in: the areas whose networks cover the call-out. */
export async function readCoveredAreaIds(db: Executor, callOutId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_places as p')
    .innerJoin(joinableAreas(db).as('a'), 'a.id', 'p.area_id')
    .select(['a.id', 'a.parent_id'])
    .where('p.call_out_id', '=', callOutId)
    .execute();
  return [...new Set(rows.flatMap((row) => (row.parent_id ? [row.id, row.parent_id] : [row.id])))];
}
