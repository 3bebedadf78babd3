import { z } from 'zod';
import { followUpSchema } from '../follow-up-schema.js';
import { actionSchema, recordSchema } from '../records/record-schemas.js';
import { locationRefSchema, personRefSchema } from '../schemas.js';

export const responseSchema = z
  .object({
    kind: z.enum(['staff', 'ally', 'other']),
    userId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    displayName: z.string(),
    response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']),
  })
  .meta({ id: 'MeetingResponse' });

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

export const invitationSchema = z
  .object({
    fileName: z.string(),
    contentType: z.literal('text/calendar'),
    ics: z.string().describe('iCalendar text (METHOD:REQUEST, or CANCEL for a cancelled meeting)'),
  })
  .meta({ id: 'MeetingInvitation' });

export type Meeting = z.infer<typeof meetingSchema>;
