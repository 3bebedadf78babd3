import { z } from 'zod';
import { CANDIDATE_STATUSES, CRITERIA, PARTIES, VERDICTS } from './constants.js';

/** One zod schema per operation of selection (issue 16); the routes and the tab's API client share them. */

export const partySchema = z.enum(PARTIES).meta({ id: 'SelectionParty' });
export const candidateStatusSchema = z.enum(CANDIDATE_STATUSES).meta({ id: 'CandidateStatus' });
export const criterionSchema = z.enum(CRITERIA).meta({ id: 'SelectionCriterion' });
export const verdictSchema = z.enum(VERDICTS).meta({ id: 'SelectionVerdict' });
const legalBasisSchema = z.enum(['consent', 'public_task']);

export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });
export const candidateParams = networkIdParams.extend({
  candidateId: z.uuid({ message: 'must be a candidate id' }),
});
export const mergeParams = candidateParams.extend({
  mergedId: z.uuid({ message: 'must be a candidate id' }),
});

const staffRefSchema = z.object({ userId: z.uuid(), displayName: z.string() });
const ref = z.object({ id: z.uuid(), name: z.string() });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `use at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** A candidate as the list shows them: no contact data. */
export const candidateSummarySchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    status: candidateStatusSchema,
    neighbourhood: ref.nullable(),
    communities: z.array(ref),
    proposedBy: z
      .array(
        z.object({
          candidateId: z.uuid().describe('The proposal; a merged one can be split off again (merges/{id})'),
          party: partySchema,
          staff: staffRefSchema.nullable(),
        }),
      )
      .describe('The first proposal, then any merged into it (the same person proposed by both parties)'),
    openMatches: z.number().int().describe('Possible matches nobody decided on yet'),
    approvals: z.array(partySchema),
    admittedBeforePipeline: z.boolean(),
    visitPlannedOn: z.iso.date().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CandidateSummary' });

/** The selection page of a network: the candidates by status, and the allies now against the limits. */
export const selectionOverviewSchema = z
  .object({
    network: z.object({ id: z.uuid(), name: z.string() }),
    myParty: partySchema.nullable().describe('The caller’s organisation; null means they cannot propose'),
    candidates: z.array(candidateSummarySchema),
    allies: z.number().int(),
    limits: z.object({ soft: z.number().int(), hard: z.number().int() }),
    staff: z
      .array(z.object({ userId: z.uuid(), displayName: z.string(), party: partySchema }))
      .describe('The network’s staff by party, for naming who went on the home visit'),
    neighbourhoods: z.array(ref).describe('The wijken of the network, for proposing'),
    communities: z
      .array(ref.extend({ category: z.enum(['religion', 'origin', 'group']) }))
      .describe('The municipality’s active communities with their category, for proposing (up to 20 each)'),
  })
  .meta({ id: 'SelectionOverview' });

export const matchSchema = z
  .object({
    kind: z.enum(['candidate', 'person']),
    id: z.uuid(),
    displayName: z.string(),
    personKind: z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']).nullable(),
    status: candidateStatusSchema.nullable(),
    reason: z.enum(['mobile', 'email', 'name_wijk']),
    decision: z.enum(['same', 'different']).nullable(),
  })
  .meta({ id: 'CandidateMatch' });

export const assessmentSchema = z
  .object({
    party: partySchema,
    criterion: criterionSchema,
    verdict: verdictSchema,
    note: z.string().nullable(),
    assessedBy: staffRefSchema.nullable(),
    assessedAt: z.iso.datetime(),
  })
  .meta({ id: 'CandidateAssessment' });

export const visitSchema = z
  .object({
    visitedOn: z.iso.date(),
    gemeenteVisitor: staffRefSchema.nullable(),
    politieVisitor: staffRefSchema.nullable(),
    outcome: z.enum(['positive', 'doubt', 'negative']),
    note: z.string().nullable(),
    article1Accepted: z.boolean(),
    confidentialityAccepted: z.boolean(),
    crisisAvailabilityAccepted: z.boolean(),
    consentDate: z.iso.date().nullable(),
    legalBasis: legalBasisSchema.nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'CandidateVisit' });

/** Everything about one candidate; reading it is audited. */
export const candidateDetailSchema = candidateSummarySchema
  .extend({
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    motivation: z.string().nullable(),
    personId: z.uuid().nullable().describe('The stored person: the same person, or the ally after admission'),
    matches: z.array(matchSchema),
    assessments: z.array(assessmentSchema),
    visit: visitSchema.nullable(),
    approvalsBy: z.array(
      z.object({ party: partySchema, staff: staffRefSchema, approvedAt: z.iso.datetime() }),
    ),
    version: z.number().int(),
  })
  .meta({ id: 'CandidateDetail' });

/** A new candidate; the proposing party follows from the caller's organisation. */
export const proposeCandidateSchema = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(200, 'use at most 200 characters'),
    neighbourhoodId: z.uuid({ message: 'must be a neighbourhood id' }).nullable().default(null),
    communityIds: z
      .array(z.uuid({ message: 'must be community ids' }))
      .max(20, 'choose at most 20')
      .default([]),
    mobile: optionalText(30),
    email: z
      .union([z.email({ message: 'must be an e-mail address' }), z.literal('')])
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
    motivation: z.string().trim().min(1, 'is required').max(1000, 'use at most 1000 characters'),
  })
  .strict()
  .meta({ id: 'ProposeCandidate' });

/** The manual decision on a possible match. */
export const decideMatchSchema = z
  .object({
    kind: z.enum(['candidate', 'person']),
    id: z.uuid({ message: 'must be a candidate or person id' }),
    decision: z.enum(['same', 'different']),
  })
  .strict()
  .meta({ id: 'DecideMatch' });

/** The caller's party's assessment: one verdict per criterion, each with an optional note. */
export const assessCandidateSchema = z
  .object({
    assessments: z
      .array(
        z.object({ criterion: criterionSchema, verdict: verdictSchema, note: optionalText(1000) }).strict(),
      )
      .min(1, 'judge at least one criterion')
      .max(CRITERIA.length, `judge at most ${CRITERIA.length} criteria`)
      .refine((list) => new Set(list.map((item) => item.criterion)).size === list.length, {
        message: 'judge each criterion once',
        params: { code: 'duplicate', kind: 'criterion' },
      }),
  })
  .strict()
  .meta({ id: 'AssessCandidate' });

/** A manual status change; `version` must be the one last read. */
export const changeStatusSchema = z
  .object({
    version: z.number().int().positive(),
    status: candidateStatusSchema,
    visitPlannedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).nullable().optional(),
  })
  .strict()
  .refine((body) => body.status !== 'visit_planned' || Boolean(body.visitPlannedOn), {
    message: 'is required when a visit is planned',
    params: { code: 'required' },
    path: ['visitPlannedOn'],
  })
  .meta({ id: 'ChangeCandidateStatus' });

/** The home visit (kennismaking) as it went. */
export const recordVisitSchema = z
  .object({
    visitedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
    gemeenteVisitorId: z.uuid({ message: 'must be a staff member id' }).nullable().default(null),
    politieVisitorId: z.uuid({ message: 'must be a staff member id' }).nullable().default(null),
    outcome: z.enum(['positive', 'doubt', 'negative']),
    note: optionalText(2000),
    article1Accepted: z.boolean(),
    confidentialityAccepted: z.boolean(),
    crisisAvailabilityAccepted: z.boolean(),
    consentDate: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).nullable().default(null),
    legalBasis: legalBasisSchema.nullable().default(null),
  })
  .strict()
  .refine((visit) => visit.gemeenteVisitorId !== null || visit.politieVisitorId !== null, {
    message: 'name who went',
    params: { code: 'required' },
    path: ['gemeenteVisitorId'],
  })
  .refine((visit) => visit.legalBasis !== 'consent' || visit.consentDate !== null, {
    message: 'is required when the legal basis is consent',
    params: { code: 'required' },
    path: ['consentDate'],
  })
  .meta({ id: 'RecordVisit' });

/** What an approval did: the candidate after it, and whether it made them an ally. */
export const approvalResultSchema = z
  .object({
    candidate: candidateDetailSchema,
    admitted: z.boolean(),
    warnings: z.array(
      z.object({ code: z.string(), count: z.number().int().nullable(), limit: z.number().int().nullable() }),
    ),
  })
  .meta({ id: 'ApprovalResult' });

export type CandidateSummary = z.infer<typeof candidateSummarySchema>;
export type CandidateDetail = z.infer<typeof candidateDetailSchema>;
export type SelectionOverview = z.infer<typeof selectionOverviewSchema>;
export type ProposeCandidate = z.infer<typeof proposeCandidateSchema>;
export type DecideMatch = z.infer<typeof decideMatchSchema>;
export type AssessCandidate = z.infer<typeof assessCandidateSchema>;
export type ChangeStatus = z.infer<typeof changeStatusSchema>;
export type RecordVisit = z.infer<typeof recordVisitSchema>;
export type CandidateMatch = z.infer<typeof matchSchema>;
