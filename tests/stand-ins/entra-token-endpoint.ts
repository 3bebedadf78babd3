import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * A loopback HTTPS stand-in for the Microsoft Entra ID v2 token endpoint and the OpenID documents
 * msal reads first, answering as login.microsoftonline.com does: `client_credentials` and the
 * on-behalf-of `jwt-bearer` grant, with AADSTS error bodies. It also signs the users' Teams SSO
 * tokens (the assertions) and the Graph access tokens it hands out, so the Graph stand-in can check them.
 * Tenants are as Entra has them: a tenant that does not exist (outside `tenants`, when given) is refused with
 * AADSTS90002, and one whose administrator has not consented to the app (in `unconsented`: the multi-tenant app
 * has no service principal there) with AADSTS7000229 for client credentials and AADSTS65001 for on-behalf-of.
 */
export interface EntraTokenEndpointStandIn {
  /** `https://127.0.0.1:<port>`: the value for AAD_AUTHORITY_HOST. */
  authorityHost: string;
  /** Every request as `METHOD /path`. */
  requests: string[];
  /** Every token request: the tenant in its path, its form fields, and the status answered. */
  tokenRequests: { tenantId: string; form: Record<string, string>; status: number }[];
  /** Tenants where the app has no service principal (no admin consent yet); tests may change it. */
  unconsented: Set<string>;
  /** Lifetime (`expires_in`) of the tokens issued from now on; Entra's usual is 3599. */
  expiresInSeconds: number;
  /** Signs a Teams SSO token for the app's API, as the tenant's issuer would; `overrides` replace claims. */
  issueUserToken(tenantId: string, overrides?: Record<string, unknown>): Promise<string>;
  /** The claims of an access token this stand-in issued for `audience`, or null when it did not issue it. */
  verifyAccessToken(token: string, audience: string): Promise<JWTPayload | null>;
  close(): Promise<void>;
}

/** What the stand-in knows of the app registration. */
export interface EntraTokenEndpointOptions {
  tls: { serverCertificate: string; serverKey: string };
  clientId: string;
  clientSecret: string;
  /** The Application ID URI of the app's API (the audience of Teams SSO tokens). */
  apiAudience: string;
  /** The tenants that exist; any tenant id when left out. */
  tenants?: readonly string[];
  /** Tenants whose administrator has not consented to the app (see {@link EntraTokenEndpointStandIn.unconsented}). */
  unconsented?: readonly string[];
}

const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
/** The object id of the app's service principal in every tenant; app-only tokens carry it as `oid`. */
export const SERVICE_PRINCIPAL_OID = '99999999-9999-4999-8999-999999999999';

type Answer = { status: number; body: Record<string, unknown> };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
  });
  res.end(JSON.stringify(answer.body));
}

