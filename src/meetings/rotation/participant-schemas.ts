import { z } from 'zod';
import { weekdaySchema } from '../schemas.js';

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
