import { z } from 'zod';

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

export type MeetingAction = z.infer<typeof actionSchema>;
