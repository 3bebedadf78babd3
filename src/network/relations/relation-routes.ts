import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { coordinatePerson, viewNetwork, viewPerson } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { networkIdParams, personIdParams } from '../schemas.js';
import {
  createRelationSchema,
  networkGraphSchema,
  organisationSchema,
  relationParams,
  relationSchema,
  relationTypeSchema,
  updateRelationSchema,
} from './relation-schemas.js';
import {
  addRelation,
  changeRelation,
  getNetworkGraph,
  getRelationChoices,
  listRelations,
} from './relation-service.js';

/** Relations between people and organisations, and the network graph. */
export function relationRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listRelations',
      method: 'get',
      path: '/people/{personId}/relations',
      summary: "A person's relations, ended ones included (flagged)",
      tags: ['network'],
      access: 'signed-in',
      permission: viewPerson,
      params: personIdParams,
      response: { status: 200, description: 'Relations', schema: z.array(relationSchema) },
      handle: async ({ params }, context) =>
        listRelations(deps.db, context.access, params.personId, deps.now()),
    }),
    defineRoute({
      operationId: 'addRelation',
      method: 'post',
      path: '/people/{personId}/relations',
      summary: 'Relate a person to another person in your networks or to an organisation (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinatePerson,
      params: personIdParams,
      body: createRelationSchema,
      response: {
        status: 201,
        description: 'The person’s relations after the change',
        schema: z.array(relationSchema),
      },
      handle: async ({ params, body }, context) =>
        addRelation(
          deps.db,
          context.origin,
          context.access,
          { personId: params.personId, ...body },
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'changeRelation',
      method: 'put',
      path: '/people/{personId}/relations/{relationId}',
      summary: "Change a relation's period, e.g. end it (coordinators)",
      tags: ['network'],
      access: 'signed-in',
      permission: coordinatePerson,
      params: relationParams,
      body: updateRelationSchema,
      response: {
        status: 200,
        description: 'The person’s relations after the change',
        schema: z.array(relationSchema),
      },
      handle: async ({ params, body }, context) =>
        changeRelation(deps.db, context.origin, context.access, { ...params, ...body }, deps.now()),
    }),
    defineRoute({
      operationId: 'getNetworkGraph',
      method: 'get',
      path: '/networks/{networkId}/graph',
      summary: 'People, communities, organisations and relations of a network as a graph',
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'Nodes and edges', schema: networkGraphSchema },
      handle: async ({ params }, context) =>
        getNetworkGraph(deps.db, context.origin, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'getRelationChoices',
      method: 'get',
      path: '/networks/{networkId}/relation-choices',
      summary: 'The relation types and organisations the relation form offers',
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'Choices',
        schema: z.object({
          relationTypes: z.array(relationTypeSchema),
          organisations: z.array(organisationSchema),
        }),
      },
      handle: async ({ params }) => getRelationChoices(deps.db, params.networkId),
    }),
  ];
}
