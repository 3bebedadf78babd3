import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { type MeetingDeps, putRecord, updateAction } from '../meeting-service.js';
import { recordMeetings } from '../policies.js';
import { actionParams, meetingParams } from '../schemas.js';
import { meetingSchema } from '../views/meeting-schemas.js';
import { actionSchema, putRecordSchema, updateActionSchema } from './record-schemas.js';

const TAGS = ['meetings'];

/** The meeting record and its actions. */
export function recordRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'putMeetingRecord',
      method: 'put',
      path: '/networks/{networkId}/meetings/{meetingId}/record',
      summary: 'Record attendance, themes, mood and agreed actions; marks the meeting held',
      tags: TAGS,
      access: 'signed-in',
      permission: recordMeetings,
      params: meetingParams,
      body: putRecordSchema,
      response: { status: 200, description: 'The meeting with its record', schema: meetingSchema },
      handle: async ({ params, body }, context) =>
        putRecord(meetings, context.origin, params.networkId, params.meetingId, body),
    }),
    defineRoute({
      operationId: 'updateMeetingAction',
      method: 'patch',
      path: '/networks/{networkId}/meeting-actions/{actionId}',
      summary: 'Mark an agreed action open, done or dropped',
      tags: TAGS,
      access: 'signed-in',
      permission: recordMeetings,
      params: actionParams,
      body: updateActionSchema,
      response: { status: 200, description: 'The action after the change', schema: actionSchema },
      handle: async ({ params, body }, context) =>
        updateAction(meetings, context.origin, params.networkId, params.actionId, body),
    }),
  ];
}
