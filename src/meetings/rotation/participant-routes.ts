import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { listParticipants, type MeetingDeps, putParticipant } from '../meeting-service.js';
import { planMeetings, viewMeetings } from '../policies.js';
import { networkIdParams, participantParams } from '../schemas.js';
import { participantSchema, updateParticipantSchema } from './participant-schemas.js';

const TAGS = ['meetings'];

/** Allies' meeting preferences (chair rotation, availability). */
export function participantRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listMeetingParticipants',
      method: 'get',
      path: '/networks/{networkId}/meeting-participants',
      summary: "The allies' meeting preferences: willing to chair, weekdays, absence, times chaired",
      tags: TAGS,
      access: 'signed-in',
      permission: viewMeetings,
      params: networkIdParams,
      response: { status: 200, description: 'Allies of the network', schema: z.array(participantSchema) },
      handle: async ({ params }, context) => listParticipants(meetings, context.origin, params.networkId),
    }),
    defineRoute({
      operationId: 'putMeetingParticipant',
      method: 'put',
      path: '/networks/{networkId}/meeting-participants/{personId}',
      summary: "Set an ally's meeting preferences (coordinators, secretary)",
      tags: TAGS,
      access: 'signed-in',
      permission: planMeetings,
      params: participantParams,
      body: updateParticipantSchema,
      response: { status: 200, description: 'The ally after the change', schema: participantSchema },
      handle: async ({ params, body }, context) =>
        putParticipant(meetings, context.origin, params.networkId, params.personId, body),
    }),
  ];
}
