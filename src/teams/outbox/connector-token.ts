import { ManagedIdentityApplication } from '@azure/msal-node';
import { z } from 'zod';
import type { BotCredentials } from '../bot-credentials.js';
import type { ConnectorTokenProvider } from './card-sender.js';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** Refresh a little before expiry, so a token never runs out between fetching it and the request. */
const EARLY_MS = 5 * 60 * 1000;

/**
 * Bot Framework connector tokens by the client-credentials flow
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication),
 * cached until shortly before they expire. Without bot credentials (the local playground) no token is sent.
 */
export function connectorTokenProvider(
  bot: BotCredentials | null,
  options: { authorityHost?: string; now?: () => number } = {},
): ConnectorTokenProvider {
  if (!bot) return async () => null;
  if (bot.type === 'UserAssignedMSI') return managedIdentityTokens(bot.appId);
  if (!bot.password) throw new Error('The call-out worker needs BOT_PASSWORD for connector tokens.');
  const authority = options.authorityHost ?? 'https://login.microsoftonline.com';
  // Single-tenant bots get tokens from their own tenant; multi-tenant ones from botframework.com.
  const tenant = bot.type === 'MultiTenant' || !bot.tenantId ? 'botframework.com' : bot.tenantId;
  const now = options.now ?? Date.now;
  let cached: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${authority}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: bot.appId,
        client_secret: bot.password as string,
        scope: 'https://api.botframework.com/.default',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`connector token request answered ${response.status}`);
    const parsed = tokenResponse.parse(await response.json());
    cached = { token: parsed.access_token, until: now() + parsed.expires_in * 1000 - EARLY_MS };
    return parsed.access_token;
  };
  return async () => {
    if (cached && cached.until > now()) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };
}

/**
 * Connector tokens for a bot whose identity is a user-assigned managed identity (BOT_TYPE=UserAssignedMSI,
 * BOT_ID its client id): msal-node's ManagedIdentityApplication asks the host's identity endpoint (App
 * Service: IDENTITY_ENDPOINT with IDENTITY_HEADER) and caches the token until shortly before it expires.
 */
export function managedIdentityTokens(clientId: string): ConnectorTokenProvider {
  const identity = new ManagedIdentityApplication({
    managedIdentityIdParams: { userAssignedClientId: clientId },
  });
  return async () => {
    const result = await identity.acquireToken({ resource: 'https://api.botframework.com' });
    return result.accessToken;
  };
}
