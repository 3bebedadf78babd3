import type { AnyApiRoute } from '../identity/api-route.js';
import type { PrivacyDeps } from './deps.js';
import { privacyRoutes } from './privacy-routes.js';

/** What the privacy capability offers the composition root. */
export interface PrivacyModule {
  /** Every `/api/v1` route of the privacy lifecycle, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the privacy capability from its narrow dependencies and the holders others plug in. */
export function createPrivacyModule(deps: PrivacyDeps): PrivacyModule {
  return { routes: privacyRoutes(deps) };
}
