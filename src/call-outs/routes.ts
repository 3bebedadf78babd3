import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { staffOfAnyNetwork } from '../identity/policies.js';
import { cardPreview, cardPreviewQuery, cardPreviewSchema } from '../platform/card-preview-schema.js';
import { renderAlertCard } from './bot/cards/call-out-card.js';
import { readCallOutPage } from './call-out-page.js';
import {
  answerAsStaff,
  closeCallOut,
  getCallOut,
  getChangeStamp,
  listOpenCallOuts,
  previewAlertCard,
  previewCallOut,
  readTimeline,
  recordCall,
  startCallOut,
  startCallOutOnce,
} from './call-out-service.js';
import { callOutMeetingSchema } from './convene/convene-schemas.js';
import type { CallOutsDeps } from './deps.js';
import { pastCallOutPageSchema, pastCallOutsQuerySchema } from './past-call-out-schemas.js';
import { listClosedCallOuts } from './past-call-outs.js';
import {
  callOutDetailSchema,
  callOutIdParams,
  callOutPreviewSchema,
  callOutSummarySchema,
  changeStampSchema,
  closeCallOutSchema,
  recordCallSchema,
  staffAnswerSchema,
  startCallOutHeaders,
  startCallOutSchema,
  timelineEventSchema,
} from './schemas.js';
import { renderTimelineCsv } from './timeline/timeline-csv.js';
import { renderTimelinePdf } from './timeline/timeline-pdf.js';

/**
 * Every call-out route needs a role in some network or administrator at the door; the service then
 * narrows it: starting needs coordinator/member in a targeted network (or administrator), reading needs
 * the call-out to be visible (starter, recipient, staff of a covering network, administrator).
 */
const tags = ['call-outs'];

/** The language of an after-action export (CSV, PDF): Dutch unless English is asked for. */
const exportLanguageQuery = z.object({
  lang: z.enum(['nl', 'en']).optional().describe('Language of the document; Dutch when absent'),
});

