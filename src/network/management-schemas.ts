import { z } from 'zod';

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

/** A community or group in the municipality's managed list. */
export const managedCommunitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.enum(['religion', 'origin', 'group']),
    archived: z.boolean(),
  })
  .meta({ id: 'ManagedCommunity' });

export const createCommunitySchema = z
  .object({
    name: z.string().trim().min(2, 'use at least 2 characters').max(100, 'use at most 100 characters'),
    category: z.enum(['religion', 'origin', 'group']),
  })
  .strict()
  .meta({ id: 'CreateCommunity' });

export const updateCommunitySchema = z
  .object({ archived: z.boolean() })
  .strict()
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
