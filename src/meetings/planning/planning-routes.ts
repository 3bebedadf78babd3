import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { cardPreview, cardPreviewQuery, cardPreviewSchema } from '../../platform/card-preview-schema.js';
import { renderProposalCard } from '../bot/cards/meeting-proposal-card.js';
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

/** Proposals and creating a series; `tabUrl` (ending in a slash) is where the proposal card's links lead. */
export function planningRoutes(meetings: MeetingDeps, tabUrl: string): AnyApiRoute[] {
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
      operationId: 'getNextMeetingProposalCard',
      method: 'get',
      path: '/networks/{networkId}/meetings/next-proposal/card',
      summary:
        'The card the secretary and coordinators get in Teams after a meeting’s record, built by the bot’s own card function (audited as the proposal)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      query: cardPreviewQuery,
      response: { status: 200, description: 'The Adaptive Card', schema: cardPreviewSchema },
      handle: async ({ params, query }, context) =>
        cardPreview(
          renderProposalCard(
            await nextProposal(meetings, context.origin, params.networkId),
            query.lang ?? 'nl',
            {
              tabUrl,
            },
          ),
        ),
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
