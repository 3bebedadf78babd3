import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import {
  cancelMeeting,
  getMeeting,
  listMeetings,
  type MeetingDeps,
  meetingInvitation,
  syncMeetingCalendar,
  updateMeeting,
} from '../meeting-service.js';
import { cancelMeetingSchema, updateMeetingSchema } from '../planning/planning-schemas.js';
import { planMeetings, viewMeetings } from '../policies.js';
import { meetingParams, networkIdParams } from '../schemas.js';
import { invitationSchema, meetingListQuery, meetingListSchema, meetingSchema } from './meeting-schemas.js';

const TAGS = ['meetings'];

/** One network's meetings: read, move, cancel, sync the Outlook event, the invitation. */
export function meetingViewRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listMeetings',
      method: 'get',
      path: '/networks/{networkId}/meetings',
      summary: 'Upcoming and past meetings with responses, records and the open actions',
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: networkIdParams,
      query: meetingListQuery,
      response: { status: 200, description: 'Meetings', schema: meetingListSchema },
      handle: async ({ params, query }, context) =>
        listMeetings(meetings, context.origin, params.networkId, query.scope ?? 'all'),
    }),
    defineRoute({
      operationId: 'getMeeting',
      method: 'get',
      path: '/networks/{networkId}/meetings/{meetingId}',
      summary: "One meeting, with the attendees' responses read back from the calendar",
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: meetingParams,
      response: { status: 200, description: 'The meeting', schema: meetingSchema },
      handle: async ({ params }, context) =>
        getMeeting(meetings, context.origin, params.networkId, params.meetingId),
    }),
    defineRoute({
      operationId: 'updateMeeting',
      method: 'patch',
      path: '/networks/{networkId}/meetings/{meetingId}',
      summary:
        'Move a meeting or change location, chair or agenda turns; updates the event (attendees notified)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: meetingParams,
      body: updateMeetingSchema,
      response: { status: 200, description: 'The meeting after the change', schema: meetingSchema },
      handle: async ({ params, body }, context) =>
        updateMeeting(meetings, context.origin, params.networkId, params.meetingId, body),
    }),
    defineRoute({
      operationId: 'cancelMeeting',
      method: 'post',
      path: '/networks/{networkId}/meetings/{meetingId}/cancel',
      summary: 'Cancel a meeting; the calendar sends the cancellation with the reason',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: meetingParams,
      body: cancelMeetingSchema,
      response: { status: 200, description: 'The cancelled meeting', schema: meetingSchema },
      handle: async ({ params, body }, context) =>
        cancelMeeting(meetings, context.origin, params.networkId, params.meetingId, body),
    }),
    defineRoute({
      operationId: 'syncMeetingCalendar',
      method: 'post',
      path: '/networks/{networkId}/meetings/{meetingId}/calendar-sync',
      summary: 'Retry a missing calendar event: look it up by transaction id first, create it only if absent',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: meetingParams,
      response: { status: 200, description: 'The meeting with its calendar state', schema: meetingSchema },
      handle: async ({ params }, context) =>
        syncMeetingCalendar(meetings, context.origin, params.networkId, params.meetingId),
    }),
    defineRoute({
      operationId: 'getMeetingInvitation',
      method: 'get',
      path: '/networks/{networkId}/meetings/{meetingId}/invitation',
      summary: 'The meeting as an iCalendar (.ics) invitation, to download or mail locally',
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: meetingParams,
      response: { status: 200, description: 'File name and .ics text', schema: invitationSchema },
      handle: async ({ params }, context) =>
        meetingInvitation(meetings, context.origin, params.networkId, params.meetingId),
    }),
  ];
}
