import { z } from 'zod';
import { RELATION_TARGET_KINDS } from '../constants.js';

export const organisationParams = z.object({
  municipalityId: z.uuid({ message: 'must be a municipality id' }),
  organisationId: z.uuid({ message: 'must be an organisation id' }),
});
export const relationTypeParams = z.object({
  municipalityId: z.uuid({ message: 'must be a municipality id' }),
  relationTypeId: z.uuid({ message: 'must be a relation type id' }),
});

const name = z.string().trim().min(2, 'use at least 2 characters').max(200, 'use at most 200 characters');
const kind = z.string().trim().min(1, 'is required').max(60, 'use at most 60 characters');
const label = z.string().trim().min(2, 'use at least 2 characters').max(100, 'use at most 100 characters');
const atLeastOne = (change: object) => Object.keys(change).length > 0;

/** An organisation people can be related to (a mosque, a sport club, a foundation…), with how often it is used. */
export const managedOrganisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    archived: z.boolean(),
    /** Relations and people linked to it: an organisation in use can be archived, not deleted. */
    usage: z.object({ relations: z.number().int(), people: z.number().int() }),
  })
  .meta({ id: 'ManagedOrganisation' });

export const createOrganisationSchema = z.object({ name, kind }).strict().meta({ id: 'CreateOrganisation' });

export const updateOrganisationSchema = z
  .object({ name, kind, archived: z.boolean() })
  .partial()
  .strict()
  .refine(atLeastOne, { message: 'change at least one field', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateOrganisation' });

/** A relation type, labelled both ways ("is voorzitter van" / "heeft als voorzitter"), to a person or organisation. */
export const managedRelationTypeSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    inverseLabel: z.string(),
    targetKind: z.enum(RELATION_TARGET_KINDS),
    archived: z.boolean(),
    /** Relations of this type: a type in use can be archived, not deleted. */
    usage: z.object({ relations: z.number().int() }),
  })
  .meta({ id: 'ManagedRelationType' });

export const createRelationTypeSchema = z
  .object({ label, inverseLabel: label, targetKind: z.enum(RELATION_TARGET_KINDS) })
  .strict()
  .meta({ id: 'CreateRelationType' });

/** The target kind is fixed once created: existing relations point at a person or at an organisation. */
export const updateRelationTypeSchema = z
  .object({ label, inverseLabel: label, archived: z.boolean() })
  .partial()
  .strict()
  .refine(atLeastOne, { message: 'change at least one field', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateRelationType' });
