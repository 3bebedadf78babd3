import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { coordinateNetwork, viewNetwork } from '../identity/policies.js';
import type { EvaluationDeps } from './deps.js';
import {
  getEvaluation,
  getEvaluationDraft,
  getEvaluationDue,
  listEvaluations,
  recordEvaluation,
  scheduleEvaluation,
} from './evaluation-service.js';
import {
  evaluationDraftSchema,
  evaluationDueSchema,
  evaluationListSchema,
  evaluationParams,
  evaluationSchema,
  networkIdParams,
  recordEvaluationSchema,
  scheduleEvaluationSchema,
} from './schemas.js';

const base = '/networks/{networkId}/evaluations';

/** The half-yearly evaluation's routes: history, the due state, draft, record, read one, and the due date. */
export function evaluationRoutes(deps: EvaluationDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listEvaluations',
      method: 'get',
      path: base,
      summary: 'The network’s half-yearly evaluations and when the next is due',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'History and due date', schema: evaluationListSchema },
      handle: async ({ params }, context) => listEvaluations(deps, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'getEvaluationDue',
      method: 'get',
      path: `/networks/{networkId}/evaluation-due`,
      summary:
        'When the next half-yearly evaluation is due and whether it is overdue (no personal data, so not audited)',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'The due date and its state', schema: evaluationDueSchema },
      handle: async ({ params }) => getEvaluationDue(deps, params.networkId),
    }),
    defineRoute({
      operationId: 'getEvaluationDraft',
      method: 'get',
      path: `${base}/draft`,
      summary: 'Per ally attendance and call-outs over the period, and the network questions (coordinators)',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'What the evaluation looks at', schema: evaluationDraftSchema },
      handle: async ({ params }, context) => getEvaluationDraft(deps, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'recordEvaluation',
      method: 'post',
      path: base,
      summary:
        'Record the evaluation: continue / talk to / say goodbye per ally, and the network answers (coordinators)',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: recordEvaluationSchema,
      response: { status: 201, description: 'The stored evaluation', schema: evaluationSchema },
      handle: async ({ params, body }, context) =>
        recordEvaluation(deps, context.origin, params.networkId, body),
    }),
    defineRoute({
      operationId: 'getEvaluation',
      method: 'get',
      path: `${base}/{evaluationId}`,
      summary: 'One stored evaluation with each ally’s decision',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: viewNetwork,
      params: evaluationParams,
      response: { status: 200, description: 'The evaluation', schema: evaluationSchema },
      handle: async ({ params }, context) =>
        getEvaluation(deps, context.origin, params.networkId, params.evaluationId),
    }),
    defineRoute({
      operationId: 'scheduleEvaluation',
      method: 'put',
      path: `/networks/{networkId}/evaluation-schedule`,
      summary: 'Set the date the next half-yearly evaluation is due (coordinators)',
      tags: ['evaluation'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: scheduleEvaluationSchema,
      response: {
        status: 200,
        description: 'The due date after the change',
        schema: evaluationDueSchema,
      },
      handle: async ({ params, body }, context) =>
        scheduleEvaluation(deps, context.origin, params.networkId, body.nextDueOn),
    }),
  ];
}
