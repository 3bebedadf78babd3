import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readNetworkStaff } from '../identity/index.js';
import { admitAlly } from '../network/index.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { badTransition } from './candidate-review.js';
import type { Party } from './constants.js';
import type { CandidateDetail, RecordVisit } from './schemas.js';
import { afterChange } from './selection-read.js';
import {
  type Db,
  loadMatchContext,
  lockOpenCandidate,
  matchesOf,
  requireNetwork,
  requireParty,
  requireWritable,
} from './selection-shared.js';
import {
  type CandidateRow,
  insertApproval,
  readApprovals,
  readCandidateCommunities,
  readVisit,
  updateCandidate,
  upsertVisit,
} from './selection-store.js';

/** Records the home visit: who went (staff of the network, one per party), the outcome, rules and consent (audited). */
export async function recordVisit(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  input: RecordVisit,
  now: Date,
): Promise<CandidateDetail> {
  await transaction(db, async (tx) => {
    requireWritable(await requireNetwork(tx, networkId));
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    if (candidate.status !== 'visit_planned' && candidate.status !== 'visited')
      throw badTransition(candidate.status, 'visited');
    const staff = await readNetworkStaff(tx, networkId);
    const errors: FieldError[] = [];
    const checkVisitor = (id: string | null, party: Party, field: string) => {
      if (id && !staff.some((member) => member.userId === id && member.organisation === party))
        errors.push({
          field,
          code: 'wrong_reference',
          kind: 'staff',
          message: `is not a staff member of this network from the ${party === 'gemeente' ? 'municipality' : 'police'}`,
        });
    };
    checkVisitor(input.gemeenteVisitorId, 'gemeente', 'body.gemeenteVisitorId');
    checkVisitor(input.politieVisitorId, 'politie', 'body.politieVisitorId');
    if (errors.length > 0)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);
    await upsertVisit(
      tx,
      {
        candidate_id: candidateId,
        visited_on: input.visitedOn,
        gemeente_visitor_id: input.gemeenteVisitorId,
        politie_visitor_id: input.politieVisitorId,
        outcome: input.outcome,
        note: input.note ?? null,
        article_1_accepted: input.article1Accepted,
        confidentiality_accepted: input.confidentialityAccepted,
        crisis_availability_accepted: input.crisisAvailabilityAccepted,
        consent_date: input.consentDate,
        legal_basis: input.legalBasis,
        recorded_by_user_id: origin.actorUserId,
      },
      now,
    );
    await updateCandidate(tx, candidateId, { status: 'visited' }, now);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'selection.visit', { type: 'candidate', id: candidateId }),
      now,
    );
  });
  return afterChange(db, origin, networkId, candidateId, now);
}

/** Why a candidate cannot be approved yet, or null when it can. */
function notReady(
  candidate: CandidateRow,
  visit: Awaited<ReturnType<typeof readVisit>>,
  openMatches: number,
): string | null {
  if (candidate.status !== 'visited' || !visit) return 'the home visit has not been recorded';
  if (openMatches > 0) return 'possible matches are undecided';
  if (visit.outcome === 'negative') return 'the home visit was negative';
  if (!visit.article_1_accepted || !visit.confidentiality_accepted || !visit.crisis_availability_accepted)
    return 'the ground rules were not all accepted';
  if (!visit.legal_basis || (visit.legal_basis === 'consent' && !visit.consent_date))
    return 'consent or another legal basis is not recorded';
  return null;
}

/**
 * One staff member approves. When the municipality and the police have both approved (four eyes: one of each
 * party, so never the same person twice) the candidate becomes an ally, within the ally limits (audited).
 */
export async function approveCandidate(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  now: Date,
): Promise<{
  candidate: CandidateDetail;
  admitted: boolean;
  warnings: { code: string; count: number | null; limit: number | null }[];
}> {
  const party = await requireParty(db, origin);
  const userId = origin.actorUserId ?? '';
  const outcome = await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    const context = await loadMatchContext(tx, network);
    const open = matchesOf(candidate, context).filter((match) => match.decision === null).length;
    const why = notReady(candidate, await readVisit(tx, candidateId), open);
    if (why)
      throw new DomainError('conflict', `This candidate cannot be approved yet: ${why}.`).because(
        'selection-not-ready',
      );
    const approvals = await readApprovals(tx, [candidateId]);
    if (approvals.some((a) => a.userId === userId || a.party === party))
      throw new DomainError(
        'conflict',
        'Your party has approved this candidate already; the other party decides next.',
      ).because('selection-already-approved');
    await insertApproval(tx, { candidateId, userId, party }, now);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'selection.approve', { type: 'candidate', id: candidateId }),
      now,
    );
    if (approvals.length === 0) {
      await updateCandidate(tx, candidateId, {}, now);
      return { admitted: false, warnings: [] };
    }
    const visit = await readVisit(tx, candidateId);
    const communities = (await readCandidateCommunities(tx, [candidateId])).get(candidateId) ?? [];
    const admission = candidate.personId
      ? { personId: candidate.personId }
      : {
          person: {
            displayName: candidate.displayName,
            neighbourhoodId: candidate.neighbourhoodId,
            communityIds: communities.map((c) => c.id),
            mobile: candidate.mobile,
            email: candidate.email,
          },
        };
    const admitted = await admitAlly(
      tx,
      origin,
      networkId,
      admission,
      { consentDate: visit?.consent_date ?? null, legalBasis: visit?.legal_basis ?? null },
      now,
    );
    await updateCandidate(
      tx,
      candidateId,
      { status: 'admitted', person_id: admitted.personId, decided_at: now },
      now,
    );
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'selection.admit', { type: 'candidate', id: candidateId }),
      now,
    );
    return {
      admitted: true,
      warnings: admitted.warnings.map((w) => ({ code: w.code, count: w.count, limit: w.limit })),
    };
  });
  return { candidate: await afterChange(db, origin, networkId, candidateId, now), ...outcome };
}
