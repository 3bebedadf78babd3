import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { staffOfAnyNetwork } from '../../identity/policies.js';
import type { CallOutsDeps } from '../deps.js';
import { callOutIdParams } from '../schemas.js';
import { callOutMeetingSchema, conveneSchema } from './convene-schemas.js';
import { conveneCallOut, readCallOutMeeting } from './convene-service.js';

const tags = ['call-outs'];

/** *Bijeenkomst nu*: the call-out's online meeting within the hour, and who is on their way. */
export function conveneRoutes(deps: CallOutsDeps): AnyApiRoute[] {
  const convene = () => ({
    db: deps.db,
    calendar: deps.calendar,
    mail: deps.mail,
    logger: deps.logger,
    publicUrl: deps.config.publicUrl,
    now: deps.now,
  });
  return [
    defineRoute({
      operationId: 'conveneCallOut',
      method: 'post',
      path: '/call-outs/{callOutId}/meeting',
      summary:
        'Bijeenkomst nu: a Teams meeting within the hour for the available staff and coming allies, the join link mailed to the allies (repeating it returns the same meeting)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      body: conveneSchema,
      response: {
        status: 200,
        description: 'The meeting and who is on their way',
        schema: callOutMeetingSchema,
      },
      handle: async ({ params, body }, context) =>
        conveneCallOut(convene(), context.origin, context.access, params.callOutId, body),
    }),
    defineRoute({
      operationId: 'getCallOutMeeting',
      method: 'get',
      path: '/call-outs/{callOutId}/meeting',
      summary: 'The call-out’s meeting (join link, start), how many are on their way, and the countdown goal',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      response: { status: 200, description: 'The meeting state', schema: callOutMeetingSchema },
      handle: async ({ params }, context) =>
        readCallOutMeeting(convene(), context.origin, context.access, params.callOutId),
    }),
  ];
}
