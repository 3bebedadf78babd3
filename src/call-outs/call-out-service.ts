import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { recordAnswer } from './answers.js';
import {
  appendEvent,
  bumpVersion,
  findAlly,
  findByStartToken,
  insertCall,
  insertCallOut,
  insertDeliveries,
  insertRecipients,
  insertTimers,
  lockCallOut,
  markClosed,
  readEscalationSettings,
} from './call-out-store.js';
import { readCallOutDetail, readChangeStamp, summaryOf } from './call-out-views.js';
import { CallOutAnswerError } from './contract.js';
import { checkFollowUpDate, defaultFollowUpDate, planFollowUps } from './follow-ups.js';
import type { CallOutDetail, CallOutPreview, CallOutSummary, StartCallOutInput } from './schemas.js';
import { selectTargets, type Targets } from './targeting/targeting.js';
import { loadTargetingFacts, type TargetingFacts } from './targeting/targeting-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

const GOAL_MS = 60 * 60 * 1000;
const minutes = (n: number) => n * 60 * 1000;

/**
 * Starting needs the role of coordinator or member in at least one targeted network, or administrator:
 * those are the people who act for the network; secretaries and viewers support and read.
 */
function mayStart(access: AccessProfile, networkIds: readonly string[]): boolean {
  if (access.isAdministrator) return true;
  return networkIds.some((id) => {
    const role = access.networkRoles.get(id);
    return role === 'coordinator' || role === 'member';
  });
}

async function target(db: Executor, access: AccessProfile, input: StartCallOutInput) {
  const facts = await loadTargetingFacts(db, input.placeIds, input.communityIds);
  if (facts.networks.length === 0)
    throw new DomainError(
      'rule-violated',
      'No network covers the chosen wijken, so there is nobody to alert.',
    );
  if (
    !mayStart(
      access,
      facts.networks.map((n) => n.id),
    )
  )
    throw new DomainError(
      'forbidden',
      'Starting a call-out needs the coordinator or member role in one of the networks it targets.',
    );
  return { facts, targets: selectTargets(facts.staff, facts.allies, input.communityIds, access.userId) };
}

async function describeTargets(
  db: Executor,
  access: AccessProfile,
  facts: TargetingFacts,
  targets: Targets,
): Promise<CallOutPreview> {
  const userIds = [
    ...new Set([...targets.staff.map((s) => s.userId), ...targets.allies.map((a) => a.callerUserId)]),
  ];
  const users = userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'display_name', 'tenant_id', 'aad_object_id'])
        .where('id', 'in', userIds)
        .execute()
    : [];
  const reachable = userIds.length
    ? await sql<{ id: string }>`select u.id from users u where u.id in (${sql.join(userIds)})
        and exists (select 1 from conversation_references c where c.tenant_id = u.tenant_id::text and c.aad_object_id = u.aad_object_id::text)`.execute(
        db,
      )
    : { rows: [] };
  const people = targets.allies.length
    ? await db
        .selectFrom('people')
        .select(['id', 'display_name'])
        .where(
          'id',
          'in',
          targets.allies.map((a) => a.personId),
        )
        .execute()
    : [];
  const nameOf = (id: string) => users.find((u) => u.id === id)?.display_name ?? '';
  return {
    networks: facts.networks,
    staff: targets.staff.map((s) => ({
      userId: s.userId,
      displayName: nameOf(s.userId),
      networkId: s.networkId,
      reachable: reachable.rows.some((r) => r.id === s.userId),
    })),
    allies: targets.allies.map((a) => ({
      personId: a.personId,
      displayName: access.networkRoles.has(a.networkId)
        ? (people.find((p) => p.id === a.personId)?.display_name ?? null)
        : null,
      networkId: a.networkId,
      callerUserId: a.callerUserId,
      callerName: nameOf(a.callerUserId),
    })),
  };
}

/**
 * Who a call-out would reach, for the starter to check before sending. Nothing of the call-out is written;
 * the read of staff and ally names is audited (`call-out.preview`; the actor is the caller).
 */
export async function previewCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
): Promise<CallOutPreview> {
  const { facts, targets } = await target(db, access, input);
  const preview = await describeTargets(db, access, facts, targets);
  await appendAuditEvent(db, auditEvent(origin, 'call-out.preview', null), now);
  return preview;
}

/**
 * Starts a call-out: in one transaction the call-out, its recipients, one outbox row per staff recipient,
 * the call list, the escalation timers and the first timeline line. The worker sends from there.
 */
