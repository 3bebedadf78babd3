import type { AnyApiRoute } from '../identity/api-route.js';
import type { MailDeps } from './deps.js';
import { localOutboxRoutes } from './local-outbox-routes.js';

/** What the mail capability offers the composition root. */
export interface MailModule {
  /** Every `/api/v1` route of the local mailbox, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the mail capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createMailModule(deps: MailDeps): MailModule {
  return { routes: localOutboxRoutes(deps) };
}
