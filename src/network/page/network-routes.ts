import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { coordinateNetwork, coordinatePerson, viewNetwork, viewPerson } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { createPerson, getPerson, updatePerson } from '../people/people-service.js';
import {
  communityRefSchema,
  coverageSchema,
  createPersonSchema,
  networkDetailSchema,
  networkIdParams,
  networkStaffSchema,
  networkUserParams,
  personChangeResultSchema,
  personDetailSchema,
  personIdParams,
  setBackupSchema,
  setRelevanceSchema,
  updatePersonSchema,
} from '../schemas.js';
import {
  getNetworkCoverage,
  getNetworkPageJson,
  listNetworkCommunities,
  setNeighbourhoodRelevance,
  setStaffBackup,
} from './network-service.js';

/** The network page, its coverage and its staff's back-ups. */
function networkPageRoutes(deps: NetworkDeps): AnyApiRoute[] {
  // The instance's one, made by src/server/start-server.ts; checked against the change stamps on every view.
  const pageCache = deps.networkPageCache;
  return [
    defineRoute({
      operationId: 'getNetwork',
      method: 'get',
      path: '/networks/{networkId}',
      summary: 'The network page: allies, key figures, staff with back-ups, communities covered, warnings',
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'The network', schema: networkDetailSchema },
      // The page's fixed part was validated by this schema once per cache entry and its text is joined with the
      // view's own fields (validated now): the router sends the joined text as it is.
      handle: async ({ params }, context) =>
        getNetworkPageJson(
          deps.db,
          context.origin,
          params.networkId,
          context.access.networkRoles.get(params.networkId) ?? null,
          deps.now(),
          pageCache,
        ),
    }),
    defineRoute({
      operationId: 'getNetworkCoverage',
      method: 'get',
      path: '/networks/{networkId}/coverage',
      summary: 'Which communities have an ally, only key figures, or nobody, per neighbourhood',
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'The coverage matrix', schema: coverageSchema },
      handle: async ({ params }) => getNetworkCoverage(deps.db, params.networkId),
    }),
    defineRoute({
      operationId: 'setNeighbourhoodRelevance',
      method: 'put',
      path: '/networks/{networkId}/coverage/relevance',
      summary: 'Mark which communities matter in one of the network’s neighbourhoods (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: setRelevanceSchema,
      response: { status: 200, description: 'The coverage matrix after the change', schema: coverageSchema },
      handle: async ({ params, body }, context) =>
        setNeighbourhoodRelevance(
          deps.db,
          context.origin,
          { networkId: params.networkId, ...body },
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'setStaffBackup',
      method: 'put',
      path: '/networks/{networkId}/roles/{userId}/backup',
      summary: 'Name who takes over from a staff member when they are absent (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkUserParams,
      body: setBackupSchema,
      response: {
        status: 200,
        description: 'The network’s staff after the change',
        schema: z.array(networkStaffSchema),
      },
      handle: async ({ params, body }, context) =>
        setStaffBackup(deps.db, context.origin, { ...params, backupUserId: body.backupUserId }, deps.now()),
    }),
    defineRoute({
      operationId: 'listNetworkCommunities',
      method: 'get',
      path: '/networks/{networkId}/communities',
      summary: 'The communities and groups a person in this network can be linked to',
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: { status: 200, description: 'Communities', schema: z.array(communityRefSchema) },
      handle: async ({ params }) => listNetworkCommunities(deps.db, params.networkId),
    }),
  ];
}

/** Reading and changing people (need-to-know: only staff of one of the person's networks). */
function peopleRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'createPerson',
      method: 'post',
      path: '/networks/{networkId}/people',
      summary: 'Add a key figure or ally to the network (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: createPersonSchema,
      response: {
        status: 201,
        description: 'The new person and any warnings',
        schema: personChangeResultSchema,
      },
      handle: async ({ params, body }, context) =>
        createPerson(deps.db, context.origin, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getPerson',
      method: 'get',
      path: '/people/{personId}',
      summary: "A person's details, for staff of one of the person's networks (audited)",
      tags: ['network'],
      access: 'signed-in',
      permission: viewPerson,
      params: personIdParams,
      response: { status: 200, description: 'The person', schema: personDetailSchema },
      handle: async ({ params }, context) => getPerson(deps.db, context.origin, params.personId, deps.now()),
    }),
    defineRoute({
      operationId: 'updatePerson',
      method: 'patch',
      path: '/people/{personId}',
      summary: 'Change a person, e.g. make a key figure an ally (coordinators of one of their networks)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinatePerson,
      params: personIdParams,
      body: updatePersonSchema,
      response: {
        status: 200,
        description: 'The changed person and any warnings',
        schema: personChangeResultSchema,
      },
      handle: async ({ params, body }, context) =>
        updatePerson(deps.db, context.origin, params.personId, body, deps.now()),
    }),
  ];
}

/** The network-map routes of this capability. */
export function networkMapRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [...networkPageRoutes(deps), ...peopleRoutes(deps)];
}
