/**
 * Selection's vocabulary, zod-free so the tab may import it: the criteria an ally is judged on, the statuses of a
 * candidate and the transitions between them.
 */

/**
 * What both parties judge a candidate on: the seven criteria of seed 000 (the Almere plan), then the
 * exclusions of seeds 003/004 phrased as a check that passes ("not a professional of the regular network").
 */
export const CRITERIA = [
  'intrinsic_motivation',
  'wants_to_act',
  'article_1',
  'no_personal_gain',
  'socially_engaged',
  'support_following',
  'communicative',
  'not_regular_professional',
  'integrity',
  'tolerance',
  'no_self_interest',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The exclusions among the criteria (seeds 003/004). */
export const EXCLUSION_CRITERIA: readonly Criterion[] = [
  'not_regular_professional',
  'integrity',
  'tolerance',
  'no_self_interest',
];

export const VERDICTS = ['meets', 'doubt', 'does_not_meet'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const PARTIES = ['gemeente', 'politie'] as const;
export type Party = (typeof PARTIES)[number];

export const CANDIDATE_STATUSES = [
  'proposed',
  'under_review',
  'visit_planned',
  'visited',
  'admitted',
  'not_admitted',
  'on_hold',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/**
 * The transitions a staff member may make by hand. `visited` follows from recording the home visit and
 * `admitted` from the second party's approval, never from a status change.
 */
export const MANUAL_TRANSITIONS: Readonly<Record<CandidateStatus, readonly CandidateStatus[]>> = {
  proposed: ['under_review', 'not_admitted', 'on_hold'],
  under_review: ['visit_planned', 'not_admitted', 'on_hold'],
  visit_planned: ['under_review', 'not_admitted', 'on_hold'],
  visited: ['not_admitted', 'on_hold'],
  on_hold: ['under_review'],
  admitted: [],
  not_admitted: [],
};

/** Statuses in which the candidate is still being selected (matches, reviews and visits may change). */
export function isOpenStatus(status: CandidateStatus): boolean {
  return status !== 'admitted' && status !== 'not_admitted';
}

/** Whether a staff member may move a candidate from one status to another by hand. Pure. */
export function canTransition(from: CandidateStatus, to: CandidateStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}
