import type { AnyApiRoute } from '../identity/api-route.js';
import type { ContinuityDeps } from './deps.js';
import { introductionRoutes } from './introduction-routes.js';
import { continuityRoutes } from './routes.js';

/** What the continuity capability offers the composition root. */
export interface ContinuityModule {
  /** Every `/api/v1` route of continuity (absence, introductions), in declaration order. */
  routes: AnyApiRoute[];
}

/** Builds the continuity capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createContinuityModule(deps: ContinuityDeps): ContinuityModule {
  return { routes: [...continuityRoutes(deps), ...introductionRoutes(deps)] };
}
