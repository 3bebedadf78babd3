import {
  Client,
  type Context,
  GraphClientError,
  HTTPMessageHandler,
  type Middleware,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { ConfigError } from '../platform/config-error.js';
import type { GraphTokens } from './graph-tokens.js';

/**
 * Whose authority a Graph call carries: the app's own (in the home tenant, or in `tenantId`), or a signed-in
 * user's (on-behalf-of).
 */
export type GraphCredential =
  | { kind: 'app'; tenantId?: string }
  | { kind: 'user'; assertion: string; tenantId: string };

/** How patiently the client retries throttled (429) and unavailable (503, 504) answers. */
export interface GraphRetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** A Retry-After longer than this is not waited for; the 429/503 goes back to the caller. */
  maxRetryAfterSeconds: number;
  /** Wait before a retry when the answer carries no Retry-After. */
  delaySeconds: number;
}

/** The default retry policy: three retries, never waiting longer than 30 s for one. */
export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = {
  maxRetries: 3,
  maxRetryAfterSeconds: 30,
  delaySeconds: 2,
};

/** Splits GRAPH_BASE_URL (`https://graph.microsoft.com/v1.0`) into the client's `baseUrl` and `defaultVersion`. */
export function splitGraphBaseUrl(graphBaseUrl: string): { baseUrl: string; version: string } {
  const url = new URL(graphBaseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop();
  if (version !== 'v1.0' && version !== 'beta') {
    throw new ConfigError('GRAPH_BASE_URL: must end in the API version, /v1.0 or /beta');
  }
  return { baseUrl: `${url.origin}/${segments.map((s) => `${s}/`).join('')}`, version };
}

// GraphClientError resets its prototype in its constructor, so a subclass cannot be recognised by
// `instanceof`; the errors raised for failed token requests are remembered here instead.
const tokenFailures = new WeakSet<Error>();

/**
 * Puts the bearer token on requests to the configured Graph origin, and refuses any other origin.
 * The SDK's own AuthenticationHandler only recognises `https://` hosts (GraphRequestUtil.isValidEndpoint),
 * so it would silently send no token to the loopback stand-in; matching the exact origin is also
 * stricter than its host list, which ignores scheme and port.
 */
function bearerTokenMiddleware(graphOrigin: string, token: () => Promise<string>): Middleware {
  let next: Middleware | undefined;
  return {
    async execute(context: Context) {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      if (new URL(url).origin !== graphOrigin) {
        throw new GraphClientError(`Refusing to send a Graph request to ${new URL(url).origin}`);
      }
      let accessToken: string;
      try {
        accessToken = await token();
      } catch (error) {
        // The SDK rewraps every error but GraphClientError; this keeps the token failure reachable.
        const failure = new GraphClientError('Could not acquire a token for Microsoft Graph');
        failure.customError = error;
        tokenFailures.add(failure);
        throw failure;
      }
      context.options = context.options ?? {};
      const headers = new Headers(context.options.headers as HeadersInit | undefined);
      headers.set('Authorization', `Bearer ${accessToken}`);
      context.options.headers = Object.fromEntries(headers.entries());
      await next?.execute(context);
    },
    setNext(middleware: Middleware) {
      next = middleware;
    },
  };
}

function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isNaN(seconds) ? (new Date(value).getTime() - Date.now()) / 1000 : seconds;
}

function retryHandler(policy: GraphRetryPolicy): RetryHandler {
  // RetryHandler already honours Retry-After on 429/503/504; this only refuses waits that are too long.
  const shouldRetry = (_delay: number, _attempt: number, _req: unknown, _opts: unknown, response: Response) =>
    (retryAfterSeconds(response) ?? 0) <= policy.maxRetryAfterSeconds;
  return new RetryHandler(new RetryHandlerOptions(policy.delaySeconds, policy.maxRetries, shouldRetry));
}

/** Creates a Graph client for GRAPH_BASE_URL whose requests carry a token for `credential`. */
export function createGraphClient(input: {
  graphBaseUrl: string;
  tokens: GraphTokens;
  credential: GraphCredential;
  retry?: GraphRetryPolicy;
}): Client {
  const { baseUrl, version } = splitGraphBaseUrl(input.graphBaseUrl);
  const { credential, tokens } = input;
  const token = () =>
    credential.kind === 'app'
      ? tokens.appOnly(credential.tenantId)
      : tokens.onBehalfOf(credential.assertion, credential.tenantId);
  // The SDK's default Node chain, with the bearer-token step swapped for the origin-exact one above.
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    middleware: [
      bearerTokenMiddleware(new URL(input.graphBaseUrl).origin, token),
      retryHandler(input.retry ?? DEFAULT_GRAPH_RETRY),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}

/** The token failure behind a Graph SDK error, if that is what it was. */
export function tokenFailureOf(error: unknown): unknown {
  return error instanceof GraphClientError && tokenFailures.has(error) ? error.customError : undefined;
}
