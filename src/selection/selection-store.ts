import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { joinableAreas, joinableCommunities } from '../setup/index.js';
import type { CandidateStatus, Criterion, Party, Verdict } from './constants.js';
import type { SelectionVisitsTable } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
type Tx = Transaction<Database>;

/** A candidate row as the service works with it. */
export interface CandidateRow {
  id: string;
  networkId: string;
  displayName: string;
  neighbourhoodId: string | null;
  neighbourhoodName: string | null;
  mobile: string | null;
  email: string | null;
  party: Party;
  proposedByUserId: string | null;
  motivation: string | null;
  status: CandidateStatus;
  visitPlannedOn: string | null;
  personId: string | null;
  mergedIntoId: string | null;
  admittedBeforePipeline: boolean;
  version: number;
  updatedAt: Date;
}

function candidateQuery(db: Executor) {
  return db
    .selectFrom('selection_candidates as c')
    .leftJoin(joinableAreas(db).as('areas'), 'areas.id', 'c.neighbourhood_id')
    .select([
      'c.id',
      'c.network_id as networkId',
      'c.display_name as displayName',
      'c.neighbourhood_id as neighbourhoodId',
      'areas.name as neighbourhoodName',
      'c.mobile',
      'c.email',
      'c.proposed_by_party as party',
      'c.proposed_by_user_id as proposedByUserId',
      'c.motivation',
      'c.status',
      'c.visit_planned_on as visitPlannedOn',
      'c.person_id as personId',
      'c.merged_into_id as mergedIntoId',
      'c.admitted_before_pipeline as admittedBeforePipeline',
      'c.version',
      'c.updated_at as updatedAt',
    ]);
}

/** Every candidate of a network, merged proposals included (they carry `mergedIntoId`), by name. */
export async function readCandidates(db: Executor, networkId: string): Promise<CandidateRow[]> {
  return candidateQuery(db).where('c.network_id', '=', networkId).orderBy('c.display_name').execute();
}

/** One candidate of a network; `lock` holds the row for the rest of the transaction. */
export async function readCandidate(
  db: Executor,
  networkId: string,
  candidateId: string,
  lock = false,
): Promise<CandidateRow | undefined> {
  let query = candidateQuery(db).where('c.id', '=', candidateId).where('c.network_id', '=', networkId);
  if (lock) query = query.forUpdate('c');
  return query.executeTakeFirst();
}

/** The communities of these candidates, by candidate. */
export async function readCandidateCommunities(
  db: Executor,
  candidateIds: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const byCandidate = new Map<string, { id: string; name: string }[]>();
  if (candidateIds.length === 0) return byCandidate;
  const rows = await db
    .selectFrom('selection_candidate_communities as cc')
    .innerJoin(joinableCommunities(db).as('communities'), 'communities.id', 'cc.community_id')
    .select(['cc.candidate_id', 'communities.id', 'communities.name'])
    .where('cc.candidate_id', 'in', candidateIds)
    .orderBy('communities.name')
    .execute();
  for (const row of rows)
    byCandidate.set(row.candidate_id, [
      ...(byCandidate.get(row.candidate_id) ?? []),
      { id: row.id, name: row.name },
    ]);
  return byCandidate;
}

