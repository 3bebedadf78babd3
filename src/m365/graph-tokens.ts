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

/** Access tokens for Microsoft Graph: app-only for the home tenant, or delegated on behalf of a signed-in user. */
export interface GraphTokens {
  /**
   * An app-only token (client credentials) for the home tenant, or for another allowed tenant whose
   * administrator consented to the (multi-tenant) app registration.
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
 * Builds the token source on one msal `ConfidentialClientApplication`. msal's in-memory cache keeps
 * each token (per tenant, and per user assertion for on-behalf-of) until 5 minutes before it expires
 * (`DEFAULT_TOKEN_RENEWAL_OFFSET_SEC`), so callers may ask for a token on every Graph request.
 * Create one per process and share it, or the cache is lost.
 */
export function createGraphTokens(
  config: Pick<GraphConfig, 'aad' | 'graphBaseUrl'>,
  options: GraphTokenOptions = {},
): GraphTokens {
  const { aad } = config;
  if (!aad) throw new ConfigError('AAD_CLIENT_ID: Microsoft Graph calls need AUTH_MODE=entra');
  if (!aad.clientSecret) throw new ConfigError('AAD_CLIENT_SECRET: required for Microsoft Graph calls');
  const authorityOf = (tenantId: string) => `${aad.authorityHost}/${tenantId}`;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: aad.clientId,
      clientSecret: aad.clientSecret,
      authority: authorityOf(aad.tenantId),
      // AAD_AUTHORITY_HOST is operator configuration, so it is trusted as configured: listing it here
      // makes msal take the host's aliases from configuration instead of asking the public cloud's
      // instance-discovery endpoint, which knows nothing of a sovereign cloud or a loopback stand-in.
      knownAuthorities: [new URL(aad.authorityHost).host],
    },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  // `.default` asks for the permissions granted to the app registration, for both flows.
  const scopes = [`${graphResource(config.graphBaseUrl)}/.default`];

  return {
    appOnly: async (tenantId) => {
      if (tenantId === undefined || tenantId === aad.tenantId)
        return accessTokenOf(() => app.acquireTokenByClientCredential({ scopes }));
      if (!aad.allowedTenants.includes(tenantId)) throw new GraphTokenError('tenant_not_allowed');
      return accessTokenOf(() =>
        app.acquireTokenByClientCredential({ scopes, authority: authorityOf(tenantId) }),
      );
    },
    onBehalfOf: async (userAssertion, tenantId) => {
      // The exchange must happen in the user's home tenant; refuse any tenant the app does not serve.
      if (!aad.allowedTenants.includes(tenantId)) throw new GraphTokenError('tenant_not_allowed');
      return accessTokenOf(() =>
        app.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes, authority: authorityOf(tenantId) }),
      );
    },
  };
}