export async function startCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
  options: { startToken?: string } = {},
): Promise<CallOutDetail> {
  const id = await db.transaction().execute(async (tx) => {
    const { facts, targets } = await target(tx, access, input);
    const settings = await readEscalationSettings(tx, facts.municipalityId);
    const callOutId = await insertCallOut(tx, {
      municipalityId: facts.municipalityId,
      startedBy: access.userId,
      kind: input.kind,
      urgency: input.urgency,
      summary: input.summary,
      ask: input.ask,
      placeIds: input.placeIds,
      communityIds: input.communityIds,
      startedAt: now,
      goalAt: new Date(now.getTime() + GOAL_MS),
      startToken: options.startToken ?? null,
    });
    const recipients = await insertRecipients(
      tx,
      callOutId,
      targets.staff.map((s) => ({
        userId: s.userId,
        reason: 'network-staff',
        networkId: s.networkId,
        backupForUserId: null,
      })),
      now,
    );
    await insertDeliveries(
      tx,
      callOutId,
      recipients.map((r) => r.id),
      'alert',
      now,
    );
    if (targets.allies.length > 0)
      await tx
        .insertInto('call_out_allies')
        .values(
          targets.allies.map((a) => ({
            call_out_id: callOutId,
            person_id: a.personId,
            network_id: a.networkId,
            caller_user_id: a.callerUserId,
          })),
        )
        .execute();
    const withBackup = new Set(targets.staff.filter((s) => s.backupUserId).map((s) => s.userId));
    await insertTimers(tx, callOutId, [
      ...recipients
        .filter((r) => withBackup.has(r.userId))
        .map((r) => ({
          kind: 'backup-after-no-answer' as const,
          dueAt: new Date(now.getTime() + minutes(settings.backupAfterMinutes)),
          recipientId: r.id,
        })),
      {
        kind: 'next-group',
        dueAt: new Date(now.getTime() + minutes(settings.nextGroupAfterMinutes)),
        recipientId: null,
      },
      {
        kind: 'reminder',
        dueAt: new Date(now.getTime() + minutes(settings.reminderAfterMinutes)),
        recipientId: null,
      },
    ]);
    await appendEvent(tx, callOutId, 'started', now, { userId: access.userId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'call-out.start', { type: 'call-out', id: callOutId }),
      now,
    );
    return callOutId;
  });
  return (await readCallOutDetail(db, id, new Set(access.networkRoles.keys()), now)) as CallOutDetail;
}

/** Who may see a call-out: administrators, the starter, its recipients and staff of a covering network. */
export async function visibleCallOut(db: Executor, access: AccessProfile, callOutId: string) {
  const callOut = await db.selectFrom('call_outs').selectAll().where('id', '=', callOutId).executeTakeFirst();
  const hidden = new DomainError('not-found', 'There is no such call-out among yours.');
  if (!callOut) throw hidden;
  if (access.isAdministrator || callOut.started_by === access.userId) return callOut;
  const recipient = await db
    .selectFrom('call_out_recipients')
    .select('id')
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', access.userId)
    .executeTakeFirst();
  if (recipient) return callOut;
  const networkIds = [...access.networkRoles.keys()];
  if (networkIds.length === 0) throw hidden;
  const covering = await sql<{ id: string }>`
    select n.id from networks n
    where n.id in (${sql.join(networkIds)}) and n.area_id in (
      select a.id from call_out_places p join areas a on a.id = p.area_id where p.call_out_id = ${callOutId}
      union select a.parent_id from call_out_places p join areas a on a.id = p.area_id
        where p.call_out_id = ${callOutId} and a.parent_id is not null)
    limit 1`.execute(db);
  if (covering.rows.length === 0) throw hidden;
  return callOut;
}

export async function getCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  now: Date,
): Promise<CallOutDetail> {
  await visibleCallOut(db, access, callOutId);
  const detail = await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now);
  await appendAuditEvent(db, auditEvent(origin, 'call-out.read', { type: 'call-out', id: callOutId }), now);
  return detail as CallOutDetail;
}

/**
 * Starts a call-out once per idempotency key (the API's `Idempotency-Key`): a repeated request with the same
 * key from the same starter — a tool retrying after a lost answer — gets the call-out the first one started
 * (read and audited as a read) instead of alerting everyone a second time. Two requests racing with one key
 * meet at the unique index on (started_by, start_token); the loser reads the winner's call-out.
 */
export async function startCallOutOnce(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
  key: string,
): Promise<{ callOut: CallOutDetail; replayed: boolean }> {
  const replay = async (id: string) => ({
    callOut: await getCallOut(db, origin, access, id, now),
    replayed: true,
  });
  const earlier = await findByStartToken(db, access.userId, key);
  if (earlier) return replay(earlier);
  try {
    return {
      callOut: await startCallOut(db, origin, access, input, now, { startToken: key }),
      replayed: false,
    };
  } catch (error) {
    const raced = isUniqueViolation(error) ? await findByStartToken(db, access.userId, key) : null;
    if (raced) return replay(raced);
    throw error;
  }
}

/**
 * Whether the call-out changed since the caller last read it: the same visibility check as a read, but
 * not audited — the stamp holds no personal data, and the read that follows a change is audited.
 */
export async function getChangeStamp(
  db: Kysely<Database>,
  access: AccessProfile,
  callOutId: string,
): Promise<{ stamp: string }> {
  await visibleCallOut(db, access, callOutId);
  return { stamp: (await readChangeStamp(db, callOutId)) ?? '' };
}

