import { z } from 'zod';
import { OBSERVANCE_TRADITIONS } from './constants.js';
import { followUpSchema } from './follow-up-schema.js';
import { regionSchema } from './school-holidays/school-holiday-schemas.js';

export * from './school-holidays/school-holiday-schemas.js';

/** The observances the planner knows (see planner/contract.ts). */
export const OBSERVANCE_KEYS = OBSERVANCE_TRADITIONS;
export const observanceSchema = z.enum(OBSERVANCE_KEYS);

/** The theme list of the meeting record (free text goes alongside). */
export const MEETING_THEMES = [
  'kennismaking',
  'veiligheidsgevoel',
  'spanningen',
  'polarisatie',
  'discriminatie',
  'radicalisering',
  'jongeren',
  'overlast',
  'ondermijning',
  'geloof-en-levensbeschouwing',
  'armoede',
  'communicatie-overheid',
  'overig',
] as const;
export const themeSchema = z.enum(MEETING_THEMES);

export const weekdaySchema = z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday … 7 = Sunday');
const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM');
const instant = z.iso.datetime({ offset: true });

export const reasonSchema = z
  .object({ code: z.string(), nl: z.string(), en: z.string() })
  .meta({ id: 'PlannerReason' });

export const networkIdParams = z.object({ networkId: z.uuid() });
export const meetingParams = z.object({ networkId: z.uuid(), meetingId: z.uuid() });
export const locationParams = z.object({ networkId: z.uuid(), locationId: z.uuid() });
export const participantParams = z.object({ networkId: z.uuid(), personId: z.uuid() });
export const actionParams = z.object({ networkId: z.uuid(), actionId: z.uuid() });
export const municipalityParams = z.object({ municipalityId: z.uuid() });

// ---- Settings ----

export const meetingSettingsSchema = z
  .object({
    networkId: z.uuid(),
    cadenceDays: z.number().int(),
    meetingsPerYear: z.number().describe('365 / cadenceDays, one decimal'),
    weekdays: z.array(weekdaySchema),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    allowLongerThanTwoHours: z.boolean(),
    organiser: z.object({
      kind: z.enum(['user', 'mailbox', 'secretary', 'none']),
      userId: z.uuid().nullable(),
      address: z.string().nullable().describe('The calendar the events are created in'),
    }),
    ramadanPolicy: z.enum(['avoid', 'iftar']),
    observances: z.object({
      derived: z.array(observanceSchema).describe("From the communities of the network's people"),
      added: z.array(observanceSchema),
      removed: z.array(observanceSchema),
      effective: z.array(observanceSchema),
    }),
    mealArrangements: z.string().nullable(),
    onlineMeeting: z.boolean().describe('Create a Teams meeting with each event'),
    schoolHolidayRegion: regionSchema
      .nullable()
      .describe("The municipality's region (administrators set it)"),
    calendar: z.enum(['graph', 'embedded']),
    warnings: z.array(reasonSchema),
    version: z.number().int().describe('0 while the network still has the defaults'),
  })
  .meta({ id: 'MeetingSettings' });

export const updateMeetingSettingsSchema = z
  .object({
    version: z.number().int().min(0).optional().describe('Optimistic concurrency: the version read'),
    cadenceDays: z.number().int().min(7).max(365).optional(),
    weekdays: z.array(weekdaySchema).min(1).max(7).optional(),
    startTime: localTime.optional(),
    durationMinutes: z.number().int().min(30).max(480).optional(),
    allowLongerThanTwoHours: z.boolean().optional(),
    organiserUserId: z.uuid().nullable().optional(),
    organiserMailbox: z.email().max(254).nullable().optional(),
    ramadanPolicy: z.enum(['avoid', 'iftar']).optional(),
    observancesAdded: z.array(observanceSchema).optional(),
    observancesRemoved: z.array(observanceSchema).optional(),
    mealArrangements: z.string().trim().max(1000).nullable().optional(),
    onlineMeeting: z.boolean().optional(),
  })
  .meta({ id: 'UpdateMeetingSettings' });

// ---- Locations ----

export const locationKindSchema = z.enum(['community-centre', 'police-station', 'town-hall', 'other']);
export const meetingLocationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    kind: locationKindSchema,
    active: z.boolean(),
    rotationOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingLocation' });
export const createLocationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().max(300).nullable().optional(),
    kind: locationKindSchema,
    active: z.boolean().optional(),
    rotationOrder: z.number().int().min(0).max(1000).optional(),
  })
  .meta({ id: 'CreateMeetingLocation' });
export const updateLocationSchema = createLocationSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'UpdateMeetingLocation' });

// ---- Allies' meeting preferences ----

export const participantSchema = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    hasEmail: z.boolean().describe('Only allies with an e-mail address get the invitation'),
    willingToChair: z.boolean(),
    availableWeekdays: z.array(weekdaySchema).nullable().describe('Null: no restriction stated'),
    absentFrom: z.iso.date().nullable(),
    absentUntil: z.iso.date().nullable(),
    timesChaired: z.number().int(),
  })
  .meta({ id: 'MeetingParticipant' });
