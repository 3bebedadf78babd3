import type { AnyApiRoute } from '../identity/api-route.js';
import type { SignalsDeps } from './deps.js';
import { signalRoutes } from './routes.js';

/** What the signals capability offers the composition root. */
export interface SignalsModule {
  /** Every `/api/v1` route of signals, in declaration order. */
  routes: AnyApiRoute[];
}

/** Builds the signals capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createSignalsModule(deps: SignalsDeps): SignalsModule {
  return { routes: signalRoutes(deps) };
}
