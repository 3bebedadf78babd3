import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/db/column-types.js';

export type Party = 'gemeente' | 'politie';

export type CandidateStatus =
  | 'proposed'
  | 'under_review'
  | 'visit_planned'
  | 'visited'
  | 'admitted'
  | 'not_admitted'
  | 'on_hold';

/** A key figure proposed for a network by the municipality or the police (special-category personal data). */
export interface SelectionCandidatesTable {
  id: Generated<string>;
  network_id: string;
  display_name: string;
  neighbourhood_id: string | null;
  mobile: string | null;
  email: string | null;
  proposed_by_party: Party;
  proposed_by_user_id: string | null;
  motivation: string | null;
  status: Generated<CandidateStatus>;
  visit_planned_on: DateOnly | null;
  person_id: string | null;
  merged_into_id: string | null;
  admitted_before_pipeline: Generated<boolean>;
  decided_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SelectionCandidateCommunitiesTable {
  candidate_id: string;
  community_id: string;
}

export interface SelectionMatchDecisionsTable {
  candidate_id: string;
  other_kind: 'candidate' | 'person';
  other_id: string;
  decision: 'same' | 'different';
  decided_by_user_id: string | null;
  decided_at: Timestamp;
}

export interface SelectionAssessmentsTable {
  candidate_id: string;
  party: Party;
  criterion: string;
  verdict: 'meets' | 'doubt' | 'does_not_meet';
  note: string | null;
  assessed_by_user_id: string | null;
  assessed_at: Timestamp;
}

export interface SelectionVisitsTable {
  candidate_id: string;
  visited_on: DateOnly;
  gemeente_visitor_id: string | null;
  politie_visitor_id: string | null;
  outcome: 'positive' | 'doubt' | 'negative';
  note: string | null;
  article_1_accepted: boolean;
  confidentiality_accepted: boolean;
  crisis_availability_accepted: boolean;
  consent_date: DateOnly | null;
  legal_basis: 'consent' | 'public_task' | null;
  recorded_by_user_id: string | null;
  recorded_at: Timestamp;
}

export interface SelectionApprovalsTable {
  candidate_id: string;
  user_id: string;
  party: Party;
  approved_at: Timestamp;
}

/** The tables selection owns (migrations 0024, 0025). */
export interface SelectionTables {
  selection_candidates: SelectionCandidatesTable;
  selection_candidate_communities: SelectionCandidateCommunitiesTable;
  selection_match_decisions: SelectionMatchDecisionsTable;
  selection_assessments: SelectionAssessmentsTable;
  selection_visits: SelectionVisitsTable;
  selection_approvals: SelectionApprovalsTable;
}
