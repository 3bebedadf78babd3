import { z } from 'zod';
import { COMMUNITY_KINDS, OBSERVANCE_TRADITIONS } from '../../meetings/constants.js';

/** A new network for an area of the municipality (administrators). */
export const createNetworkSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'use at most 200 characters'),
    areaId: z.uuid({ message: 'must be a district or neighbourhood id' }),
    status: z.enum(['starting', 'active', 'paused']).default('starting'),
    foundedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).nullable().default(null),
  })
  .strict()
  .meta({ id: 'CreateNetwork' });

export const updateNetworkSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'use at most 200 characters'),
    status: z.enum(['starting', 'active', 'paused', 'archived']),
    foundedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateNetwork' });

export const municipalityParams = z.object({
  municipalityId: z.uuid({ message: 'must be a municipality id' }),
});
export const communityParams = municipalityParams.extend({
  communityId: z.uuid({ message: 'must be a community id' }),
});

const traditionsSchema = z
  .array(z.enum(OBSERVANCE_TRADITIONS))
  .max(OBSERVANCE_TRADITIONS.length)
  .refine((list) => new Set(list).size === list.length, {
    message: 'lists a tradition twice',
    params: { code: 'duplicate' },
  });
const communityNameSchema = z
  .string()
  .trim()
  .min(2, 'use at least 2 characters')
  .max(100, 'use at most 100 characters');

/** A community or group in the municipality's managed list, with the observances the planner respects for it. */
export const managedCommunitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.enum(COMMUNITY_KINDS),
    traditions: z.array(z.enum(OBSERVANCE_TRADITIONS)),
    archived: z.boolean(),
    /** 'no-tradition': a faith community without a tradition, so the planner respects nothing for it. */
    warnings: z.array(z.enum(['no-tradition'])),
  })
  .meta({ id: 'ManagedCommunity' });

export const createCommunitySchema = z
  .object({
    name: communityNameSchema,
    category: z.enum(COMMUNITY_KINDS),
    traditions: traditionsSchema.default([]),
  })
  .strict()
  .meta({ id: 'CreateCommunity' });

/** Rename, change the kind or traditions, archive or restore; at least one field. */
export const updateCommunitySchema = z
  .object({
    name: communityNameSchema,
    category: z.enum(COMMUNITY_KINDS),
    traditions: traditionsSchema,
    archived: z.boolean(),
  })
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, {
    message: 'change at least one field',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'UpdateCommunity' });

/** Size limits of a network's table in this municipality (seed 003: 10 citizens; seed 002: up to 15 allies). */
export const municipalitySettingsSchema = z
  .object({
    allySoftLimit: z.number().int().min(1).max(50),
    allyHardLimit: z.number().int().min(1).max(50),
  })
  .strict()
  .refine((s) => s.allySoftLimit <= s.allyHardLimit, {
    message: 'must be at least the soft limit',
    params: { code: 'too_small', kind: 'soft-limit' },
    path: ['allyHardLimit'],
  })
  .meta({ id: 'MunicipalitySettings' });

export const networkSummaryOutSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z
      .enum(['starting', 'active', 'paused', 'archived'])
      .describe('Archived: keeps its records, but is left out of the overview, call-outs and the planner'),
    foundedOn: z.iso.date().nullable(),
    areaId: z.uuid(),
  })
  .meta({ id: 'ManagedNetwork' });

/** A network in the administrators' list, archived ones included, with its area. */
export const managedNetworkListItemSchema = networkSummaryOutSchema
  .extend({ areaName: z.string(), areaKind: z.enum(['district', 'neighbourhood']) })
  .meta({ id: 'ManagedNetworkListItem' });
