import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { coordinatePerson, viewPerson } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { personIdParams } from '../schemas.js';
import { farewellResultSchema, farewellSchema, recordFarewellSchema } from './farewell-schemas.js';
import { getFarewell, recordFarewell } from './farewell-service.js';

/** Ending a membership (afscheid) and reading it back. */
export function farewellRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'recordFarewell',
      method: 'post',
      path: '/people/{personId}/farewell',
      summary:
        'End an ally’s or key figure’s membership: end date, reason, thanks; future invitations are updated (coordinators)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinatePerson,
      params: personIdParams,
      body: recordFarewellSchema,
      response: {
        status: 201,
        description: 'The farewell and what happened to the invitations',
        schema: farewellResultSchema,
      },
      handle: async ({ params, body }, context) =>
        recordFarewell(deps, context.origin, params.personId, body),
    }),
    defineRoute({
      operationId: 'getFarewell',
      method: 'get',
      path: '/people/{personId}/farewell',
      summary: 'A person’s latest farewell, or null while their membership runs (audited)',
      tags: ['network'],
      access: 'signed-in',
      permission: viewPerson,
      params: personIdParams,
      response: {
        status: 200,
        description: 'The farewell',
        schema: z.object({ farewell: farewellSchema.nullable() }).meta({ id: 'FarewellOfPerson' }),
      },
      handle: async ({ params }, context) => ({
        farewell: await getFarewell(deps.db, context.origin, params.personId, deps.now()),
      }),
    }),
  ];
}