export const updateParticipantSchema = z
  .object({
    willingToChair: z.boolean(),
    availableWeekdays: z.array(weekdaySchema).min(1).max(7).nullable(),
    absentFrom: z.iso.date().nullable(),
    absentUntil: z.iso.date().nullable(),
  })
  .meta({ id: 'UpdateMeetingParticipant' });

// ---- Planning ----

export const personRefSchema = z
  .object({ personId: z.uuid(), displayName: z.string() })
  .meta({ id: 'PersonRef' });
export const locationRefSchema = z
  .object({ id: z.uuid(), name: z.string(), address: z.string().nullable(), kind: locationKindSchema })
  .meta({ id: 'MeetingLocationRef' });

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

// ---- Meetings ----

export const actionSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    meetingDate: z.iso.date(),
    description: z.string(),
    owner: z.object({ kind: z.enum(['staff', 'ally']), id: z.uuid(), displayName: z.string() }).nullable(),
    dueOn: z.iso.date().nullable(),
    status: z.enum(['open', 'done', 'dropped']),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingAction' });

export const responseSchema = z
  .object({
    kind: z.enum(['staff', 'ally', 'other']),
    userId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    displayName: z.string(),
    response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']),
  })
  .meta({ id: 'MeetingResponse' });

export const recordSchema = z
  .object({
    attendance: z.array(
      z.object({
        kind: z.enum(['staff', 'ally']),
        id: z.uuid(),
        displayName: z.string(),
        present: z.boolean(),
      }),
    ),
    themes: z.array(themeSchema),
    themesText: z.string().nullable(),
    mood: z.number().int().min(1).max(5).nullable(),
    recordedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingRecord' });

export const meetingSchema = z
  .object({
    id: z.uuid(),
    networkId: z.uuid(),
    seriesId: z.uuid().nullable(),
    date: z.iso.date(),
    start: z.string(),
    end: z.string(),
    localStartTime: z.string(),
    location: locationRefSchema.nullable(),
    chair: personRefSchema.nullable(),
    agendaTurns: z.array(personRefSchema),
    trustBuilding: z.boolean(),
    onlineMeeting: z.boolean(),
    status: z.enum(['planned', 'cancelled', 'held']),
    organiser: z.string(),
    calendar: z.object({
      state: z.enum(['pending', 'created', 'failed']),
      eventId: z.string().nullable(),
      webLink: z.string().nullable(),
      joinUrl: z.string().nullable(),
    }),
    responses: z.array(responseSchema),
    record: recordSchema.nullable(),
    actions: z.array(actionSchema),
    version: z.number().int(),
  })
  .meta({ id: 'Meeting' });

export const meetingListQuery = z.object({
  scope: z.enum(['all', 'upcoming', 'past']).optional().describe('Default: all'),
});
export const meetingListSchema = z
  .object({
    upcoming: z.array(meetingSchema),
    past: z.array(meetingSchema).describe('Newest first'),
    openActions: z.array(actionSchema),
    followUps: z
      .array(followUpSchema)
      .describe(
        'Closed call-outs this network still has to meet about (processing and reconciliation); gone once that meeting is held',
      ),
  })
  .meta({ id: 'MeetingList' });

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

export const invitationSchema = z
  .object({
    fileName: z.string(),
    contentType: z.literal('text/calendar'),
    ics: z.string().describe('iCalendar text (METHOD:REQUEST, or CANCEL for a cancelled meeting)'),
  })
  .meta({ id: 'MeetingInvitation' });

export const putRecordSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("The record's version read; 0 or absent for a first record"),
    attendance: z
      .array(
        z.object({
          userId: z.uuid().optional(),
          personId: z.uuid().optional(),
          present: z.boolean(),
        }),
      )
      .max(60),
    themes: z.array(themeSchema).max(MEETING_THEMES.length),
    themesText: z.string().trim().max(4000).nullable().optional(),
    mood: z.number().int().min(1).max(5).nullable().optional(),
    actions: z
      .array(
        z.object({
          id: z.uuid().optional().describe('An existing action of this meeting to change'),
          description: z.string().trim().min(1).max(500),
          ownerUserId: z.uuid().nullable().optional(),
          ownerPersonId: z.uuid().nullable().optional(),
          dueOn: z.iso.date().nullable().optional(),
          status: z.enum(['open', 'done', 'dropped']).optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .meta({ id: 'PutMeetingRecord' });

export const updateActionSchema = z
  .object({ version: z.number().int().min(1), status: z.enum(['open', 'done', 'dropped']) })
  .meta({ id: 'UpdateMeetingAction' });

export const nextProposalSchema = z
  .object({
    networkId: z.uuid(),
    networkName: z.string(),
    proposal: proposalSchema.nullable(),
    skipped: z.array(z.object({ date: z.iso.date(), reasons: z.array(reasonSchema) })),
    warnings: z.array(reasonSchema),
  })
  .meta({ id: 'NextMeetingProposal' });

export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingAction = z.infer<typeof actionSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type PlanPreview = z.infer<typeof planPreviewSchema>;
