import { z } from 'zod';
import { followUpSchema } from '../meetings/index.js';
import { ETA_MAX_MINUTES } from './constants.js';

const kind = z.enum(['incident', 'tension', 'planned-intervention']);
const urgency = z.enum(['immediate', 'today', 'this-week']);
const staffAnswer = z.enum(['coming', 'calling-allies', 'unavailable']);
const outcome = z.enum(['reached', 'voicemail', 'not-reached']);
const trimmed = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** What a starter fills in: what happened, where, which communities, and what is asked. */
export const startCallOutSchema = z
  .object({
    kind,
    urgency,
    summary: trimmed(1000),
    ask: trimmed(1000),
    placeIds: z
      .array(z.uuid({ message: 'must be a wijk id' }))
      .min(1, 'choose at least one wijk')
      .max(50),
    communityIds: z
      .array(z.uuid({ message: 'must be a community id' }))
      .max(50)
      .default([]),
  })
  .meta({ id: 'StartCallOut' });
export type StartCallOutInput = z.output<typeof startCallOutSchema>;

/**
 * `Idempotency-Key`: a UUID the client makes once per call-out it means to start and sends again with every
 * retry of that request; a repeat gets the call-out the first request started instead of a second alert.
 */
export const startCallOutHeaders = z.object({
  'idempotency-key': z
    .uuid({ message: 'must be a UUID, one per call-out you mean to start' })
    .optional()
    .describe(
      'A UUID per call-out you mean to start; a retry with the same key returns the call-out already started',
    ),
});

export const callOutIdParams = z.object({ callOutId: z.uuid({ message: 'must be a call-out id' }) });

export const staffAnswerSchema = z
  .object({
    answer: staffAnswer,
    note: z.string().trim().max(500).nullable().default(null),
    etaMinutes: z.number().int().min(0).max(ETA_MAX_MINUTES).nullable().default(null),
  })
  .meta({ id: 'StaffAnswerInput' });

export const recordCallSchema = z
  .object({
    personId: z.uuid({ message: 'must be an ally on this call list' }),
    outcome,
    heard: z.string().trim().max(2000).nullable().default(null),
    coming: z.boolean().default(false),
  })
  .meta({ id: 'RecordCall' });

export const closeCallOutSchema = z
  .object({
    evaluationNote: trimmed(4000),
    followUpBy: z.iso
      .date({ message: 'must be a date (YYYY-MM-DD)' })
      .optional()
      .describe(
        'Last day for each targeted network’s follow-up meeting (processing and reconciliation); default 14 days from today, at most 90',
      ),
  })
  .meta({ id: 'CloseCallOut' });

const tallySchema = z.object({
  coming: z.number().int(),
  callingAllies: z.number().int(),
  unavailable: z.number().int(),
  pending: z.number().int(),
});

const progressSchema = z.object({
  recipients: z.number().int().describe('staff recipients (N)'),
  sent: z.number().int().describe('recipients whose card arrived (x of N)'),
  unreachable: z.number().int().describe('no conversation or refused by Teams: phone them'),
  answered: z.number().int(),
});

export const callOutPreviewSchema = z
  .object({
    networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
    staff: z.array(
      z.object({ userId: z.uuid(), displayName: z.string(), networkId: z.uuid(), reachable: z.boolean() }),
    ),
    allies: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string().nullable().describe('null outside the caller’s networks (need-to-know)'),
        networkId: z.uuid(),
        callerUserId: z.uuid(),
        callerName: z.string(),
      }),
    ),
  })
  .meta({ id: 'CallOutPreview' });
export type CallOutPreview = z.input<typeof callOutPreviewSchema>;

export const callOutSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['open', 'closed']),
    kind,
    urgency,
    summary: z.string(),
    startedAt: z.iso.datetime(),
    goalAt: z.iso.datetime(),
    version: z.number().int(),
    progress: progressSchema,
    tally: tallySchema,
  })
  .meta({ id: 'CallOutSummary' });
export type CallOutSummary = z.input<typeof callOutSummarySchema>;

export const callOutDetailSchema = callOutSummarySchema
  .extend({
    ask: z.string(),
    startedBy: z.uuid(),
    places: z.array(z.object({ id: z.uuid(), name: z.string() })),
    communities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    evaluationNote: z.string().nullable(),
    stamp: z
      .string()
      .describe('Changes whenever this view changes; compare with GET /call-outs/{callOutId}/change-stamp'),
    followUps: z
      .array(followUpSchema)
      .describe('Planned when the call-out was closed: one follow-up meeting per network it reached'),
    closedAt: z.iso.datetime().nullable(),
    recipients: z.array(
      z.object({
        userId: z.uuid(),
        displayName: z.string(),
        reason: z.enum(['network-staff', 'backup', 'crisis-team']),
        delivery: z.enum(['pending', 'sending', 'sent', 'failed', 'unreachable']).nullable(),
        answer: z
          .object({
            answer: staffAnswer,
            note: z.string().nullable(),
            etaMinutes: z.number().int().nullable(),
            answeredAt: z.iso.datetime(),
          })
          .nullable(),
      }),
    ),
    callList: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string().nullable().describe('null outside the viewer’s networks (need-to-know)'),
        mobile: z.string().nullable(),
        callerUserId: z.uuid(),
        callerName: z.string(),
        outcome: outcome.nullable(),
        heard: z.string().nullable(),
        coming: z.boolean().nullable(),
      }),
    ),
  })
  .meta({ id: 'CallOutDetail' });
export type CallOutDetail = z.input<typeof callOutDetailSchema>;

export const timelineEventSchema = z
  .object({
    at: z.iso.datetime(),
    kind: z.string(),
    userId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    deliveryId: z.uuid().nullable(),
  })
  .meta({ id: 'CallOutTimelineEvent' });
export type TimelineEvent = z.input<typeof timelineEventSchema>;

export const changeStampSchema = z
  .object({
    stamp: z
      .string()
      .describe(
        'Equal to the `stamp` of the call-out as last read: read it again only when this differs. While a ' +
          'delivery is pending, single deliveries do not change it; `progress` carries them instead',
      ),
    progress: progressSchema.describe('Sent x of N, unreachable, answered: current on every poll'),
  })
  .meta({ id: 'CallOutChangeStamp' });
