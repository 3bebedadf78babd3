import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { findUserById, readUserIdentities } from '../identity/index.js';
import {
  admitAlly,
  checkReferences,
  countAllies,
  matchReason,
  type NetworkRecord,
  normaliseMobile,
  readCommunities,
  readMatchablePeople,
  readNetwork,
  readNetworkNeighbourhoods,
  readNetworkStaff,
} from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { type CandidateStatus, canTransition, isOpenStatus, type Party } from './constants.js';
import type {
  AssessCandidate,
  CandidateDetail,
  CandidateMatch,
  CandidateSummary,
  ChangeStatus,
  DecideMatch,
  ProposeCandidate,
  RecordVisit,
  SelectionOverview,
} from './schemas.js';
import {
  type CandidateRow,
  insertApproval,
  insertCandidate,
  moveMergedDetails,
  readApprovals,
  readAssessments,
  readCandidate,
  readCandidateCommunities,
  readCandidates,
  readMatchDecisions,
  readVisit,
  updateCandidate,
  upsertAssessments,
  upsertMatchDecision,
  upsertVisit,
} from './selection-store.js';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

const NOT_FOUND = 'No such candidate in this network.';

/** The audit action of each manual decision; literals, so the audit-label check finds them. */
const MATCH_ACTIONS = { same: 'selection.match-same', different: 'selection.match-different' } as const;
const STATUS_ACTIONS: Record<CandidateStatus, string> = {
  proposed: 'selection.status-proposed',
  under_review: 'selection.status-under-review',
  visit_planned: 'selection.status-visit-planned',
  visited: 'selection.status-visited',
  admitted: 'selection.status-admitted',
  not_admitted: 'selection.status-not-admitted',
  on_hold: 'selection.status-on-hold',
};

async function requireNetwork(db: Db | Tx, networkId: string, lock = false): Promise<NetworkRecord> {
  const network = await readNetwork(db, networkId, lock);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

function requireWritable(network: NetworkRecord): void {
  if (network.status === 'archived')
    throw new DomainError('conflict', 'This network is archived.').because('network-archived');
}

/** The caller's party: their organisation (from their tenant); staff without one cannot take a party's part. */
async function partyOf(db: Db, userId: string | null): Promise<Party | null> {
  if (!userId) return null;
  return (await findUserById(db, userId))?.organisation ?? null;
}

async function requireParty(db: Db, origin: AuditOrigin): Promise<Party> {
  const party = await partyOf(db, origin.actorUserId);
  if (!party)
    throw new DomainError(
      'forbidden',
      'Only staff of the municipality or the police take part in selection; your organisation is unknown.',
    ).because('selection-no-party');
  return party;
}

async function staffNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await readUserIdentities(db, unique);
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

const staffRef = (names: Map<string, string>, id: string | null) =>
  id && names.has(id) ? { userId: id, displayName: names.get(id) ?? '' } : null;

/** The possible matches of one candidate, with any decision taken on them. */
interface MatchContext {
  candidates: CandidateRow[];
  people: Awaited<ReturnType<typeof readMatchablePeople>>;
  decisions: Awaited<ReturnType<typeof readMatchDecisions>>;
}

async function loadMatchContext(db: Db | Tx, network: NetworkRecord): Promise<MatchContext> {
  const candidates = await readCandidates(db, network.id);
  const people = await readMatchablePeople(db, network.municipality.id);
  const decisions = await readMatchDecisions(
    db,
    candidates.map((candidate) => candidate.id),
  );
  return { candidates, people, decisions };
}

/**
 * A candidate's possible matches: other open proposals in the network, and people the municipality already
 * stored (name + wijk, mobile or e-mail). A decision either way is shown; "different" ones stay listed as decided.
 */
function matchesOf(candidate: CandidateRow, context: MatchContext): CandidateMatch[] {
  if (!isOpenStatus(candidate.status) || candidate.mergedIntoId) return [];
  const decided = (kind: 'candidate' | 'person', id: string) =>
    context.decisions.find(
      (d) =>
        (d.candidateId === candidate.id && d.otherKind === kind && d.otherId === id) ||
        (kind === 'candidate' &&
          d.candidateId === id &&
          d.otherKind === 'candidate' &&
          d.otherId === candidate.id),
    )?.decision ?? null;
  const matches: CandidateMatch[] = [];
  for (const other of context.candidates) {
    if (other.id === candidate.id || other.mergedIntoId || !isOpenStatus(other.status)) continue;
    const reason = matchReason(candidate, other);
    if (reason)
      matches.push({
        kind: 'candidate',
        id: other.id,
        displayName: other.displayName,
        personKind: null,
        status: other.status,
        reason,
        decision: decided('candidate', other.id),
      });
  }
  for (const person of context.people) {
    const linked = candidate.personId === person.id;
    const reason = matchReason(candidate, person) ?? (linked ? 'name_wijk' : null);
    if (reason)
      matches.push({
        kind: 'person',
        id: person.id,
        displayName: person.displayName,
        personKind: person.kind,
        status: null,
        reason,
        decision: linked
          ? 'same'
          : decided('person', person.id) === 'same'
            ? null
            : decided('person', person.id),
      });
  }
  return matches;
}

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
    communities: allCommunities.map((community) => ({ id: community.id, name: community.name })),
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

async function afterChange(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  now: Date,
): Promise<CandidateDetail> {
  return getCandidate(db, origin, networkId, candidateId, now);
}

/** Proposes a key figure for a network; the party is the caller's organisation (audited). */
export async function proposeCandidate(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  input: ProposeCandidate,
  now: Date,
): Promise<CandidateDetail> {
  const party = await requireParty(db, origin);
  const mobile = normaliseMobile(input.mobile) ?? null;
  const candidateId = await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    await checkReferences(tx, network.municipality.id, input);
    const id = await insertCandidate(
      tx,
      {
        networkId,
        displayName: input.displayName,
        neighbourhoodId: input.neighbourhoodId,
        mobile,
        email: input.email ?? null,
        party,
        proposedByUserId: origin.actorUserId,
        motivation: input.motivation,
        communityIds: input.communityIds,
      },
      now,
    );
    await appendAuditEvent(tx, auditEvent(origin, 'selection.propose', { type: 'candidate', id }), now);
    return id;
  });
  return afterChange(db, origin, networkId, candidateId, now);
}

