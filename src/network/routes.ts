import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { staffOfAnyNetwork } from '../identity/policies.js';
import { getAreaOverview } from './areas/area-service.js';
import type { NetworkDeps } from './deps.js';
import { areaOverviewSchema } from './schemas.js';

/** The network capability's API routes. */
export function networkRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getAreaOverview',
      method: 'get',
      path: '/areas',
      summary: 'Municipalities with their districts, neighbourhoods and networks',
      tags: ['network'],
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      response: { status: 200, description: 'The area overview', schema: areaOverviewSchema },
      handle: async (_input, context) =>
        getAreaOverview(deps.db, context.principal.userId, context.access.isAdministrator, deps.now()),
    }),
  ];
}
