import { z } from 'zod';
import { ABSENCE_SOURCES, MAX_ABSENCE_NOTE } from './constants.js';

export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });
export const absenceParams = z.object({
  networkId: z.uuid({ message: 'must be a network id' }),
  absenceId: z.uuid({ message: 'must be an absence id' }),
});

/** One absence period of a staff member of the network, with who takes over meanwhile. */
export const absenceSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().describe('Last day of the absence (inclusive)'),
    source: z.enum(ABSENCE_SOURCES),
    note: z.string().nullable(),
    /** True when the period includes today. */
    current: z.boolean(),
    backup: z
      .object({ userId: z.uuid(), displayName: z.string() })
      .nullable()
      .describe("The staff member's back-up in this network: first to get call-out cards meanwhile"),
  })
  .meta({ id: 'Absence' });

/** The network's staff with their absences that have not ended yet, and whether the caller may record them. */
export const absenceListSchema = z
  .object({
    staff: z.array(
      z.object({
        userId: z.uuid(),
        displayName: z.string(),
        role: z.enum(['coordinator', 'member', 'secretary', 'viewer']),
        /** The caller may record and delete this person's absences (themselves, or a coordinator). */
        mayRecord: z.boolean(),
      }),
    ),
    absences: z.array(absenceSchema),
  })
  .meta({ id: 'AbsenceList' });

/** Records an absence period of a staff member of the network (themselves, or a coordinator for them). */
export const recordAbsenceSchema = z
  .object({
    userId: z.uuid({ message: 'must be a staff member id' }),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    note: z.string().trim().max(MAX_ABSENCE_NOTE).nullish(),
    source: z
      .enum(ABSENCE_SOURCES)
      .optional()
      .describe('outlook when the period was taken over from Outlook automatic replies; manual by default'),
  })
  .strict()
  .meta({ id: 'RecordAbsence' });

export const outlookAbsenceQuery = z.object({ userId: z.uuid({ message: 'must be a staff member id' }) });

/**
 * What Outlook's automatic replies say about a staff member's absence, as a suggestion for the form: a scheduled
 * period as local dates (last day inclusive), or why there is none. Never the reply texts.
 */
export const outlookAbsenceSchema = z
  .object({
    state: z.enum(['scheduled', 'ended', 'off', 'always', 'unavailable']),
    reason: z
      .enum(['local', 'not-signed-in', 'no-mailbox', 'not-permitted', 'time-zone'])
      .nullable()
      .describe('Why Outlook could not be read (state unavailable)'),
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable().describe('Last day of the period (inclusive)'),
  })
  .meta({ id: 'OutlookAbsence' });

export type Absence = z.infer<typeof absenceSchema>;
export type AbsenceList = z.infer<typeof absenceListSchema>;
export type RecordAbsence = z.infer<typeof recordAbsenceSchema>;
export type OutlookAbsence = z.infer<typeof outlookAbsenceSchema>;
