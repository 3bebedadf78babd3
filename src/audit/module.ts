import type { AnyApiRoute } from '../identity/api-route.js';
import { auditRoutes } from './audit-routes.js';
import type { AuditDeps } from './deps.js';

/** What the audit capability offers the composition root. */
export interface AuditModule {
  /** Every `/api/v1` route of the audit trail's reads, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
}

/** Builds the audit capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createAuditModule(deps: AuditDeps): AuditModule {
  return { routes: auditRoutes(deps) };
}
