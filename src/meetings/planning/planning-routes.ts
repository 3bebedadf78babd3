import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { createSeries, type MeetingDeps, nextProposal, previewPlan } from '../meeting-service.js';
import { planMeetings } from '../policies.js';
import { networkIdParams } from '../schemas.js';
import {
  createSeriesSchema,
  nextProposalSchema,
  planPreviewRequestSchema,
  planPreviewSchema,
  seriesSchema,
} from './planning-schemas.js';

const TAGS = ['meetings'];

/** Proposals and creating a series. */
export function planningRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'previewMeetingPlan',
      method: 'post',
      path: '/networks/{networkId}/meetings/plan-preview',
      summary: 'Propose dates (with chair, location, agenda turns) and explain every skipped date',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      body: planPreviewRequestSchema,
      response: { status: 200, description: 'Proposals, skipped dates, warnings', schema: planPreviewSchema },
      handle: async ({ params, body }, context) =>
        previewPlan(meetings, context.origin, params.networkId, body),
    }),
    defineRoute({
      operationId: 'getNextMeetingProposal',
      method: 'get',
      path: '/networks/{networkId}/meetings/next-proposal',
      summary: 'The next date the planner proposes, with chair and location (the bot card uses it)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      response: { status: 200, description: 'The proposal, or null', schema: nextProposalSchema },
      handle: async ({ params }, context) => nextProposal(meetings, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'createMeetingSeries',
      method: 'post',
      path: '/networks/{networkId}/meetings/series',
      summary: 'Create meetings from accepted proposals, with rotation and a calendar event each',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      body: createSeriesSchema,
      response: {
        status: 201,
        description: "The series; each meeting's calendar.state says whether its event exists",
        schema: seriesSchema,
      },
      handle: async ({ params, body }, context) =>
        createSeries(meetings, context.origin, params.networkId, body),
    }),
  ];
}
