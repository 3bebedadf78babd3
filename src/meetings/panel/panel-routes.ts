import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { staffOfAnyNetwork } from '../../identity/policies.js';
import type { MeetingDeps } from '../meeting-service.js';
import { teamsMeetingContextSchema, teamsMeetingQuery } from './panel-schemas.js';
import { type CallOutMeetingFinder, resolveTeamsMeeting } from './panel-service.js';

/** The meeting side panel's lookup: which meeting or call-out a Teams meeting is. */
export function panelRoutes(
  meetings: MeetingDeps & { callOutMeetings?: CallOutMeetingFinder | undefined },
): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'resolveTeamsMeeting',
      method: 'get',
      path: '/teams-meetings/context',
      summary:
        'Which bondgenotenoverleg or call-out meeting a Teams meeting is, from its chat thread id; only one you may see (audited)',
      tags: ['meetings'],
      access: 'signed-in',
      // Staff of some network; which network's meeting it may be is decided per row in the service.
      permission: staffOfAnyNetwork,
      query: teamsMeetingQuery,
      response: {
        status: 200,
        description: 'The meeting or call-out this Teams meeting belongs to',
        schema: teamsMeetingContextSchema,
      },
      handle: async ({ query }, context) =>
        resolveTeamsMeeting(meetings, context.origin, context.access, query.threadId),
    }),
  ];
}
