import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { ALL_NETWORK_ROLES, type Permission } from '../identity/permissions.js';
import { viewNetwork } from '../identity/policies.js';
import { listAbsences, recordAbsence, removeAbsence } from './absence-service.js';
import type { ContinuityDeps } from './deps.js';
import {
  handOverParams,
  handOverResultSchema,
  handOverSchema,
  performHandOverSchema,
} from './hand-over-schemas.js';
import { getHandOver, performHandOver } from './hand-over-service.js';
import { suggestAbsenceFromOutlook } from './outlook-absence-service.js';
import {
  absenceListSchema,
  absenceParams,
  networkIdParams,
  outlookAbsenceQuery,
  outlookAbsenceSchema,
  recordAbsenceSchema,
} from './schemas.js';

/**
 * Recording an absence: the network's own staff (the service then allows oneself, or anyone for a
 * coordinator); administrators help with set-up but do not keep the staff's diaries.
 */
const staffOfNetwork: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ALL_NETWORK_ROLES,
  administrators: false,
};

/** A hand-over moves a staff member's items to a colleague: the network's coordinators, and administrators. */
const coordinateHandOver: Permission = {
  kind: 'network-role',
  param: 'networkId',
  roles: ['coordinator'],
  administrators: true,
};

const base = '/networks/{networkId}/absences';
const handOverPath = '/networks/{networkId}/hand-over/{userId}';

/** Continuity's routes: the network's absences (record one, remove one) and a staff member's hand-over. */
export function continuityRoutes(deps: ContinuityDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listAbsences',
      method: 'get',
      path: base,
      summary: 'The network’s staff with their current and coming absences and who takes over',
      tags: ['continuity'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'Staff and absences', schema: absenceListSchema },
      handle: async ({ params }, context) =>
        listAbsences(deps.db, context.origin, context.access, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'recordAbsence',
      method: 'post',
      path: base,
      summary: 'Record an absence period: one’s own, or a coordinator for a staff member of the network',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: networkIdParams,
      body: recordAbsenceSchema,
      response: {
        status: 201,
        description: 'Staff and absences after the change',
        schema: absenceListSchema,
      },
      handle: async ({ params, body }, context) =>
        recordAbsence(deps.db, context.origin, context.access, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getOutlookAbsence',
      method: 'get',
      path: `${base}/outlook`,
      summary:
        'The absence period Outlook’s automatic replies say (read only, never the reply texts), to take over',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: networkIdParams,
      query: outlookAbsenceQuery,
      response: {
        status: 200,
        description: 'The scheduled period, or why there is none',
        schema: outlookAbsenceSchema,
      },
      handle: async ({ params, query }, context) =>
        suggestAbsenceFromOutlook(
          deps.db,
          deps.automaticReplies,
          context.origin,
          context.access,
          params.networkId,
          query.userId,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'deleteAbsence',
      method: 'delete',
      path: `${base}/{absenceId}`,
      summary: 'Remove an absence period (the staff member, or a coordinator)',
      tags: ['continuity'],
      access: 'signed-in',
      permission: staffOfNetwork,
      params: absenceParams,
      response: { status: 204, description: 'Removed' },
      handle: async ({ params }, context) =>
        removeAbsence(
          deps.db,
          context.origin,
          context.access,
          params.networkId,
          params.absenceId,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'getHandOver',
      method: 'get',
      path: handOverPath,
      summary:
        'What a staff member holds in the network (open actions, follow-ups, allies to call, back-up duties) and who may take it over',
      tags: ['continuity'],
      access: 'signed-in',
      permission: coordinateHandOver,
      params: handOverParams,
      response: { status: 200, description: 'The items and the possible successors', schema: handOverSchema },
      handle: async ({ params }, context) =>
        getHandOver(deps.db, deps.handOver, context.origin, params.networkId, params.userId, deps.now()),
    }),
    defineRoute({
      operationId: 'performHandOver',
      method: 'post',
      path: handOverPath,
      summary:
        'Move everything the staff member holds in the network to one colleague of the network, in one step',
      tags: ['continuity'],
      access: 'signed-in',
      permission: coordinateHandOver,
      params: handOverParams,
      body: performHandOverSchema,
      response: {
        status: 201,
        description: 'How many items of each kind moved',
        schema: handOverResultSchema,
      },
      handle: async ({ params, body }, context) =>
        performHandOver(
          deps.db,
          deps.handOver,
          context.origin,
          context.access.userId,
          params.networkId,
          params.userId,
          body,
          deps.now(),
        ),
    }),
  ];
}
