import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import { type CandidateStatus, canTransition } from './constants.js';
import type { AssessCandidate, CandidateDetail, ChangeStatus } from './schemas.js';
import { afterChange } from './selection-read.js';
import {
  type Db,
  lockOpenCandidate,
  requireNetwork,
  requireParty,
  requireWritable,
} from './selection-shared.js';
import { updateCandidate, upsertAssessments } from './selection-store.js';

const STATUS_ACTIONS: Record<CandidateStatus, string> = {
  proposed: 'selection.status-proposed',
  under_review: 'selection.status-under-review',
  visit_planned: 'selection.status-visit-planned',
  visited: 'selection.status-visited',
  admitted: 'selection.status-admitted',
  not_admitted: 'selection.status-not-admitted',
  on_hold: 'selection.status-on-hold',
};

/** The caller's party judges the candidate per criterion; a proposed candidate moves to review (audited). */
export async function assessCandidate(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  input: AssessCandidate,
  now: Date,
): Promise<CandidateDetail> {
  const party = await requireParty(db, origin);
  await transaction(db, async (tx) => {
    requireWritable(await requireNetwork(tx, networkId));
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    await upsertAssessments(
      tx,
      candidateId,
      party,
      origin.actorUserId ?? '',
      input.assessments.map((a) => ({ ...a, note: a.note ?? null })),
      now,
    );
    const status: CandidateStatus = candidate.status === 'proposed' ? 'under_review' : candidate.status;
    await updateCandidate(tx, candidateId, { status }, now);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'selection.assess', { type: 'candidate', id: candidateId }),
      now,
    );
  });
  return afterChange(db, origin, networkId, candidateId, now);
}

export const badTransition = (from: CandidateStatus, to: CandidateStatus): DomainError =>
  new DomainError(
    'conflict',
    `A candidate cannot go from ${from} to ${to} by hand; visited follows from the visit, admitted from both approvals.`,
  ).because('selection-bad-transition');

/** A manual status change along the allowed transitions, with optimistic concurrency (audited). */
export async function changeStatus(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  input: ChangeStatus,
  now: Date,
): Promise<CandidateDetail> {
  await transaction(db, async (tx) => {
    requireWritable(await requireNetwork(tx, networkId));
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    if (!canTransition(candidate.status, input.status)) throw badTransition(candidate.status, input.status);
    const changed = await updateCandidate(
      tx,
      candidateId,
      {
        status: input.status,
        ...(input.status === 'visit_planned' ? { visit_planned_on: input.visitPlannedOn ?? null } : {}),
        ...(input.status === 'not_admitted' ? { decided_at: now } : {}),
      },
      now,
      input.version,
    );
    if (!changed)
      throw new DomainError(
        'conflict',
        'Someone else changed this candidate since you opened it; reload and try again.',
      ).because('changed-meanwhile');
    await appendAuditEvent(
      tx,
      auditEvent(origin, STATUS_ACTIONS[input.status], { type: 'candidate', id: candidateId }),
      now,
    );
  });
  return afterChange(db, origin, networkId, candidateId, now);
}
