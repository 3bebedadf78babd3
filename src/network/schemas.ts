import { z } from 'zod';

/** A network as listed in the overview; counts only for networks the caller has a role in. */
export const networkSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['starting', 'active', 'paused']),
    foundedOn: z.iso.date().nullable(),
    areaId: z.uuid(),
    myRole: z.enum(['coordinator', 'member', 'secretary', 'viewer']).nullable(),
    allyCount: z
      .number()
      .int()
      .nullable()
      .describe('Null when the caller has no role in the network (need-to-know)'),
  })
  .meta({ id: 'NetworkSummary' });

export const neighbourhoodSchema = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Neighbourhood' });

/** A district (stadsdeel) with its neighbourhoods (wijken) and the networks that belong to it. */
export const districtSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    neighbourhoods: z.array(neighbourhoodSchema),
    networks: z.array(networkSummarySchema),
  })
  .meta({ id: 'District' });

export const municipalityOverviewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    districts: z.array(districtSchema),
  })
  .meta({ id: 'MunicipalityOverview' });

export const areaOverviewSchema = z
  .object({ municipalities: z.array(municipalityOverviewSchema) })
  .meta({ id: 'AreaOverview' });

export type AreaOverview = z.infer<typeof areaOverviewSchema>;
export type NetworkSummary = z.infer<typeof networkSummarySchema>;
