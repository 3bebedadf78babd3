import type { AnyApiRoute } from '../identity/api-route.js';
import type { SelectionDeps } from './deps.js';
import { selectionRoutes } from './routes.js';

/** What the selection capability offers the composition root. */
export interface SelectionModule {
  /** Every `/api/v1` route of selection, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the selection capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createSelectionModule(deps: SelectionDeps): SelectionModule {
  return { routes: selectionRoutes(deps) };
}
