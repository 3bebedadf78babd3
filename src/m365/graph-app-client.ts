import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';

/**
 * A Graph client with an app-only token for the home tenant, for the directory, calendar and mail adapters
 * (src/server/adapters.ts chooses them in Entra mode). Pass the process's shared `tokens` when there is one.
 */
export function createAppGraphClient(config: GraphConfig, tokens?: GraphTokens): Client {
  return createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: { kind: 'app' },
  });
}
