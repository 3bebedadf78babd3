import { z } from 'zod';
import { instant, locationRefSchema, observanceSchema, personRefSchema, reasonSchema } from '../schemas.js';
import { meetingSchema } from '../views/meeting-schemas.js';

export const proposalSchema = z
  .object({
    date: z.iso.date(),
    start: z.string(),
    end: z.string(),
    localStartTime: z.string(),
    adjustments: z.array(reasonSchema),
    overridden: z.boolean(),
    chair: personRefSchema.nullable(),
    location: locationRefSchema.nullable(),
    agendaTurns: z.array(personRefSchema),
    trustBuilding: z.boolean(),
  })
  .meta({ id: 'MeetingProposal' });

export const planPreviewRequestSchema = z
  .object({
    from: z.iso.date().optional().describe('Default: tomorrow'),
    to: z.iso.date().optional().describe('Default: one year after `from`'),
    count: z.number().int().min(1).max(12).optional().describe('Default: as many as the cadence fits'),
    overrides: z
      .array(z.iso.date())
      .max(50)
      .optional()
      .describe('Dates the secretary allows despite the rules'),
  })
  .meta({ id: 'PlanPreviewRequest' });

export const planPreviewSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    proposals: z.array(proposalSchema),
    skipped: z.array(z.object({ date: z.iso.date(), reasons: z.array(reasonSchema) })),
    warnings: z.array(reasonSchema),
    observances: z.array(observanceSchema),
    freeBusy: z.object({
      source: z.enum(['graph', 'embedded']),
      staffChecked: z.number().int(),
      staffUnknown: z.number().int().describe('Staff whose free/busy the calendar could not give'),
      unknownStaff: z
        .array(z.object({ userId: z.uuid(), displayName: z.string() }))
        .describe(
          'Who those are (e.g. police staff in another tenant): their availability is unknown, not free',
        ),
    }),
  })
  .meta({ id: 'PlanPreview' });

export const createSeriesSchema = z
  .object({
    meetings: z
      .array(
        z.object({
          start: instant,
          end: instant,
          locationId: z.uuid().nullable().optional().describe('Default: the next location in rotation'),
        }),
      )
      .min(1)
      .max(12),
    onlineMeeting: z.boolean().optional().describe("Default: the network's setting"),
    confirmReasons: z
      .boolean()
      .optional()
      .describe(
        'A date the planner would skip (see date-check: holidays, observances, busy staff, 4/5 May) is refused with 409 unless this is true',
      ),
  })
  .meta({ id: 'CreateMeetingSeries' });

export const seriesSchema = z
  .object({ seriesId: z.uuid(), meetings: z.array(meetingSchema) })
  .meta({ id: 'MeetingSeries' });

export const updateMeetingSchema = z
  .object({
    version: z.number().int().min(1),
    start: instant.optional(),
    end: instant.optional(),
    locationId: z.uuid().nullable().optional(),
    chairPersonId: z.uuid().nullable().optional(),
    agendaTurnPersonIds: z.array(z.uuid()).max(15).optional(),
    onlineMeeting: z.boolean().optional(),
    confirmReasons: z
      .boolean()
      .optional()
      .describe('A new date the planner would skip (see date-check) is refused with 409 unless this is true'),
  })
  .meta({ id: 'UpdateMeeting' });

export const cancelMeetingSchema = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().min(1).max(500).describe('Goes to the attendees with the cancellation'),
  })
  .meta({ id: 'CancelMeeting' });

export const nextProposalSchema = z
  .object({
    networkId: z.uuid(),
    networkName: z.string(),
    proposal: proposalSchema.nullable(),
    skipped: z.array(z.object({ date: z.iso.date(), reasons: z.array(reasonSchema) })),
    warnings: z.array(reasonSchema),
  })
  .meta({ id: 'NextMeetingProposal' });

export type Proposal = z.infer<typeof proposalSchema>;

export type PlanPreview = z.infer<typeof planPreviewSchema>;
