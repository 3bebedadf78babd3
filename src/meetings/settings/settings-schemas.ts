import { z } from 'zod';
import { localTime, observanceSchema, reasonSchema, weekdaySchema } from '../schemas.js';
import { regionSchema } from '../school-holidays/school-holiday-schemas.js';

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

export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;