/** Open call-outs the caller may see, newest first. */
export async function listOpenCallOuts(
  db: Kysely<Database>,
  access: AccessProfile,
): Promise<CallOutSummary[]> {
  const rows = await db
    .selectFrom('call_outs')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();
  const visible: CallOutSummary[] = [];
  for (const row of rows) {
    const seen = await visibleCallOut(db, access, row.id).then(
      () => true,
      () => false,
    );
    if (seen) visible.push(await summaryOf(db, row));
  }
  return visible;
}

/** The tab's answer as the signed-in staff member: the same rule as the card's. */
export async function answerAsStaff(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  input: {
    answer: 'coming' | 'calling-allies' | 'unavailable';
    note: string | null;
    etaMinutes: number | null;
  },
  now: Date,
): Promise<CallOutDetail> {
  await visibleCallOut(db, access, callOutId);
  try {
    await recordAnswer(db, origin, access.userId, { callOutId, ...input }, now);
  } catch (error) {
    if (error instanceof CallOutAnswerError) throw answerProblem(error);
    throw error;
  }
  return (await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now)) as CallOutDetail;
}

function answerProblem(error: CallOutAnswerError): DomainError {
  switch (error.code) {
    case 'not-found':
      return new DomainError('not-found', error.message);
    case 'closed':
    case 'not-a-recipient':
      return new DomainError('rule-violated', error.message);
    case 'invalid':
      return new DomainError('validation-failed', error.message);
  }
}

/** Records a call to an ally on the call list: by their caller, or by anyone with a role in the ally's network. */
export async function recordCall(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  input: {
    personId: string;
    outcome: 'reached' | 'voicemail' | 'not-reached';
    heard: string | null;
    coming: boolean;
  },
  now: Date,
): Promise<CallOutDetail> {
  await visibleCallOut(db, access, callOutId);
  await db.transaction().execute(async (tx) => {
    const callOut = await lockCallOut(tx, callOutId);
    if (callOut?.status !== 'open') throw new DomainError('rule-violated', 'The call-out is closed.');
    const ally = await findAlly(tx, callOutId, input.personId);
    if (!ally)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        { field: 'body.personId', message: 'is not on this call list' },
      ]);
    if (ally.callerUserId !== access.userId && !access.networkRoles.has(ally.networkId))
      throw new DomainError(
        'forbidden',
        'Only the assigned caller or staff of the ally’s network record this call.',
      );
    await insertCall(tx, callOutId, { ...input, callerUserId: access.userId }, now);
    await bumpVersion(tx, callOutId, now);
    await appendEvent(tx, callOutId, 'call-recorded', now, {
      userId: access.userId,
      personId: input.personId,
    });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'call-out.call-record', { type: 'person', id: input.personId }),
      now,
    );
  });
  return (await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now)) as CallOutDetail;
}

/** Closes with an evaluation note (after-action review); the starter, coordinators of a covering network, or administrators. */
export async function closeCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  input: { evaluationNote: string; followUpBy?: string | undefined },
  now: Date,
): Promise<CallOutDetail> {
  const callOut = await visibleCallOut(db, access, callOutId);
  const coordinates = [...access.networkRoles.values()].includes('coordinator');
  if (!access.isAdministrator && callOut.started_by !== access.userId && !coordinates)
    throw new DomainError(
      'forbidden',
      'Closing a call-out is for its starter, coordinators and administrators.',
    );
  const followUpBy = input.followUpBy ?? defaultFollowUpDate(now);
  checkFollowUpDate(followUpBy, now);
  await db.transaction().execute(async (tx) => {
    const locked = await lockCallOut(tx, callOutId);
    if (locked?.status !== 'open') throw new DomainError('conflict', 'The call-out is already closed.');
    await markClosed(tx, callOutId, access.userId, input.evaluationNote, now);
    await bumpVersion(tx, callOutId, now);
    await appendEvent(tx, callOutId, 'closed', now, { userId: access.userId });
    // Seed 002: after the crisis the network helps with processing and reconciliation.
    if ((await planFollowUps(tx, callOutId, followUpBy, access.userId, now)) > 0)
      await appendEvent(tx, callOutId, 'follow-up-planned', now, { userId: access.userId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'call-out.close', { type: 'call-out', id: callOutId }),
      now,
    );
  });
  return (await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now)) as CallOutDetail;
}

/** The timeline for the after-action review, oldest first; ids only. */
export async function readTimeline(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  now: Date,
) {
  await visibleCallOut(db, access, callOutId);
  // A delivery's line names its recipient, so the review can tell whose card went where.
  const rows = await db
    .selectFrom('call_out_events as e')
    .leftJoin('call_out_deliveries as d', 'd.id', 'e.delivery_id')
    .leftJoin('call_out_recipients as r', 'r.id', 'd.recipient_id')
    .select(['e.at', 'e.kind', 'e.person_id', 'e.delivery_id'])
    .select((eb) => eb.fn.coalesce('e.user_id', 'r.user_id').as('user_id'))
    .where('e.call_out_id', '=', callOutId)
    .orderBy('e.id')
    .execute();
  await appendAuditEvent(
    db,
    auditEvent(origin, 'call-out.timeline-read', { type: 'call-out', id: callOutId }),
    now,
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    userId: r.user_id,
    personId: r.person_id,
    deliveryId: r.delivery_id,
  }));
}
