import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { selectAllies } from '../identity/policies.js';
import { approveCandidate, recordVisit } from './candidate-admission.js';
import { decideMatch, proposeCandidate, undoMerge } from './candidate-proposal.js';
import { assessCandidate, changeStatus } from './candidate-review.js';
import type { SelectionDeps } from './deps.js';
import {
  approvalResultSchema,
  assessCandidateSchema,
  candidateDetailSchema,
  candidateParams,
  changeStatusSchema,
  decideMatchSchema,
  mergeParams,
  networkIdParams,
  proposeCandidateSchema,
  recordVisitSchema,
  selectionOverviewSchema,
} from './schemas.js';
import { getCandidate, getSelection } from './selection-read.js';

const base = '/networks/{networkId}/selection';
const candidate = `${base}/candidates/{candidateId}`;

/** Selection of allies (issue 16): candidates, matching, joint review, home visit and the two-party decision. */
export function selectionRoutes(deps: SelectionDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getSelection',
      method: 'get',
      path: base,
      summary:
        "A network's candidates by status and its allies against the limits (coordinators and members)",
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: networkIdParams,
      response: { status: 200, description: 'The selection page', schema: selectionOverviewSchema },
      handle: async ({ params }, context) =>
        getSelection(deps.db, context.origin, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'proposeCandidate',
      method: 'post',
      path: `${base}/candidates`,
      summary: 'Propose a key figure as candidate; the party is your organisation (coordinators and members)',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: networkIdParams,
      body: proposeCandidateSchema,
      response: {
        status: 201,
        description: 'The candidate with possible matches',
        schema: candidateDetailSchema,
      },
      handle: async ({ params, body }, context) =>
        proposeCandidate(deps.db, context.origin, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getCandidate',
      method: 'get',
      path: candidate,
      summary: 'One candidate with matches, assessments, home visit and approvals (audited)',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      response: { status: 200, description: 'The candidate', schema: candidateDetailSchema },
      handle: async ({ params }, context) =>
        getCandidate(deps.db, context.origin, params.networkId, params.candidateId, deps.now()),
    }),
    defineRoute({
      operationId: 'decideCandidateMatch',
      method: 'post',
      path: `${candidate}/matches`,
      summary: 'Decide a possible match: the same person (merge or link) or a different person',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      body: decideMatchSchema,
      response: {
        status: 200,
        description: 'The candidate after the decision (after a merge: the candidate merged into)',
        schema: candidateDetailSchema,
      },
      handle: async ({ params, body }, context) =>
        decideMatch(deps.db, context.origin, params.networkId, params.candidateId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'undoCandidateMerge',
      method: 'delete',
      path: `${candidate}/merges/{mergedId}`,
      summary:
        'Undo a "same person" merge before admission: the merged proposal stands on its own again (staff of either party)',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: mergeParams,
      response: {
        status: 200,
        description: 'The candidate after the undo (the split-off proposal is listed again)',
        schema: candidateDetailSchema,
      },
      handle: async ({ params }, context) =>
        undoMerge(deps.db, context.origin, params.networkId, params.candidateId, params.mergedId, deps.now()),
    }),
    defineRoute({
      operationId: 'assessCandidate',
      method: 'put',
      path: `${candidate}/assessments`,
      summary: "Your party's verdict per criterion (meets / doubt / does not meet, with a note)",
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      body: assessCandidateSchema,
      response: { status: 200, description: 'The candidate after the review', schema: candidateDetailSchema },
      handle: async ({ params, body }, context) =>
        assessCandidate(deps.db, context.origin, params.networkId, params.candidateId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'changeCandidateStatus',
      method: 'post',
      path: `${candidate}/status`,
      summary: 'Move a candidate along the allowed transitions (409 selection-bad-transition otherwise)',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      body: changeStatusSchema,
      response: { status: 200, description: 'The candidate after the change', schema: candidateDetailSchema },
      handle: async ({ params, body }, context) =>
        changeStatus(deps.db, context.origin, params.networkId, params.candidateId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'recordCandidateVisit',
      method: 'put',
      path: `${candidate}/visit`,
      summary: 'Record the home visit: who went, the outcome, the ground rules and consent',
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      body: recordVisitSchema,
      response: { status: 200, description: 'The candidate after the visit', schema: candidateDetailSchema },
      handle: async ({ params, body }, context) =>
        recordVisit(deps.db, context.origin, params.networkId, params.candidateId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'approveCandidate',
      method: 'post',
      path: `${candidate}/approvals`,
      summary:
        "Approve for your party; the second party's approval makes the candidate an ally (four eyes, ally limits apply)",
      tags: ['selection'],
      access: 'signed-in',
      permission: selectAllies,
      params: candidateParams,
      response: {
        status: 200,
        description: 'The candidate, and whether they became an ally',
        schema: approvalResultSchema,
      },
      handle: async ({ params }, context) =>
        approveCandidate(deps.db, context.origin, params.networkId, params.candidateId, deps.now()),
    }),
  ];
}
