import { z } from 'zod';
import { locationKindSchema } from '../schemas.js';

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
