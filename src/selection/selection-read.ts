import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readNetworkStaff } from '../identity/index.js';
import {
  countAllies,
  type NetworkRecord,
  readCommunities,
  readNetworkNeighbourhoods,
} from '../network/index.js';
import { DomainError } from '../platform/errors.js';
import type { Party } from './constants.js';
import type { CandidateDetail, CandidateSummary, SelectionOverview } from './schemas.js';
import {
  type Db,
  loadMatchContext,
  type MatchContext,
  matchesOf,
  NOT_FOUND,
  partyOf,
  requireNetwork,
  staffNames,
  staffRef,
} from './selection-shared.js';
import {
  type CandidateRow,
  readApprovals,
  readAssessments,
  readCandidateCommunities,
  readVisit,
} from './selection-store.js';

function summaryOf(
  candidate: CandidateRow,
  context: MatchContext,
  communities: Map<string, { id: string; name: string }[]>,
  approvals: Awaited<ReturnType<typeof readApprovals>>,
  names: Map<string, string>,
): CandidateSummary {
  const merged = context.candidates.filter((other) => other.mergedIntoId === candidate.id);
  return {
    id: candidate.id,
    displayName: candidate.displayName,
    status: candidate.status,
    neighbourhood:
      candidate.neighbourhoodId && candidate.neighbourhoodName
        ? { id: candidate.neighbourhoodId, name: candidate.neighbourhoodName }
        : null,
    communities: communities.get(candidate.id) ?? [],
    proposedBy: [candidate, ...merged].map((row) => ({
      candidateId: row.id,
      party: row.party,
      staff: staffRef(names, row.proposedByUserId),
    })),
    openMatches: matchesOf(candidate, context).filter((match) => match.decision === null).length,
    approvals: approvals.filter((a) => a.candidateId === candidate.id).map((a) => a.party),
    admittedBeforePipeline: candidate.admittedBeforePipeline,
    visitPlannedOn: candidate.visitPlannedOn,
    updatedAt: new Date(candidate.updatedAt).toISOString(),
  };
}

/** The selection page of a network: every candidate (merged proposals folded in) and the allies now (audited). */
export async function getSelection(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  now: Date,
): Promise<SelectionOverview> {
  const network = await requireNetwork(db, networkId);
  const context = await loadMatchContext(db, network);
  const listed = context.candidates.filter((candidate) => !candidate.mergedIntoId);
  const ids = listed.map((candidate) => candidate.id);
  const [communities, approvals, allies, staff, neighbourhoods, allCommunities] = await Promise.all([
    readCandidateCommunities(db, ids),
    readApprovals(db, ids),
    countAllies(db, [networkId]),
    readNetworkStaff(db, networkId),
    readNetworkNeighbourhoods(db, network.area),
    readCommunities(db, network.municipality.id),
  ]);
  const names = await staffNames(
    db,
    context.candidates.map((candidate) => candidate.proposedByUserId),
  );
  await appendAuditEvent(db, auditEvent(origin, 'selection.list', { type: 'network', id: networkId }), now);
  return {
    network: { id: network.id, name: network.name },
    myParty: await partyOf(db, origin.actorUserId),
    candidates: listed.map((candidate) => summaryOf(candidate, context, communities, approvals, names)),
    allies: allies.get(networkId) ?? 0,
    limits: network.limits,
    staff: staff
      .filter((member) => member.organisation !== null)
      .map((member) => ({
        userId: member.userId,
        displayName: member.displayName,
        party: member.organisation as Party,
      })),
    neighbourhoods,
    communities: allCommunities.map((community) => ({
      id: community.id,
      name: community.name,
      category: community.category,
    })),
  };
}

async function candidateDetail(
  db: Db,
  network: NetworkRecord,
  candidateId: string,
): Promise<CandidateDetail> {
  const context = await loadMatchContext(db, network);
  const candidate = context.candidates.find((row) => row.id === candidateId && !row.mergedIntoId);
  if (!candidate) throw new DomainError('not-found', NOT_FOUND);
  const [communities, approvals, assessments, visit] = await Promise.all([
    readCandidateCommunities(db, [candidateId]),
    readApprovals(db, [candidateId]),
    readAssessments(db, candidateId),
    readVisit(db, candidateId),
  ]);
  const names = await staffNames(db, [
    ...context.candidates.map((row) => row.proposedByUserId),
    ...approvals.map((a) => a.userId),
    ...assessments.map((a) => a.assessedByUserId),
    visit?.gemeente_visitor_id ?? null,
    visit?.politie_visitor_id ?? null,
  ]);
  return {
    ...summaryOf(candidate, context, communities, approvals, names),
    mobile: candidate.mobile,
    email: candidate.email,
    motivation: candidate.motivation,
    personId: candidate.personId,
    matches: matchesOf(candidate, context),
    assessments: assessments.map((a) => ({
      party: a.party,
      criterion: a.criterion as CandidateDetail['assessments'][number]['criterion'],
      verdict: a.verdict,
      note: a.note,
      assessedBy: staffRef(names, a.assessedByUserId),
      assessedAt: new Date(a.assessedAt).toISOString(),
    })),
    visit: visit
      ? {
          visitedOn: visit.visited_on,
          gemeenteVisitor: staffRef(names, visit.gemeente_visitor_id),
          politieVisitor: staffRef(names, visit.politie_visitor_id),
          outcome: visit.outcome,
          note: visit.note,
          article1Accepted: visit.article_1_accepted,
          confidentialityAccepted: visit.confidentiality_accepted,
          crisisAvailabilityAccepted: visit.crisis_availability_accepted,
          consentDate: visit.consent_date,
          legalBasis: visit.legal_basis,
          recordedAt: new Date(visit.recorded_at).toISOString(),
        }
      : null,
    approvalsBy: approvals.map((a) => ({
      party: a.party,
      staff: staffRef(names, a.userId) ?? { userId: a.userId, displayName: '' },
      approvedAt: new Date(a.approvedAt).toISOString(),
    })),
    version: candidate.version,
  };
}

/** One candidate with matches, assessments, visit and approvals (audited). */
export async function getCandidate(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  now: Date,
): Promise<CandidateDetail> {
  const network = await requireNetwork(db, networkId);
  const detail = await candidateDetail(db, network, candidateId);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'selection.candidate-read', { type: 'candidate', id: candidateId }),
    now,
  );
  return detail;
}

/** Every change answers with the candidate as it is now (read again, audited as a read). */
export async function afterChange(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  now: Date,
): Promise<CandidateDetail> {
  return getCandidate(db, origin, networkId, candidateId, now);
}
