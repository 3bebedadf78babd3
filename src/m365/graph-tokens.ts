import {
  AuthError,
  type AuthenticationResult,
  ConfidentialClientApplication,
  type INetworkModule,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-node';
import { ConfigError } from '../platform/config-error.js';
import { UpstreamError } from '../platform/upstream-error.js';
import type { GraphConfig } from './graph-config.js';

/** Access tokens for Microsoft Graph: app-only in an allowed tenant, or delegated on behalf of a signed-in user. */
export interface GraphTokens {
  /**
   * An app-only token (client credentials) for the home tenant (no `tenantId`), or for another allowed tenant
   * whose administrator consented to the (multi-tenant) app registration.
   */
  appOnly(tenantId?: string): Promise<string>;
  /** A delegated token for the user whose Teams SSO token is `userAssertion`, issued by the user's own tenant. */
  onBehalfOf(userAssertion: string, tenantId: string): Promise<string>;
}

/** Options for {@link createGraphTokens}; production passes none. */
export interface GraphTokenOptions {
  /**
   * msal's documented `system.networkClient`. Only tests set it, to trust the throwaway CA of the
   * loopback HTTPS authority: msal-node 7 sends through the global `fetch`, which cannot be given
   * an extra CA at run time.
   */
  networkClient?: INetworkModule;
}

/** A token request that failed; carries msal's error code and the AADSTS number, never the assertion or a body. */
export class GraphTokenError extends UpstreamError {
  override name = 'GraphTokenError';

  constructor(
    /** msal's error code, e.g. `invalid_grant`, `invalid_client`, `consent_required`, `network_error`. */
    readonly code: string,
    /** The Entra error number (AADSTS…), when the token endpoint answered with one. */
    readonly aadsts?: string,
  ) {
    super(`The token request for Microsoft Graph failed: ${code}${aadsts ? ` (AADSTS${aadsts})` : ''}`);
  }
}

/**
 * Entra's answers that mean the tenant's administrator has not consented to the app registration: AADSTS7000229
 * (invalid_client: the app has no service principal in the tenant, Entra's answer to client credentials there
 * today), AADSTS700016 (unauthorized_client: the application was not found in the directory, its older answer)
 * and AADSTS65001 (invalid_grant: consent not given). A wrong secret (7000215) or an unknown tenant (90002) are
 * configuration faults of this app, not of the tenant, and are not among them.
 */
const NOT_CONSENTED_AADSTS = new Set(['7000229', '700016', '65001']);

/** True when a token request failed because the tenant's administrator has not consented to the app. */
export function isConsentMissing(error: unknown): boolean {
  return (
    error instanceof GraphTokenError && error.aadsts !== undefined && NOT_CONSENTED_AADSTS.has(error.aadsts)
  );
}

/** The Graph resource a token is for: the origin of GRAPH_BASE_URL (`https://graph.microsoft.com`). */
export function graphResource(graphBaseUrl: string): string {
  return new URL(graphBaseUrl).origin;
}

function toGraphTokenError(error: unknown): Error {
  if (error instanceof AuthError) {
    const errorNo =
      error instanceof ServerError || error instanceof InteractionRequiredAuthError
        ? error.errorNo
        : undefined;
    const aadsts = errorNo ? String(errorNo) : undefined;
    return new GraphTokenError(error.errorCode || 'unknown_error', aadsts);
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function accessTokenOf(request: () => Promise<AuthenticationResult | null>): Promise<string> {
  let result: AuthenticationResult | null;
  try {
    result = await request();
  } catch (error) {
    throw toGraphTokenError(error);
  }
  if (!result?.accessToken) throw new GraphTokenError('empty_token_response');
  return result.accessToken;
}

/**
 * Builds the token source: one msal `ConfidentialClientApplication` per tenant, made on first use with that
 * tenant's authority (`<AAD_AUTHORITY_HOST>/<tenantId>`) and kept. A client per tenant keeps each tenant's tokens
 * in a cache of their own, so a token of one tenant can never answer a request for another, and resolves each
 * authority's metadata once. msal's in-memory cache keeps each token (and, for on-behalf-of, one per user
 * assertion) until 5 minutes before it expires (`DEFAULT_TOKEN_RENEWAL_OFFSET_SEC`), so callers may ask for a
 * token on every Graph request. Create one per process and share it, or the caches are lost. Tenants outside
 * AAD_ALLOWED_TENANTS (the home tenant is always allowed) are refused before Entra is asked.
 */
export function createGraphTokens(
  config: Pick<GraphConfig, 'aad' | 'graphBaseUrl'>,
  options: GraphTokenOptions = {},
): GraphTokens {
  const { aad } = config;
  if (!aad) throw new ConfigError('AAD_CLIENT_ID: Microsoft Graph calls need AUTH_MODE=entra');
  if (!aad.clientSecret) throw new ConfigError('AAD_CLIENT_SECRET: required for Microsoft Graph calls');
  const { clientId, clientSecret } = aad;
  const homeTenantId = aad.tenantId.toLowerCase();
  const allowed = new Set([homeTenantId, ...aad.allowedTenants.map((tenant) => tenant.toLowerCase())]);
  const clients = new Map<string, ConfidentialClientApplication>();
  const clientFor = (tenantId: string): ConfidentialClientApplication => {
    const tenant = tenantId.toLowerCase();
    if (!allowed.has(tenant)) throw new GraphTokenError('tenant_not_allowed');
    let client = clients.get(tenant);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: {
          clientId,
          clientSecret,
          authority: `${aad.authorityHost}/${tenant}`,
          // AAD_AUTHORITY_HOST is operator configuration, so it is trusted as configured: listing it here
          // makes msal take the host's aliases from configuration instead of asking the public cloud's
          // instance-discovery endpoint, which knows nothing of a sovereign cloud or a loopback stand-in.
          knownAuthorities: [new URL(aad.authorityHost).host],
        },
        ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
      });
      clients.set(tenant, client);
    }
    return client;
  };
  // `.default` asks for the permissions granted to the app registration, for both flows.
  const scopes = [`${graphResource(config.graphBaseUrl)}/.default`];

  return {
    appOnly: async (tenantId = homeTenantId) => {
      const client = clientFor(tenantId);
      return accessTokenOf(() => client.acquireTokenByClientCredential({ scopes }));
    },
    onBehalfOf: async (userAssertion, tenantId) => {
      // The exchange must happen in the user's home tenant; refuse any tenant the app does not serve.
      const client = clientFor(tenantId);
      return accessTokenOf(() => client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes }));
    },
  };
}
