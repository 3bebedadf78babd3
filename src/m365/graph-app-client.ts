import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, type GraphRetryPolicy } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';

/**
 * A Graph client with an app-only token: for the home tenant by default (the directory, calendar and mail
 * adapters, which src/server/adapters.ts chooses in Entra mode), or for another allowed tenant `tenantId` whose
 * administrator consented to the app (Outlook's automatic replies of that tenant's staff). Pass the process's
 * shared `tokens` when there is one; `retry` replaces the default patience with throttling (an interactive search
 * waits less).
 */
export function createAppGraphClient(
  config: GraphConfig,
  tokens?: GraphTokens,
  tenantId?: string,
  retry?: GraphRetryPolicy,
): Client {
  return createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: tenantId === undefined ? { kind: 'app' } : { kind: 'app', tenantId },
    ...(retry ? { retry } : {}),
  });
}
