import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { ALL_NETWORK_ROLES, type Permission } from '../identity/permissions.js';
import type { ContinuityDeps } from './deps.js';
import {
  introductionItemParams,
  introductionListSchema,
  introductionParams,
  introductionSchema,
  tickIntroductionItemSchema,
} from './introduction-schemas.js';
import {
  getIntroduction,
  type IntroductionDeps,
  listIntroductions,
  tickIntroductionItem,
} from './introduction-service.js';
import { networkIdParams } from './schemas.js';

/**
 * Introductions are between the network's own staff: the newcomer and the coordinators (the service narrows it);
 * administrators grant the role but do not follow the introduction.
 */
const staffOfNetwork: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

const base = '/networks/{networkId}/introductions';

/** The introduction routes (issue 19, item 3): the list, one newcomer's checklist, tick or untick an item. */
export function introductionRoutes(deps: ContinuityDeps): AnyApiRoute[] {
  const intro: IntroductionDeps = {
    db: deps.db,
    allies: deps.introductionAllies,
    meetings: deps.introductionMeetings,
  };
  return [
    defineRoute({
      operationId: 'listIntroductions',
      method: 'get',
      path: base,
      summary:
        'Newcomers’ introduction checklists: every newcomer’s for a coordinator, one’s own for other staff',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'Introductions and the next meeting',
        schema: introductionListSchema,
      },
      handle: async ({ params }, context) =>
        listIntroductions(intro, context.origin, context.access, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'getIntroduction',
      method: 'get',
      path: `${base}/{userId}`,
      summary: 'One newcomer’s introduction checklist (the newcomer, or a coordinator)',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: introductionParams,
      response: { status: 200, description: 'The checklist', schema: introductionSchema },
      handle: async ({ params }, context) =>
        getIntroduction(intro, context.origin, context.access, params.networkId, params.userId, deps.now()),
    }),
    defineRoute({
      operationId: 'tickIntroductionItem',
      method: 'put',
      path: `${base}/{userId}/items/{itemKey}`,
      summary: 'Tick an item of a newcomer’s checklist with the day it was done, or untick it',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: introductionItemParams,
      body: tickIntroductionItemSchema,
      response: { status: 200, description: 'The checklist after the change', schema: introductionSchema },
      handle: async ({ params, body }, context) =>
        tickIntroductionItem(intro, context.origin, context.access, params, body, deps.now()),
    }),
  ];
}
