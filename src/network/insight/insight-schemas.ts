import { z } from 'zod';
import { personSummarySchema } from '../schemas.js';

const dimensionSchema = z.enum(['age_band', 'gender', 'community']);

/** Afspiegeling: the allies' mix per dimension next to the target profile; large differences highlighted. */
export const representativenessSchema = z
  .object({
    total: z.number().int(),
    dimensions: z.array(
      z.object({
        dimension: dimensionSchema,
        rows: z.array(
          z.object({
            value: z.string().describe('age band, gender, or community id; "unknown" when not recorded'),
            count: z.number().int(),
            share: z.number(),
            target: z.number().nullable(),
            difference: z.number().nullable(),
            highlighted: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Representativeness' });

/** The coordinator's target profile for one dimension; shares of the allies, together at most 1 (except communities). */
export const setTargetProfileSchema = z
  .object({
    dimension: dimensionSchema,
    targets: z
      .array(z.object({ value: z.string().trim().min(1).max(100), share: z.number().min(0).max(1) }).strict())
      .max(50),
  })
  .strict()
  .refine(
    (profile) =>
      profile.dimension === 'community' || profile.targets.reduce((sum, t) => sum + t.share, 0) <= 1.0001,
    { message: 'the shares of one dimension add up to at most 1 (100%)', path: ['targets'] },
  )
  .refine((profile) => new Set(profile.targets.map((t) => t.value)).size === profile.targets.length, {
    message: 'each value appears once',
    params: { code: 'duplicate' },
    path: ['targets'],
  })
  .meta({ id: 'SetTargetProfile' });

export const personSearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, 'type at least 2 characters').max(100).optional(),
    communityId: z.uuid().optional(),
    neighbourhoodId: z.uuid().optional(),
    kind: z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']).optional(),
  })
  .strict()
  .refine((query) => query.q || query.communityId || query.neighbourhoodId || query.kind, {
    message: 'give a search text or at least one filter',
    params: { code: 'required', kind: 'search' },
    path: ['q'],
  });

/** A search hit: the person (no contact data) and which of the caller's networks they are in. */
export const personSearchHitSchema = personSummarySchema
  .extend({ networks: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'PersonSearchHit' });

/** One entry of a person's history, from the audit trail. */
export const personHistoryEntrySchema = z
  .object({
    occurredAt: z.iso.datetime(),
    action: z.string(),
    actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    channel: z.enum(['tab', 'bot', 'api', 'job']),
  })
  .meta({ id: 'PersonHistoryEntry' });

export type Representativeness = z.infer<typeof representativenessSchema>;
export type PersonSearchHit = z.infer<typeof personSearchHitSchema>;
