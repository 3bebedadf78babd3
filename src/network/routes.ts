import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { staffOfAnyNetwork } from '../identity/policies.js';
import { getAreaOverviewJson } from './areas/area-service.js';
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
      // Validated by this schema once per cache entry: the router sends the text as it is. Per caller and
      // administrator flag, checked against the digest of the change stamps on every request.
      handle: async (_input, context) =>
        getAreaOverviewJson(
          deps.db,
          context.principal.userId,
          context.access.isAdministrator,
          deps.now(),
          deps.areaOverviewCache,
        ),
    }),
  ];
}
