import { z } from 'zod';

/** *Bijeenkomst nu*: now, or at a moment within the hour, for 60 to 120 minutes. */
export const conveneSchema = z
  .object({
    startAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 instant' })
      .nullable()
      .default(null)
      .describe('when the meeting starts; null or absent: now. At most 60 minutes ahead.'),
    durationMinutes: z.number().int().min(60).max(120).default(90),
  })
  .meta({ id: 'ConveneCallOut' });
export type ConveneInput = z.output<typeof conveneSchema>;

export const callOutMeetingSchema = z
  .object({
    callOutId: z.uuid(),
    goalAt: z.iso.datetime().describe('the one-hour goal: the countdown runs to this instant'),
    meeting: z
      .object({
        state: z.enum(['pending', 'created', 'failed']),
        start: z.iso.datetime(),
        end: z.iso.datetime(),
        joinUrl: z.string().nullable(),
        joinUrlIsLocal: z
          .boolean()
          .describe('true in the local run: a placeholder link, not a Teams meeting'),
        organiserUserId: z.uuid(),
      })
      .nullable(),
    onTheWay: z
      .object({
        staff: z.number().int().describe('staff who answered "coming"'),
        allies: z.number().int().describe('allies whose latest call says they come'),
        total: z.number().int(),
      })
      .describe('how many are on their way'),
    invited: z.object({ staff: z.number().int(), allies: z.number().int() }).nullable(),
    mail: z.object({
      sent: z.number().int(),
      failed: z.number().int(),
      withoutAddress: z.number().int().describe('coming allies without an e-mail address: phone them'),
    }),
    created: z.boolean().describe('true when this request created the meeting'),
  })
  .meta({ id: 'CallOutMeeting' });
export type CallOutMeeting = z.input<typeof callOutMeetingSchema>;
