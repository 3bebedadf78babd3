import { z } from 'zod';
import { MAX_HAND_OVER_NOTE } from './constants.js';

export const handOverParams = z.object({
  networkId: z.uuid({ message: 'must be a network id' }),
  userId: z.uuid({ message: 'must be a staff member id' }),
});

/** What a staff member holds in a network, the colleagues who may take it over, and the last hand-over. */
export const handOverSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    /** Whether the staff member still holds a role in the network (a hand-over also follows a removal). */
    hasRole: z.boolean(),
    actions: z.array(z.object({ id: z.uuid(), description: z.string(), dueOn: z.iso.date().nullable() })),
    followUps: z.array(z.object({ signalId: z.uuid(), receivedOn: z.iso.date(), dueOn: z.iso.date() })),
    calls: z.array(z.object({ callOutId: z.uuid(), personId: z.uuid(), displayName: z.string() })),
    backups: z
      .array(z.object({ userId: z.uuid(), displayName: z.string() }))
      .describe('Staff of the network whose back-up this staff member is'),
    /** Staff of the network (with a role, other than this one) who may take the items over. */
    successors: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
    /** Changes when any item changes; send it back with the hand-over to get 409 if it changed meanwhile. */
    fingerprint: z.string(),
    lastHandOver: z
      .object({
        toUserId: z.uuid(),
        toName: z.string(),
        note: z.string().nullable(),
        handedOverAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: 'HandOver' });

/** Moves everything the staff member holds in the network to one colleague of the network. */
export const performHandOverSchema = z
  .object({
    toUserId: z.uuid({ message: 'must be a staff member id' }),
    note: z.string().trim().max(MAX_HAND_OVER_NOTE).nullish(),
    fingerprint: z
      .string()
      .max(128)
      .optional()
      .describe('The fingerprint read with the items: 409 when they changed since'),
  })
  .strict()
  .meta({ id: 'PerformHandOver' });

/** How many items of each kind moved. */
export const handOverResultSchema = z
  .object({
    id: z.uuid(),
    toUserId: z.uuid(),
    moved: z.object({
      actions: z.number().int(),
      followUps: z.number().int(),
      calls: z.number().int(),
      backups: z.number().int(),
      backupsCleared: z
        .number()
        .int()
        .describe('Back-up duties for the successor themselves, cleared (nobody backs themselves up)'),
    }),
  })
  .meta({ id: 'HandOverResult' });

export type HandOver = z.infer<typeof handOverSchema>;
export type PerformHandOver = z.infer<typeof performHandOverSchema>;
export type HandOverResult = z.infer<typeof handOverResultSchema>;
