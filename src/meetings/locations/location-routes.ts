import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import {
  createLocation,
  deleteLocation,
  listLocations,
  type MeetingDeps,
  updateLocation,
} from '../meeting-service.js';
import { planMeetings, viewMeetings } from '../policies.js';
import { locationParams, networkIdParams } from '../schemas.js';
import { createLocationSchema, meetingLocationSchema, updateLocationSchema } from './location-schemas.js';

const TAGS = ['meetings'];

/** Neutral meeting locations. */
export function locationRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listMeetingLocations',
      method: 'get',
      path: '/networks/{networkId}/meeting-locations',
      summary: 'Neutral locations of the network in rotation order',
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: networkIdParams,
      response: { status: 200, description: 'Locations', schema: z.array(meetingLocationSchema) },
      handle: async ({ params }, context) => listLocations(meetings, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'createMeetingLocation',
      method: 'post',
      path: '/networks/{networkId}/meeting-locations',
      summary: 'Add a neutral location (coordinators, secretary)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      body: createLocationSchema,
      response: { status: 201, description: 'The new location', schema: meetingLocationSchema },
      handle: async ({ params, body }, context) =>
        createLocation(meetings, context.origin, params.networkId, body),
    }),
    defineRoute({
      operationId: 'updateMeetingLocation',
      method: 'patch',
      path: '/networks/{networkId}/meeting-locations/{locationId}',
      summary: 'Change, reorder or deactivate a location (coordinators, secretary)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: locationParams,
      body: updateLocationSchema,
      response: { status: 200, description: 'The location after the change', schema: meetingLocationSchema },
      handle: async ({ params, body }, context) =>
        updateLocation(meetings, context.origin, params.networkId, params.locationId, body),
    }),
    defineRoute({
      operationId: 'deleteMeetingLocation',
      method: 'delete',
      path: '/networks/{networkId}/meeting-locations/{locationId}',
      summary: 'Delete a location no meeting used (409 otherwise: deactivate it instead)',
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: locationParams,
      response: { status: 204, description: 'Deleted' },
      handle: async ({ params }, context) => {
        await deleteLocation(meetings, context.origin, params.networkId, params.locationId);
        return undefined;
      },
    }),
  ];
}