/** Starts the stand-in on a free loopback port with the given certificate. */
export async function startEntraTokenEndpoint(
  options: EntraTokenEndpointOptions,
): Promise<EntraTokenEndpointStandIn> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'token-key-1', alg: 'RS256', use: 'sig' };
  const keySet = createLocalJWKSet({ keys: [jwk] });
  const requests: string[] = [];
  const tokenRequests: EntraTokenEndpointStandIn['tokenRequests'] = [];
  let base = '';

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'JWT' })
      .sign(pair.privateKey);

  function aadError(status: number, error: string, code: number, description: string): Answer {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = `${new Date().toISOString().slice(0, 19).replace('T', ' ')}Z`;
    return {
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `${base}/error?code=${code}`,
      },
    };
  }

  function lifetime() {
    const now = Math.floor(Date.now() / 1000);
    return { iat: now, nbf: now, exp: now + standIn.expiresInSeconds };
  }

  async function clientCredentials(tenantId: string, form: Record<string, string>): Promise<Answer> {
    const scopes = (form.scope ?? '').split(' ').filter(Boolean);
    const resource = scopes.length === 1 && scopes[0]?.endsWith('/.default') ? scopes[0].slice(0, -9) : null;
    if (!resource) {
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const accessToken = await sign({
      ...lifetime(),
      aud: resource,
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      oid: SERVICE_PRINCIPAL_OID,
      sub: SERVICE_PRINCIPAL_OID,
      appid: options.clientId,
      idtyp: 'app',
      roles: ['User.Read.All', 'MailboxSettings.Read'],
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: standIn.expiresInSeconds,
        ext_expires_in: standIn.expiresInSeconds,
        access_token: accessToken,
      },
    };
  }

  async function verifyAssertion(tenantId: string, assertion: string): Promise<JWTPayload | Answer> {
    try {
      const { payload } = await jwtVerify(assertion, keySet, {
        issuer: `${base}/${tenantId}/v2.0`,
        audience: [options.apiAudience, options.clientId],
        algorithms: ['RS256'],
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        return aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.');
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') {
        return aadError(
          400,
          'invalid_grant',
          50013,
          'Assertion audience does not match the Client app presenting the assertion.',
        );
      }
      return aadError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
    }
  }

  async function onBehalfOf(tenantId: string, form: Record<string, string>): Promise<Answer> {
    if (form.requested_token_use !== 'on_behalf_of' || !form.assertion) {
      return aadError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'assertion'.",
      );
    }
    const scopes = (form.scope ?? '').split(' ').filter((scope) => scope && !OIDC_SCOPES.has(scope));
    const resource = scopes[0]?.endsWith('/.default') ? scopes[0].slice(0, -9) : null;
    if (!resource)
      return aadError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid.`,
      );
    const user = await verifyAssertion(tenantId, form.assertion);
    if ('status' in user) return user as Answer;
    const accessToken = await sign({
      ...lifetime(),
      aud: resource,
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      oid: user.oid,
      sub: user.sub ?? user.oid,
      name: user.name,
      appid: options.clientId,
      idtyp: 'user',
      scp: 'User.Read User.ReadBasic.All',
    });
    // As Entra answers a `.default` request: the granted permissions, then `.default` itself.
    const granted = `profile openid email ${resource}/User.Read ${resource}/User.ReadBasic.All ${resource}/.default`;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: granted,
        expires_in: standIn.expiresInSeconds,
        ext_expires_in: standIn.expiresInSeconds,
        access_token: accessToken,
        ...(form.scope?.split(' ').includes('offline_access') ? { refresh_token: `rt-${randomUUID()}` } : {}),
      },
    };
  }

  function unknownTenant(tenantId: string, error: string): Answer | null {
    if (!options.tenants || options.tenants.includes(tenantId)) return null;
    return aadError(
      400,
      error,
      90002,
      `Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    );
  }

  /** Entra's answers in a tenant where the (multi-tenant) app has no service principal: no admin consent yet. */
  function notConsented(tenantId: string, grantType: string | undefined): Answer | null {
    if (!standIn.unconsented.has(tenantId)) return null;
    if (grantType === OBO_GRANT) {
      const answer = aadError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${options.clientId}' named 'Bondgenoten'. Send an interactive authorization request for this user and resource.`,
      );
      return { ...answer, body: { ...answer.body, suberror: 'consent_required' } };
    }
    return aadError(
      401,
      'invalid_client',
      7000229,
      `The client application ${options.clientId} is missing service principal in the tenant ${tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
    );
  }

  async function token(tenantId: string, form: Record<string, string>): Promise<Answer> {
    const refused = unknownTenant(tenantId, 'invalid_request');
    if (refused) return refused;
    if (form.client_id !== options.clientId) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.client_id ?? ''}' was not found in the directory '${tenantId}'.`,
      );
    }
    if (form.client_secret !== options.clientSecret) {
      return aadError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    }
    const unconsented = notConsented(tenantId, form.grant_type);
    if (unconsented) return unconsented;
    if (form.grant_type === 'client_credentials') return clientCredentials(tenantId, form);
    if (form.grant_type === OBO_GRANT) return onBehalfOf(tenantId, form);
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }

  function openIdConfiguration(tenantId: string): Answer {
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/${tenantId}/v2.0`,
        authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
        tenant_region_scope: 'EU',
      },
    };
  }

  async function route(req: IncomingMessage): Promise<Answer> {
    const path = new URL(req.url ?? '/', base).pathname;
    const config = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && config?.[1])
      return unknownTenant(config[1], 'invalid_tenant') ?? openIdConfiguration(config[1]);
    if (req.method === 'GET' && /^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(path)) {
      return { status: 200, body: { keys: [jwk] } };
    }
    const tokenPath = /^\/([0-9a-f-]{36})\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === 'POST' && tokenPath?.[1]) {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const answer = await token(tokenPath[1], form);
      tokenRequests.push({ tenantId: tokenPath[1], form, status: answer.status });
      return answer;
    }
    return { status: 404, body: { error: 'not_found' } };
  }

  const server: Server = createServer(
    { cert: options.tls.serverCertificate, key: options.tls.serverKey },
    (req, res) => {
      requests.push(`${req.method} ${req.url}`);
      route(req).then(
        (answer) => send(res, answer),
        () => send(res, { status: 500, body: { error: 'server_error' } }),
      );
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: EntraTokenEndpointStandIn = {
    authorityHost: base,
    requests,
    tokenRequests,
    unconsented: new Set(options.unconsented ?? []),
    expiresInSeconds: 3599,
    async issueUserToken(tenantId, overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      return sign({
        aud: options.apiAudience,
        iss: `${base}/${tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        tid: tenantId,
        oid: '33333333-3333-4333-8333-333333333333',
        name: 'Test Medewerker',
        scp: 'access_as_user',
        ver: '2.0',
        ...overrides,
      });
    },
    async verifyAccessToken(accessToken, audience) {
      try {
        return (await jwtVerify(accessToken, keySet, { audience, algorithms: ['RS256'] })).payload;
      } catch {
        return null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