/** The crisis call-out API: preview, start, follow, answer, record calls, close, timeline. */
export function callOutRoutes(deps: CallOutsDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'previewCallOut',
      method: 'post',
      path: '/call-outs/preview',
      summary: 'Who a call-out would reach (staff, allies and their callers); nothing is sent',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      body: startCallOutSchema,
      response: { status: 200, description: 'The recipients', schema: callOutPreviewSchema },
      handle: async ({ body }, context) =>
        previewCallOut(deps.db, context.origin, context.access, body, deps.now()),
    }),
    defineRoute({
      operationId: 'previewCallOutCard',
      method: 'post',
      path: '/call-outs/preview-card',
      summary:
        'The card staff would get in Teams, built by the bot’s own card function; nothing is sent (not audited: no personal data)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: cardPreviewQuery,
      body: startCallOutSchema,
      response: { status: 200, description: 'The Adaptive Card', schema: cardPreviewSchema },
      handle: async ({ query, body }, context) =>
        cardPreview(
          await previewAlertCard(deps.db, context.access, body, deps.now(), (view) =>
            renderAlertCard(view, query.lang ?? 'nl'),
          ),
        ),
    }),
    defineRoute({
      operationId: 'startCallOut',
      method: 'post',
      path: '/call-outs',
      summary: 'Start a call-out: alert the networks’ staff now and put the allies on the call list',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      body: startCallOutSchema,
      headers: startCallOutHeaders,
      response: { status: 201, description: 'The call-out', schema: callOutDetailSchema },
      handle: async ({ body, headers }, context) => {
        const key = headers['idempotency-key'];
        if (!key) return startCallOut(deps.db, context.origin, context.access, body, deps.now());
        const { callOut } = await startCallOutOnce(
          deps.db,
          context.origin,
          context.access,
          body,
          deps.now(),
          key,
        );
        return callOut;
      },
    }),
    defineRoute({
      operationId: 'listCallOuts',
      method: 'get',
      path: '/call-outs',
      summary: 'Open call-outs you may see, newest first',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      response: { status: 200, description: 'Open call-outs', schema: z.array(callOutSummarySchema) },
      handle: async (_input, context) => listOpenCallOuts(deps.db, context.access),
    }),
    defineRoute({
      operationId: 'listClosedCallOuts',
      method: 'get',
      path: '/call-outs/closed',
      summary:
        'Closed call-outs you may see, newest first, a page at a time; filter by period, kind and network (audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: pastCallOutsQuerySchema,
      response: { status: 200, description: 'A page of closed call-outs', schema: pastCallOutPageSchema },
      handle: async ({ query }, context) =>
        listClosedCallOuts(deps.db, context.origin, context.access, query, deps.now()),
    }),
    defineRoute({
      operationId: 'getCallOut',
      method: 'get',
      path: '/call-outs/{callOutId}',
      summary: 'Progress (sent x of N, answered y), tally, recipients with delivery state, and the call list',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      response: { status: 200, description: 'The call-out', schema: callOutDetailSchema },
      handle: async ({ params }, context) =>
        getCallOut(deps.db, context.origin, context.access, params.callOutId, deps.now()),
    }),
    defineRoute({
      operationId: 'getCallOutPage',
      method: 'get',
      path: '/call-outs/{callOutId}/page',
      summary:
        'The call-out page’s first data in one request: what GET /call-outs/{id}, /meeting and /timeline answer, ' +
        'with their audit rows; a call-out you may not see is refused once',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      response: {
        status: 200,
        description: 'The call-out, its meeting state and its timeline',
        schema: z.object({
          callOut: callOutDetailSchema,
          meeting: callOutMeetingSchema,
          timeline: z.array(timelineEventSchema),
        }),
      },
      // One visibility check (one refusal row for a hidden call-out), then the three reads together and their audit
      // rows in one insert, in the page's order: read, meeting-read, timeline-read (see readCallOutPage).
      handle: async ({ params }, context) =>
        readCallOutPage(deps.db, context.origin, context.access, params.callOutId, deps.now()),
    }),
    defineRoute({
      operationId: 'getCallOutChangeStamp',
      method: 'get',
      path: '/call-outs/{callOutId}/change-stamp',
      summary:
        'A token that changes whenever the call-out view changes, for cheap polling (no personal data, not audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      response: { status: 200, description: 'The stamp', schema: changeStampSchema },
      handle: async ({ params }, context) => getChangeStamp(deps.db, context.access, params.callOutId),
    }),
    defineRoute({
      operationId: 'answerCallOut',
      method: 'post',
      path: '/call-outs/{callOutId}/answers',
      summary: 'Answer as the signed-in staff recipient (answering again replaces the answer)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      body: staffAnswerSchema,
      response: { status: 200, description: 'The call-out after the answer', schema: callOutDetailSchema },
      handle: async ({ params, body }, context) =>
        answerAsStaff(deps.db, context.origin, context.access, params.callOutId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'recordCallOutCall',
      method: 'post',
      path: '/call-outs/{callOutId}/calls',
      summary: 'Record the outcome of a call to an ally on the call list',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      body: recordCallSchema,
      response: { status: 201, description: 'The call-out after the call', schema: callOutDetailSchema },
      handle: async ({ params, body }, context) =>
        recordCall(deps.db, context.origin, context.access, params.callOutId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'closeCallOut',
      method: 'post',
      path: '/call-outs/{callOutId}/close',
      summary:
        'Close a call-out with an evaluation note and plan its follow-up meeting per network (starter, coordinators, administrators)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      body: closeCallOutSchema,
      response: { status: 200, description: 'The closed call-out', schema: callOutDetailSchema },
      handle: async ({ params, body }, context) =>
        closeCallOut(deps.db, context.origin, context.access, params.callOutId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getCallOutTimeline',
      method: 'get',
      path: '/call-outs/{callOutId}/timeline',
      summary: 'Every send, failure, answer, escalation and call, oldest first (ids only)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      response: { status: 200, description: 'The timeline', schema: z.array(timelineEventSchema) },
      handle: async ({ params }, context) =>
        readTimeline(deps.db, context.origin, context.access, params.callOutId, deps.now()),
    }),
    defineRoute({
      operationId: 'exportCallOutTimeline',
      method: 'get',
      path: '/call-outs/{callOutId}/timeline.csv',
      summary:
        'The timeline as CSV for the after-action review: `;`-separated with a UTF-8 BOM (Dutch Excel), times in ' +
        'Europe/Amsterdam, events in words and people named as in the PDF; the file is named after the call-out’s ' +
        'wijk and start',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      query: exportLanguageQuery,
      response: {
        status: 200,
        description: 'CSV',
        format: { kind: 'csv', fileName: 'crisisoproep-tijdlijn.csv' },
      },
      // The same reads as the PDF, so the same checks, audit rows and need-to-know on names apply.
      handle: async ({ params, query }, context) => {
        const now = deps.now();
        const { db } = deps;
        const events = await readTimeline(db, context.origin, context.access, params.callOutId, now);
        const callOut = await getCallOut(db, context.origin, context.access, params.callOutId, now);
        return renderTimelineCsv({ callOut, events, locale: query.lang ?? 'nl' });
      },
    }),
    defineRoute({
      operationId: 'exportCallOutTimelinePdf',
      method: 'get',
      path: '/call-outs/{callOutId}/timeline.pdf',
      summary: 'The call-out and its timeline as a printable PDF for the after-action review',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      params: callOutIdParams,
      query: exportLanguageQuery,
      response: {
        status: 200,
        description: 'PDF (A4)',
        format: { kind: 'pdf', fileName: 'crisisoproep-tijdlijn.pdf' },
      },
      // The same reads as the timeline and the detail view, so the same checks and audit rows apply,
      // and names appear only where the detail view shows them to this caller.
      handle: async ({ params, query }, context) => {
        const now = deps.now();
        const { db } = deps;
        const events = await readTimeline(db, context.origin, context.access, params.callOutId, now);
        const callOut = await getCallOut(db, context.origin, context.access, params.callOutId, now);
        return renderTimelinePdf({ callOut, events, locale: query.lang ?? 'nl', now });
      },
    }),
  ];
}
