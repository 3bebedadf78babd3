import { z } from 'zod';

/** The cross-network overview's query and answer (one zod schema per boundary: route, OpenAPI, tab client). */

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

export const networkOverviewQuery = z.object({
  from: isoDate.optional().describe('First day (Europe/Amsterdam); with `to` absent too: three months back'),
  to: isoDate.optional().describe('Last day (Europe/Amsterdam); today when absent'),
});
export type NetworkOverviewQuery = z.output<typeof networkOverviewQuery>;

export const networkOverviewRowSchema = z
  .object({
    networkId: z.uuid(),
    name: z.string(),
    meetings: z
      .object({
        planned: z.number().int().describe('Meetings dated in the period and not cancelled'),
        held: z.number().int().describe('Of those, recorded as held'),
        cancelled: z.number().int(),
      })
      .meta({ id: 'NetworkOverviewMeetings' }),
    signals: z.number().int().describe('Signals received in the period'),
    openFollowUps: z.number().int().describe('Follow-ups open or in progress today'),
    overdueFollowUps: z.number().int().describe('Of those, past their due date today'),
    coverageGaps: z
      .number()
      .int()
      .describe('Wijk × community pairs marked relevant without an ally, today (as on the network page)'),
    evaluation: z
      .object({
        dueOn: z.string().describe('When the next half-yearly evaluation is due'),
        state: z.enum(['overdue', 'due', 'later']),
        heldInPeriod: z.number().int(),
      })
      .nullable()
      .meta({ id: 'NetworkOverviewEvaluation' }),
    callOuts: z
      .object({
        total: z.number().int().describe('Call-outs started in the period that involved the network'),
        reachedWithinHour: z
          .number()
          .int()
          .describe('Of those, the network was reached by the goal (an hour after the start)'),
      })
      .meta({ id: 'NetworkOverviewCallOuts' }),
  })
  .meta({ id: 'NetworkOverviewRow' });

export const networkOverviewSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    today: z.string(),
    networks: z.array(networkOverviewRowSchema),
  })
  .meta({ id: 'NetworkOverview' });
export type NetworkOverview = z.infer<typeof networkOverviewSchema>;
