import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { planMeetings } from '../policies.js';
import { networkIdParams, reasonSchema } from '../schemas.js';
import type { MeetingDeps } from '../service-kit.js';
import { checkMeetingDate } from './date-check.js';

const instant = z.iso.datetime({ offset: true });

export const meetingDateCheckSchema = z
  .object({
    start: instant,
    end: instant,
    meetingId: z.uuid().optional().describe('The meeting being moved; it does not block its own date'),
  })
  .meta({ id: 'MeetingDateCheck' });

export const meetingDateReasonsSchema = z
  .object({
    date: z.iso.date(),
    reasons: z
      .array(reasonSchema)
      .describe('Why the planner would skip this date; empty when nothing stands in the way'),
  })
  .meta({ id: 'MeetingDateReasons' });

/** The check a manual date (moving a meeting) runs before it is saved. */
export function dateCheckRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'checkMeetingDate',
      method: 'post',
      path: '/networks/{networkId}/meetings/date-check',
      summary:
        "The planner's reasons against a manually chosen date and time (holidays, observances, busy staff, 4/5 May); moving to such a date needs confirmReasons",
      tags: ['meetings'],
      access: 'signed-in',
      permission: planMeetings,
      params: networkIdParams,
      body: meetingDateCheckSchema,
      response: { status: 200, description: 'The reasons, possibly none', schema: meetingDateReasonsSchema },
      handle: async ({ params, body }) => checkMeetingDate(meetings, params.networkId, body),
    }),
  ];
}