async function lockOpenCandidate(tx: Tx, networkId: string, candidateId: string): Promise<CandidateRow> {
  const candidate = await readCandidate(tx, networkId, candidateId, true);
  if (!candidate || candidate.mergedIntoId) throw new DomainError('not-found', NOT_FOUND);
  if (!isOpenStatus(candidate.status))
    throw new DomainError('conflict', 'The decision on this candidate has been taken.').because(
      'selection-closed',
    );
  return candidate;
}

const unknownMatch = (): DomainError =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [
    {
      field: 'body.id',
      code: 'unknown_reference',
      kind: 'match',
      message: 'is not a possible match of this candidate',
    },
  ]);

/**
 * The manual decision on a possible match. "Same" with another proposal merges this proposal into it (both
 * proposers stay listed); "same" with a stored person links the candidate to them, so admission updates that
 * person instead of adding a duplicate. "Different" keeps both (audited).
 */
export async function decideMatch(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  input: DecideMatch,
  now: Date,
): Promise<CandidateDetail> {
  const resultId = await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    const context = await loadMatchContext(tx, network);
    const match = matchesOf(candidate, context).find((m) => m.kind === input.kind && m.id === input.id);
    if (!match) throw unknownMatch();
    await upsertMatchDecision(
      tx,
      {
        candidateId,
        otherKind: input.kind,
        otherId: input.id,
        decision: input.decision,
        userId: origin.actorUserId ?? '',
      },
      now,
    );
    let shown = candidateId;
    if (input.kind === 'candidate' && input.decision === 'same') {
      await moveMergedDetails(tx, candidateId, input.id);
      await updateCandidate(tx, candidateId, { merged_into_id: input.id }, now);
      await updateCandidate(tx, input.id, {}, now);
      shown = input.id;
    } else if (input.kind === 'person') {
      const personId =
        input.decision === 'same' ? input.id : candidate.personId === input.id ? null : candidate.personId;
      await updateCandidate(tx, candidateId, { person_id: personId }, now);
    }
    await appendAuditEvent(
      tx,
      auditEvent(origin, MATCH_ACTIONS[input.decision], { type: 'candidate', id: candidateId }),
      now,
    );
    return shown;
  });
  return afterChange(db, origin, networkId, resultId, now);
}

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

const badTransition = (from: CandidateStatus, to: CandidateStatus): DomainError =>
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