/** Stores a proposal with its communities; returns the new id. */
export async function insertCandidate(
  tx: Tx,
  candidate: {
    networkId: string;
    displayName: string;
    neighbourhoodId: string | null;
    mobile: string | null;
    email: string | null;
    party: Party;
    proposedByUserId: string | null;
    motivation: string | null;
    communityIds: string[];
    status?: CandidateStatus;
    personId?: string | null;
    admittedBeforePipeline?: boolean;
    decidedAt?: Date | null;
  },
  now: Date,
): Promise<string> {
  const { id } = await tx
    .insertInto('selection_candidates')
    .values({
      network_id: candidate.networkId,
      display_name: candidate.displayName,
      neighbourhood_id: candidate.neighbourhoodId,
      mobile: candidate.mobile,
      email: candidate.email,
      proposed_by_party: candidate.party,
      proposed_by_user_id: candidate.proposedByUserId,
      motivation: candidate.motivation,
      status: candidate.status ?? 'proposed',
      person_id: candidate.personId ?? null,
      admitted_before_pipeline: candidate.admittedBeforePipeline ?? false,
      decided_at: candidate.decidedAt ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const communityIds = [...new Set(candidate.communityIds)];
  if (communityIds.length > 0)
    await tx
      .insertInto('selection_candidate_communities')
      .values(communityIds.map((communityId) => ({ candidate_id: id, community_id: communityId })))
      .execute();
  return id;
}

/** Changes a candidate's columns and bumps its version; `version`, when given, must still be current. */
export async function updateCandidate(
  tx: Tx,
  candidateId: string,
  change: {
    status?: CandidateStatus;
    visit_planned_on?: string | null;
    person_id?: string | null;
    merged_into_id?: string | null;
    decided_at?: Date | null;
  },
  now: Date,
  version?: number,
): Promise<boolean> {
  let query = tx
    .updateTable('selection_candidates')
    .set((eb) => ({ ...change, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', candidateId);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The manual match decisions taken for these candidates. */
export async function readMatchDecisions(db: Executor, candidateIds: string[]) {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('selection_match_decisions')
    .select(['candidate_id as candidateId', 'other_kind as otherKind', 'other_id as otherId', 'decision'])
    .where('candidate_id', 'in', candidateIds)
    .execute();
}

/** Records (or changes) the manual decision on one possible match. */
export async function upsertMatchDecision(
  tx: Tx,
  decision: {
    candidateId: string;
    otherKind: 'candidate' | 'person';
    otherId: string;
    decision: 'same' | 'different';
    userId: string;
  },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('selection_match_decisions')
    .values({
      candidate_id: decision.candidateId,
      other_kind: decision.otherKind,
      other_id: decision.otherId,
      decision: decision.decision,
      decided_by_user_id: decision.userId,
      decided_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['candidate_id', 'other_kind', 'other_id']).doUpdateSet({
        decision: decision.decision,
        decided_by_user_id: decision.userId,
        decided_at: now,
      }),
    )
    .execute();
}

/** Forgets the manual decision on one possible match, so it is open again. */
export async function deleteMatchDecision(
  tx: Tx,
  decision: { candidateId: string; otherKind: 'candidate' | 'person'; otherId: string },
): Promise<void> {
  await tx
    .deleteFrom('selection_match_decisions')
    .where('candidate_id', '=', decision.candidateId)
    .where('other_kind', '=', decision.otherKind)
    .where('other_id', '=', decision.otherId)
    .execute();
}

/** Moves the communities and match decisions of a merged proposal onto the candidate it was merged into. */
export async function moveMergedDetails(tx: Tx, fromId: string, intoId: string): Promise<void> {
  const communities = await tx
    .selectFrom('selection_candidate_communities')
    .select('community_id')
    .where('candidate_id', '=', fromId)
    .execute();
  if (communities.length > 0)
    await tx
      .insertInto('selection_candidate_communities')
      .values(communities.map((row) => ({ candidate_id: intoId, community_id: row.community_id })))
      .onConflict((oc) => oc.columns(['candidate_id', 'community_id']).doNothing())
      .execute();
}

/** Every assessment of a candidate, by party and criterion. */
export async function readAssessments(db: Executor, candidateId: string) {
  return db
    .selectFrom('selection_assessments')
    .select([
      'party',
      'criterion',
      'verdict',
      'note',
      'assessed_by_user_id as assessedByUserId',
      'assessed_at as assessedAt',
    ])
    .where('candidate_id', '=', candidateId)
    .orderBy('party')
    .execute();
}

/** Stores one party's verdicts, replacing that party's earlier verdict on the same criteria. */
export async function upsertAssessments(
  tx: Tx,
  candidateId: string,
  party: Party,
  userId: string,
  assessments: { criterion: Criterion; verdict: Verdict; note: string | null }[],
  now: Date,
): Promise<void> {
  for (const item of assessments) {
    await tx
      .insertInto('selection_assessments')
      .values({
        candidate_id: candidateId,
        party,
        criterion: item.criterion,
        verdict: item.verdict,
        note: item.note,
        assessed_by_user_id: userId,
        assessed_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['candidate_id', 'party', 'criterion']).doUpdateSet({
          verdict: item.verdict,
          note: item.note,
          assessed_by_user_id: userId,
          assessed_at: now,
        }),
      )
      .execute();
  }
}

/** The home visit of a candidate, if recorded. */
export async function readVisit(db: Executor, candidateId: string) {
  return db
    .selectFrom('selection_visits')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
}

/** Records the home visit, replacing an earlier record of it. */
export async function upsertVisit(
  tx: Tx,
  visit: {
    [K in Exclude<
      keyof SelectionVisitsTable,
      'recorded_at' | 'visited_on' | 'consent_date'
    >]: SelectionVisitsTable[K];
  } & {
    visited_on: string;
    consent_date: string | null;
  },
  now: Date,
): Promise<void> {
  const { candidate_id: _id, ...fields } = visit;
  await tx
    .insertInto('selection_visits')
    .values({ ...visit, recorded_at: now })
    .onConflict((oc) => oc.column('candidate_id').doUpdateSet({ ...fields, recorded_at: now }))
    .execute();
}

/** The approvals of these candidates. */
export async function readApprovals(db: Executor, candidateIds: string[]) {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('selection_approvals')
    .select(['candidate_id as candidateId', 'user_id as userId', 'party', 'approved_at as approvedAt'])
    .where('candidate_id', 'in', candidateIds)
    .orderBy('approved_at')
    .execute();
}

/** Records one staff member's approval. */
export async function insertApproval(
  tx: Tx,
  approval: { candidateId: string; userId: string; party: Party },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('selection_approvals')
    .values({
      candidate_id: approval.candidateId,
      user_id: approval.userId,
      party: approval.party,
      approved_at: now,
    })
    .execute();
}
