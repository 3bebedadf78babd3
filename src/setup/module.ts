import type { AnyApiRoute } from '../identity/api-route.js';
import { catalogueRoutes } from './catalogue/catalogue-routes.js';
import type { SetupDeps } from './deps.js';
import { setupRoutes } from './routes.js';

/** What the setup capability offers the composition root. */
export interface SetupModule {
  /** Every `/api/v1` route of the municipality, its areas and the catalogues, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the setup capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createSetupModule(deps: SetupDeps): SetupModule {
  return {
    routes: [...setupRoutes(deps), ...catalogueRoutes(deps)],
  };
}
