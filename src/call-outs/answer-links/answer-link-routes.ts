import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { staffOfAnyNetwork } from '../../identity/policies.js';
import type { CallOutsDeps } from '../deps.js';
import { callOutDetailSchema } from '../schemas.js';
import {
  answerLinkStateSchema,
  answerThroughLinkSchema,
  openAnswerLinkSchema,
} from './answer-link-schemas.js';
import { answerThroughLink, openAnswerLink } from './answer-link-service.js';

const tags = ['call-outs'];

/**
 * The e-mail fallback's one-time answer link, opened in the tab. Both are POSTs with the token in the body
 * (never in a path or query a log could hold); the caller signs in as usual, and the token only counts for
 * the staff member it was mailed to.
 */
export function answerLinkRoutes(deps: CallOutsDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'openAnswerLink',
      method: 'post',
      path: '/answer-links/open',
      summary:
        'Which call-out an e-mailed answer link is for and whether it still works (404 unknown, 403 someone else’s)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      body: openAnswerLinkSchema,
      response: { status: 200, description: 'The link’s call-out and state', schema: answerLinkStateSchema },
      handle: async ({ body }, context) =>
        openAnswerLink(deps.db, context.origin, context.access, body.token, deps.now()),
    }),
    defineRoute({
      operationId: 'answerThroughLink',
      method: 'post',
      path: '/answer-links/answer',
      summary:
        'Answer a call-out through its e-mailed link, once; counts like a card answer (409 used or expired)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      body: answerThroughLinkSchema,
      response: { status: 200, description: 'The call-out after the answer', schema: callOutDetailSchema },
      handle: async ({ body }, context) =>
        answerThroughLink(deps.db, context.origin, context.access, body, deps.now()),
    }),
  ];
}
