import { z } from 'zod';
import { THREAD_ID_PATTERN } from './teams-thread.js';

export const teamsMeetingQuery = z.object({
  threadId: z
    .string()
    .regex(THREAD_ID_PATTERN, 'must be a Teams chat thread id (19:…@thread.v2)')
    .describe("The meeting chat's thread id, as teams-js reports it in the meeting tab's context"),
});

export const teamsMeetingContextSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('meeting'),
      networkId: z.uuid(),
      meetingId: z.uuid(),
      canRecord: z.boolean().describe('Whether the caller may write the record (coordinators and secretary)'),
    }),
    z.object({ kind: z.literal('call-out'), callOutId: z.uuid() }),
  ])
  .meta({ id: 'TeamsMeetingContext' });

export type TeamsMeetingContext = z.infer<typeof teamsMeetingContextSchema>;
