import type { AnyApiRoute } from './api-route.js';
import type { IdentityDeps } from './deps.js';
import { roleRoutes } from './role-routes.js';
import { identityRoutes } from './routes.js';

/** What the identity capability offers the composition root. */
export interface IdentityModule {
  /** Every `/api/v1` route of sign-in, the caller's profile, staff and roles, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the identity capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createIdentityModule(deps: IdentityDeps): IdentityModule {
  return {
    routes: [...identityRoutes(deps), ...roleRoutes(deps)],
  };
}
