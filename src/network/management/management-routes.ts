import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { administerMunicipality } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { networkIdParams } from '../schemas.js';
import {
  communityParams,
  createCommunitySchema,
  createNetworkSchema,
  managedCommunitySchema,
  managedNetworkListItemSchema,
  municipalityParams,
  municipalitySettingsSchema,
  networkSummaryOutSchema,
  updateCommunitySchema,
  updateNetworkSchema,
} from './management-schemas.js';
import {
  addCommunity,
  createNetwork,
  getAllyLimits,
  listManagedCommunities,
  listManagedNetworks,
  setAllyLimits,
  updateCommunity,
  updateNetwork,
} from './management-service.js';

/** What functional administrators manage: networks, the list of communities, the size limits. */
export function managementRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'createNetwork',
      method: 'post',
      path: '/networks',
      summary: 'Start a network for a district or neighbourhood (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      body: createNetworkSchema,
      response: { status: 201, description: 'The new network', schema: networkSummaryOutSchema },
      handle: async ({ body }, context) => createNetwork(deps.db, context.origin, body, deps.now()),
    }),
    defineRoute({
      operationId: 'updateNetwork',
      method: 'patch',
      path: '/networks/{networkId}',
      summary: 'Rename, pause, resume or archive a network, or change its founding date (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: networkIdParams,
      body: updateNetworkSchema,
      response: { status: 200, description: 'The network', schema: networkSummaryOutSchema },
      handle: async ({ params, body }, context) =>
        updateNetwork(deps.db, context.origin, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'listManagedCommunities',
      method: 'get',
      path: '/municipalities/{municipalityId}/communities',
      summary: 'The managed list of communities and groups, archived ones included (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: municipalityParams,
      response: { status: 200, description: 'Communities', schema: z.array(managedCommunitySchema) },
      handle: async ({ params }) => listManagedCommunities(deps.db, params.municipalityId),
    }),
    defineRoute({
      operationId: 'addCommunity',
      method: 'post',
      path: '/municipalities/{municipalityId}/communities',
      summary:
        'Add a community or group, with its kind and observance traditions, to the managed list (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: municipalityParams,
      body: createCommunitySchema,
      response: { status: 201, description: 'The new community', schema: managedCommunitySchema },
      handle: async ({ params, body }, context) =>
        addCommunity(deps.db, context.origin, { municipalityId: params.municipalityId, ...body }, deps.now()),
    }),
    defineRoute({
      operationId: 'updateCommunity',
      method: 'patch',
      path: '/municipalities/{municipalityId}/communities/{communityId}',
      summary:
        'Rename a community, set its kind or observance traditions, archive or restore it (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: communityParams,
      body: updateCommunitySchema,
      response: {
        status: 200,
        description: 'The list after the change',
        schema: z.array(managedCommunitySchema),
      },
      handle: async ({ params, body }, context) =>
        updateCommunity(deps.db, context.origin, { ...params, change: body }, deps.now()),
    }),
    defineRoute({
      operationId: 'listManagedNetworks',
      method: 'get',
      path: '/municipalities/{municipalityId}/networks',
      summary: "The municipality's networks with their status, archived ones included (administrators)",
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: municipalityParams,
      response: { status: 200, description: 'Networks', schema: z.array(managedNetworkListItemSchema) },
      handle: async ({ params }) => listManagedNetworks(deps.db, params.municipalityId),
    }),
    defineRoute({
      operationId: 'getMunicipalitySettings',
      method: 'get',
      path: '/municipalities/{municipalityId}/settings',
      summary: 'The soft and hard limit of allies per network (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: municipalityParams,
      response: { status: 200, description: 'The settings', schema: municipalitySettingsSchema },
      handle: async ({ params }) => getAllyLimits(deps.db, params.municipalityId),
    }),
    defineRoute({
      operationId: 'setMunicipalitySettings',
      method: 'put',
      path: '/municipalities/{municipalityId}/settings',
      summary: 'Set the soft and hard limit of allies per network (administrators)',
      tags: ['network'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: municipalityParams,
      body: municipalitySettingsSchema,
      response: { status: 200, description: 'The settings', schema: municipalitySettingsSchema },
      handle: async ({ params, body }, context) =>
        setAllyLimits(
          deps.db,
          context.origin,
          { municipalityId: params.municipalityId, ...body },
          deps.now(),
        ),
    }),
  ];
}
