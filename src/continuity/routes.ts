import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { ALL_NETWORK_ROLES, type Permission } from '../identity/permissions.js';
import { viewNetwork } from '../identity/policies.js';
import { listAbsences, recordAbsence, removeAbsence } from './absence-service.js';
import type { ContinuityDeps } from './deps.js';
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

const base = '/networks/{networkId}/absences';

/** Continuity's routes: the network's absences, record one, remove one. */
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
  ];
}
