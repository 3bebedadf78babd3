import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { coordinateNetwork, staffOfAnyNetwork, viewNetwork, viewPerson } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { networkIdParams, personIdParams } from '../schemas.js';
import {
  personHistoryEntrySchema,
  personSearchHitSchema,
  personSearchQuerySchema,
  representativenessSchema,
  setTargetProfileSchema,
} from './insight-schemas.js';
import {
  getPersonHistory,
  getRepresentativeness,
  searchPeople,
  setTargetProfile,
} from './insight-service.js';

/** Representativeness, search across the caller's networks, and a person's history. */
export function insightRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getRepresentativeness',
      method: 'get',
      path: '/networks/{networkId}/representativeness',
      summary: "The allies' mix of age, gender and communities next to the target profile (afspiegeling)",
      tags: ['network'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'Actual and target per dimension',
        schema: representativenessSchema,
      },
      handle: async ({ params }) => getRepresentativeness(deps.db, params.networkId),
    }),
    defineRoute({
      operationId: 'setTargetProfile',
      method: 'put',
      path: '/networks/{networkId}/target-profile',
      summary: 'Set the target mix for one dimension (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: setTargetProfileSchema,
      response: {
        status: 200,
        description: 'Actual and target after the change',
        schema: representativenessSchema,
      },
      handle: async ({ params, body }, context) =>
        setTargetProfile(deps.db, context.origin, { networkId: params.networkId, ...body }, deps.now()),
    }),
    defineRoute({
      operationId: 'searchPeople',
      method: 'get',
      path: '/people',
      summary: "Search people by name or community, only within the caller's own networks",
      tags: ['network'],
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: personSearchQuerySchema,
      response: {
        status: 200,
        description: 'At most 100 people, no contact data',
        schema: z.array(personSearchHitSchema),
      },
      handle: async ({ query }, context) =>
        searchPeople(deps.db, context.origin, context.access, query, deps.now()),
    }),
    defineRoute({
      operationId: 'getPersonHistory',
      method: 'get',
      path: '/people/{personId}/history',
      summary: 'Who read or changed this person, and when (from the audit trail)',
      tags: ['network'],
      access: 'signed-in',
      permission: viewPerson,
      params: personIdParams,
      response: {
        status: 200,
        description: 'Newest first, at most 200',
        schema: z.array(personHistoryEntrySchema),
      },
      handle: async ({ params }) => getPersonHistory(deps.db, params.personId),
    }),
  ];
}
