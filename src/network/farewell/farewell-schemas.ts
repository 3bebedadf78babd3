import { z } from 'zod';
import { FAREWELL_REASONS } from '../constants.js';

export const farewellReasonSchema = z.enum(FAREWELL_REASONS);

/** Today's date in Europe/Amsterdam as YYYY-MM-DD (a farewell cannot be dated in the future). */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** Ending someone's membership: when, why, and whether they were thanked (coordinators). */
export const recordFarewellSchema = z
  .object({
    /** The person's version as last read: a farewell on a stale page is refused (409). */
    version: z.number().int().positive(),
    endedOn: z.iso
      .date({ message: 'must be a date (YYYY-MM-DD)' })
      .refine((date) => date >= '1900-01-01', {
        message: 'must not be before 1900-01-01',
        params: { code: 'before_1900' },
      })
      .refine((date) => date <= amsterdamToday(), {
        message: 'must not be in the future',
        params: { code: 'in_future' },
      }),
    reason: farewellReasonSchema,
    reasonNote: z
      .string()
      .trim()
      .max(1000, 'use at most 1000 characters')
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .default(null),
    thanked: z.boolean(),
    /** The half-yearly evaluation that decided it, when the farewell follows one. */
    evaluationId: z.uuid({ message: 'must be an evaluation id' }).nullable().default(null),
  })
  .strict()
  .refine((farewell) => farewell.reason !== 'other' || farewell.reasonNote !== null, {
    message: 'is required when the reason is other',
    params: { code: 'required' },
    path: ['reasonNote'],
  })
  .meta({ id: 'RecordFarewell' });

export type RecordFarewell = z.output<typeof recordFarewellSchema>;

/** A recorded farewell; the note is free text, shown only to staff of the person's networks. */
export const farewellSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    kindBefore: z.enum(['key_figure', 'ally']),
    endedOn: z.iso.date(),
    reason: farewellReasonSchema,
    reasonNote: z.string().nullable(),
    thanked: z.boolean(),
    evaluationId: z.uuid().nullable(),
    /** True for former allies from before farewells were recorded (migration 0026): no reason was ever given. */
    backfilled: z.boolean(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Farewell' });

export type Farewell = z.infer<typeof farewellSchema>;

/** What a farewell changed: the invitations of planned meetings updated through the calendar, or not. */
export const farewellResultSchema = z
  .object({
    farewell: farewellSchema,
    invitations: z.object({
      /** Planned future meetings whose calendar event now leaves the person out. */
      updated: z.number().int(),
      /** Meetings whose calendar did not accept the update (retried by the next change or calendar sync). */
      failed: z.number().int(),
    }),
  })
  .meta({ id: 'FarewellResult' });

export type FarewellResult = z.infer<typeof farewellResultSchema>;
