import { z } from 'zod';

/**
 * A network's follow-up meeting after a closed call-out. Call-outs plan and store the follow-ups; their
 * status comes from the network's meetings, and both the call-out page and the meetings list show them,
 * so the schema lives with meetings and call-outs import it (never the other way round).
 */
export const followUpSchema = z
  .object({
    callOutId: z.uuid(),
    networkId: z.uuid(),
    networkName: z.string(),
    dueOn: z.iso.date(),
    status: z
      .enum(['held', 'planned', 'to-plan', 'overdue'])
      .describe(
        'held/planned: a meeting of the network between the close and the due date; else to plan or overdue',
      ),
    meeting: z.object({ id: z.uuid(), startsAt: z.iso.datetime() }).nullable(),
  })
  .meta({ id: 'CallOutFollowUp' });
