import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { administerMunicipality } from '../../identity/policies.js';
import type { SetupDeps } from '../deps.js';
import { municipalityIdParams as municipalityParams } from '../schemas.js';
import {
  createOrganisationSchema,
  createRelationTypeSchema,
  managedOrganisationSchema,
  managedRelationTypeSchema,
  organisationParams,
  relationTypeParams,
  updateOrganisationSchema,
  updateRelationTypeSchema,
} from './catalogue-schemas.js';
import {
  addOrganisation,
  addRelationType,
  type CatalogueContext,
  deleteOrganisation,
  deleteRelationType,
  listOrganisations,
  listRelationTypes,
  updateOrganisation,
  updateRelationType,
} from './catalogue-service.js';

const common = { tags: ['setup'], access: 'signed-in' as const, permission: administerMunicipality };

/** The managed lists of organisations and relation types (functional administrators). */
export function catalogueRoutes(deps: SetupDeps): AnyApiRoute[] {
  const context = (origin: CatalogueContext['origin']): CatalogueContext => ({
    db: deps.db,
    tables: deps.usageTables,
    origin,
    now: deps.now(),
  });
  const organisations = z.array(managedOrganisationSchema);
  const relationTypes = z.array(managedRelationTypeSchema);
  return [
    defineRoute({
      ...common,
      operationId: 'listOrganisations',
      method: 'get',
      path: '/municipalities/{municipalityId}/organisations',
      summary: 'The managed list of organisations, archived ones included, with their usage (administrators)',
      params: municipalityParams,
      response: { status: 200, description: 'Organisations', schema: organisations },
      handle: async ({ params }) => listOrganisations(deps.db, deps.usageTables, params.municipalityId),
    }),
    defineRoute({
      ...common,
      operationId: 'addOrganisation',
      method: 'post',
      path: '/municipalities/{municipalityId}/organisations',
      summary: 'Add an organisation people can be related to (administrators)',
      params: municipalityParams,
      body: createOrganisationSchema,
      response: { status: 201, description: 'The new organisation', schema: managedOrganisationSchema },
      handle: async ({ params, body }, c) => addOrganisation(context(c.origin), params.municipalityId, body),
    }),
    defineRoute({
      ...common,
      operationId: 'updateOrganisation',
      method: 'patch',
      path: '/municipalities/{municipalityId}/organisations/{organisationId}',
      summary: 'Rename an organisation, change its kind, archive or restore it (administrators)',
      params: organisationParams,
      body: updateOrganisationSchema,
      response: { status: 200, description: 'The list after the change', schema: organisations },
      handle: async ({ params, body }, c) => updateOrganisation(context(c.origin), params, body),
    }),
    defineRoute({
      ...common,
      operationId: 'deleteOrganisation',
      method: 'delete',
      path: '/municipalities/{municipalityId}/organisations/{organisationId}',
      summary:
        'Delete an unused organisation; one in use is refused with 409 (archive it instead) (administrators)',
      params: organisationParams,
      response: { status: 204, description: 'Deleted' },
      handle: async ({ params }, c) => {
        await deleteOrganisation(context(c.origin), params);
        return undefined;
      },
    }),
    defineRoute({
      ...common,
      operationId: 'listRelationTypes',
      method: 'get',
      path: '/municipalities/{municipalityId}/relation-types',
      summary:
        'The managed list of relation types, archived ones included, with their usage (administrators)',
      params: municipalityParams,
      response: { status: 200, description: 'Relation types', schema: relationTypes },
      handle: async ({ params }) => listRelationTypes(deps.db, deps.usageTables, params.municipalityId),
    }),
    defineRoute({
      ...common,
      operationId: 'addRelationType',
      method: 'post',
      path: '/municipalities/{municipalityId}/relation-types',
      summary: 'Add a relation type, labelled both ways, to a person or an organisation (administrators)',
      params: municipalityParams,
      body: createRelationTypeSchema,
      response: { status: 201, description: 'The new relation type', schema: managedRelationTypeSchema },
      handle: async ({ params, body }, c) => addRelationType(context(c.origin), params.municipalityId, body),
    }),
    defineRoute({
      ...common,
      operationId: 'updateRelationType',
      method: 'patch',
      path: '/municipalities/{municipalityId}/relation-types/{relationTypeId}',
      summary: "Change a relation type's labels, archive or restore it (administrators)",
      params: relationTypeParams,
      body: updateRelationTypeSchema,
      response: { status: 200, description: 'The list after the change', schema: relationTypes },
      handle: async ({ params, body }, c) => updateRelationType(context(c.origin), params, body),
    }),
    defineRoute({
      ...common,
      operationId: 'deleteRelationType',
      method: 'delete',
      path: '/municipalities/{municipalityId}/relation-types/{relationTypeId}',
      summary:
        'Delete an unused relation type; one in use is refused with 409 (archive it instead) (administrators)',
      params: relationTypeParams,
      response: { status: 204, description: 'Deleted' },
      handle: async ({ params }, c) => {
        await deleteRelationType(context(c.origin), params);
        return undefined;
      },
    }),
  ];
}
