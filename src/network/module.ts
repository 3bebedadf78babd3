import type { AnyApiRoute } from '../identity/api-route.js';
import type { NetworkDeps } from './deps.js';
import { farewellRoutes } from './farewell/farewell-routes.js';
import { insightRoutes } from './insight/insight-routes.js';
import { managementRoutes } from './management/management-routes.js';
import { networkMapRoutes } from './page/network-routes.js';
import { relationRoutes } from './relations/relation-routes.js';
import { networkRoutes } from './routes.js';
import { transferRoutes } from './transfer/transfer-routes.js';

/** What the network capability offers the composition root. */
export interface NetworkModule {
  /**
   * Every `/api/v1` route of the network map, people, relations, import/export, insight and network
   * management, in declaration order (the OpenAPI document follows it).
   */
  routes: AnyApiRoute[];
}

/** Builds the network capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createNetworkModule(deps: NetworkDeps): NetworkModule {
  return {
    routes: [
      ...networkRoutes(deps),
      ...networkMapRoutes(deps),
      ...transferRoutes(deps),
      ...insightRoutes(deps),
      ...relationRoutes(deps),
      ...managementRoutes(deps),
      ...farewellRoutes(deps),
    ],
  };
}
