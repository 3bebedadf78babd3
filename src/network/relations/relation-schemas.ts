import { z } from 'zod';

/** A relation seen from one person: labelled in the direction it is read, ended ones flagged. */
export const relationSchema = z
  .object({
    id: z.uuid(),
    typeId: z.uuid(),
    label: z.string().describe('read from the person this list belongs to'),
    direction: z.enum(['outgoing', 'incoming']),
    other: z.object({
      kind: z.enum(['person', 'organisation']),
      id: z.uuid(),
      name: z.string().nullable().describe('null for a person outside the caller’s networks (need-to-know)'),
    }),
    since: z.iso.date().nullable(),
    until: z.iso.date().nullable(),
    ended: z.boolean(),
  })
  .meta({ id: 'Relation' });

export const relationTypeSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    inverseLabel: z.string(),
    targetKind: z.enum(['person', 'organisation']),
  })
  .meta({ id: 'RelationType' });

export const organisationSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.string() })
  .meta({ id: 'Organisation' });

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

/** A new relation from a person to another person or an organisation. */
export const createRelationSchema = z
  .object({
    relationTypeId: z.uuid({ message: 'must be a relation type id' }),
    relatedPersonId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    since: isoDate.nullable().default(null),
    until: isoDate.nullable().default(null),
  })
  .strict()
  .refine((r) => (r.relatedPersonId === undefined) !== (r.organisationId === undefined), {
    message: 'give either relatedPersonId or organisationId',
    params: { code: 'either_or' },
    path: ['relatedPersonId'],
  })
  .refine((r) => !r.since || !r.until || r.until >= r.since, {
    message: 'must not be before since',
    params: { code: 'before_start' },
    path: ['until'],
  })
  .meta({ id: 'CreateRelation' });

/** Changing a relation's period, e.g. ending it (it stays visible, greyed). */
export const updateRelationSchema = z
  .object({ since: isoDate.nullable().optional(), until: isoDate.nullable().optional() })
  .strict()
  .meta({ id: 'UpdateRelation' });

export const relationParams = z.object({
  personId: z.uuid({ message: 'must be a person id' }),
  relationId: z.uuid({ message: 'must be a relation id' }),
});

/** The network as a graph: people, organisations and communities, and the lines between them. */
export const networkGraphSchema = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['person', 'organisation', 'community']),
        label: z.string(),
        personKind: z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']).nullable(),
        neighbourhoodId: z.uuid().nullable(),
        communityIds: z.array(z.uuid()),
      }),
    ),
    edges: z.array(
      z.object({
        id: z.string(),
        source: z.string(),
        target: z.string(),
        kind: z.enum(['member-of', 'relation']),
        label: z.string().nullable(),
        ended: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'NetworkGraph' });

export type Relation = z.infer<typeof relationSchema>;
export type NetworkGraph = z.infer<typeof networkGraphSchema>;
