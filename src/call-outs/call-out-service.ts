import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { recordAnswer } from './answers.js';
import { visibleCallOut } from './call-out-read.js';
import {
  appendEvent,
  bumpVersion,
  findAlly,
  insertCall,
  lockCallOut,
  markClosed,
  transaction,
} from './call-out-store.js';
import { readOpenCallOutRows, readTimelineRows } from './call-out-view-store.js';
import { readCallOutDetail, readChangeStampFor, summaryOf } from './call-out-views.js';
import { CallOutAnswerError } from './contract.js';
import { checkFollowUpDate, defaultFollowUpDate, planFollowUps } from './follow-ups.js';
import type { CallOutDetail, CallOutSummary } from './schemas.js';

// Starting and reading one call-out live in their own files; importers keep this one entry point.
export { getCallOut, readVisibleCallOut, visibleCallOut } from './call-out-read.js';
export { previewAlertCard, previewCallOut, startCallOut, startCallOutOnce } from './start-call-out.js';

/**
 * Whether the call-out changed since the caller last read it: the same visibility check as a read, but
 * not audited — the stamp holds no personal data, and the read that follows a change is audited.
 */
export async function getChangeStamp(
  db: Kysely<Database>,
  access: AccessProfile,
  callOutId: string,
): Promise<{ stamp: string; progress: CallOutSummary['progress'] }> {
  // One statement for the call-out's starter, a recipient or an administrator (nearly every poll); the
  // network-staff path of visibleCallOut reads further only for the others.
  const read = await readChangeStampFor(db, callOutId, access.userId);
  if (!read) throw new DomainError('not-found', 'There is no such call-out among yours.');
  if (!access.isAdministrator && !read.starterOrRecipient) await visibleCallOut(db, access, callOutId);
  return { stamp: read.stamp, progress: read.progress };
}

/** Open call-outs the caller may see, newest first. */
export async function listOpenCallOuts(
  db: Kysely<Database>,
  access: AccessProfile,
): Promise<CallOutSummary[]> {
  const rows = await readOpenCallOutRows(db, 100);
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

/** A refused answer as the HTTP edge reports it. */
export function answerProblem(error: CallOutAnswerError): DomainError {
  switch (error.code) {
    case 'not-found':
      return new DomainError('not-found', error.message);
    case 'closed':
      return new DomainError('rule-violated', error.message).because('call-out-closed');
    case 'not-a-recipient':
      return new DomainError('rule-violated', error.message).because('not-a-recipient');
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
  await transaction(db, async (tx) => {
    const callOut = await lockCallOut(tx, callOutId);
    if (callOut?.status !== 'open')
      throw new DomainError('rule-violated', 'The call-out is closed.').because('call-out-closed');
    const ally = await findAlly(tx, callOutId, input.personId);
    if (!ally)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        {
          field: 'body.personId',
          code: 'unknown_reference',
          kind: 'call-list',
          message: 'is not on this call list',
        },
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
  await transaction(db, async (tx) => {
    const locked = await lockCallOut(tx, callOutId);
    if (locked?.status !== 'open')
      throw new DomainError('conflict', 'The call-out is already closed.').because('call-out-closed');
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
  return readVisibleTimeline(db, origin, callOutId, now);
}

/** {@link readTimeline} for a call-out whose visibility has already been checked ({@link visibleCallOut}). */
export async function readVisibleTimeline(
  db: Kysely<Database>,
  origin: AuditOrigin,
  callOutId: string,
  now: Date,
) {
  const timeline = await timelineOfVisible(db, callOutId);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'call-out.timeline-read', { type: 'call-out', id: callOutId }),
    now,
  );
  return timeline;
}

/** {@link readVisibleTimeline} without its audit row, for a caller that appends it (the call-out page's request). */
export async function timelineOfVisible(db: Kysely<Database>, callOutId: string) {
  const rows = await readTimelineRows(db, callOutId);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    userId: r.user_id,
    personId: r.person_id,
    deliveryId: r.delivery_id,
  }));
}
