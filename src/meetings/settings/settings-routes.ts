import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { getMeetingSettings, type MeetingDeps, putMeetingSettings } from '../meeting-service.js';
import { manageMeetingSettings, viewMeetings } from '../policies.js';
import { networkIdParams } from '../schemas.js';
import { meetingSettingsSchema, updateMeetingSettingsSchema } from './settings-schemas.js';

const TAGS = ['meetings'];

/** The network's meeting settings. */
export function settingsRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getMeetingSettings',
      method: 'get',
      path: '/networks/{networkId}/meeting-settings',
      summary: "The network's meeting settings, derived observances and warnings",
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'Settings (defaults until saved)',
        schema: meetingSettingsSchema,
      },
      handle: async ({ params }, context) => getMeetingSettings(meetings, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'putMeetingSettings',
      method: 'put',
      path: '/networks/{networkId}/meeting-settings',
      summary: 'Change the meeting settings; omitted fields keep their value (coordinators, secretary)',
      tags: TAGS,
      access: 'signed-in',
      permission: manageMeetingSettings,
      params: networkIdParams,
      body: updateMeetingSettingsSchema,
      response: { status: 200, description: 'Settings after the change', schema: meetingSettingsSchema },
      handle: async ({ params, body }, context) =>
        putMeetingSettings(meetings, context.origin, params.networkId, body),
    }),
  ];
}
