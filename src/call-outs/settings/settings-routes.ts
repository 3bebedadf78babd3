import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import type { CallOutsDeps } from '../deps.js';
import {
  callOutSettingsQuery,
  callOutSettingsSchema,
  crisisTeamInputSchema,
  escalationSettingsSchema,
} from './settings-schemas.js';
import { getCallOutSettings, replaceCallOutCrisisTeam, updateCallOutSettings } from './settings-service.js';

const tags = ['call-outs'];

/**
 * The municipality's escalation settings and crisis team. Reading needs a network role at the door and is
 * narrowed by the service to administrators and coordinators; changing is for administrators only.
 */
export function callOutSettingsRoutes(deps: CallOutsDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getCallOutSettings',
      method: 'get',
      path: '/call-out-settings',
      summary: 'Escalation settings (effective values, defaults) and crisis team of your municipality',
      tags,
      access: 'signed-in',
      permission: { kind: 'any-network-role' },
      query: callOutSettingsQuery,
      response: {
        status: 200,
        description: 'The settings and the crisis team',
        schema: callOutSettingsSchema,
      },
      handle: async ({ query }, context) =>
        getCallOutSettings(deps.db, context.origin, context.access, query.municipalityId, deps.now()),
    }),
    defineRoute({
      operationId: 'updateCallOutSettings',
      method: 'put',
      path: '/call-out-settings',
      summary: 'Replace the escalation minutes and the minimum of available staff (administrators)',
      tags,
      access: 'signed-in',
      permission: { kind: 'administrator' },
      query: callOutSettingsQuery,
      body: escalationSettingsSchema,
      response: { status: 200, description: 'The settings after the change', schema: callOutSettingsSchema },
      handle: async ({ query, body }, context) =>
        updateCallOutSettings(
          deps.db,
          context.origin,
          context.access,
          query.municipalityId,
          body,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'replaceCallOutCrisisTeam',
      method: 'put',
      path: '/call-out-settings/crisis-team',
      summary: 'Replace the crisis team, all or nothing (administrators)',
      tags,
      access: 'signed-in',
      permission: { kind: 'administrator' },
      query: callOutSettingsQuery,
      body: crisisTeamInputSchema,
      response: { status: 200, description: 'The settings after the change', schema: callOutSettingsSchema },
      handle: async ({ query, body }, context) =>
        replaceCallOutCrisisTeam(
          deps.db,
          context.origin,
          context.access,
          query.municipalityId,
          body.userIds,
          deps.now(),
        ),
    }),
  ];
}
