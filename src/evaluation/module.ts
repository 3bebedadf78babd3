import type { AnyApiRoute } from '../identity/api-route.js';
import type { EvaluationDeps } from './deps.js';
import { evaluationRoutes } from './routes.js';

/** What the evaluation capability offers the composition root. */
export interface EvaluationModule {
  /** Every `/api/v1` route of the half-yearly evaluation, in declaration order. */
  routes: AnyApiRoute[];
}

/** Builds the evaluation capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createEvaluationModule(deps: EvaluationDeps): EvaluationModule {
  return { routes: evaluationRoutes(deps) };
}
